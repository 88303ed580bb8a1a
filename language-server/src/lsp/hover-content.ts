import type { Declared, Flow } from '../model/estate.js';
import { escapeMarkdown as escape } from '../render/markdown-escape.js';
import { CATALOGUE } from '../rules/catalogue.js';
import type { Finding } from '../rules/finding.js';
import { messageWithoutRuleId, RULES_DOC_URL } from '../workspace/finding-diagnostics.js';
import { plural, retirementCounts, retirementLead, type AnalysisLookup, type DataSummary, type FlowSummary, type SystemSummary } from './element-summary.js';
import type { RetirementImpact } from '../model/retirement-impact.js';

/** Markdown shown on hover; pure functions of the analysed estate. Every model string goes through `escape`: it is text, never markup. */

const MAX_LISTED = 8;

export function systemHover(summary: SystemSummary): string {
    const { system } = summary;
    const facts = [
        system.systemKind && `kind **${system.systemKind}**`,
        system.department && `department **${escape(system.department)}**`,
        system.owner && `owner ${escape(system.owner)}`,
        system.hosting,
        system.shadow ? '**shadow IT**' : undefined,
        system.status !== 'live' ? system.status : undefined
    ].filter(Boolean);
    const lines = [
        `**system ${escape(system.name)}**${system.title !== system.name ? ` — ${escape(system.title)}` : ''}`,
        '',
        facts.join(' · '),
        '',
        `${plural(summary.flowsIn.length, 'flow')} in${listFlows(summary.flowsIn, flow => flow.sourceSystem, '←')}`,
        '',
        `${plural(summary.flowsOut.length, 'flow')} out${listFlows(summary.flowsOut, flow => flow.targetSystem, '→')}`,
        '',
        `Manual effort on its live flows: **${summary.hoursPerWeek} h/week**`,
        '',
        retirementLine(retirementLead(summary), summary.ifRetired)
    ];
    return [...lines, ...findingLines(summary.findings)].join('\n');
}

/** "If retired: 2 flows, 1 process, 12 h/week affected", naming the flows and processes. */
function retirementLine(lead: string, impact: RetirementImpact): string {
    const counts = retirementCounts(impact);
    const names = [...impact.flows, ...impact.processes].map(declared => escape(declared.name));
    const shown = names.slice(0, MAX_LISTED);
    const more = names.length - shown.length;
    return `${lead}: **${counts}**${shown.length > 0 ? ` (${shown.join(', ')}${more > 0 ? `, … ${more} more` : ''})` : ''}`;
}

/**
 * What an architect asks of a flow, in that order: where it goes, what it carries, when, at what
 * cost and under which controls; the findings only as a count, since the diagnostics show them.
 */
export function flowHover(summary: FlowSummary, lookup: AnalysisLookup): string {
    const { flow } = summary;
    const arrow = flow.twoWay ? '↔' : '→';
    const how = [
        flow.schedule && `schedule **${escape(flow.schedule.text)}**`,
        flow.style && `style **${flow.style}**`,
        flow.via && `via ${escape(flow.via)}`,
        flow.status !== 'live' ? `**${flow.status}**` : undefined
    ].filter(Boolean);
    const controls = [
        flow.auth && `auth ${flow.auth}`,
        flow.tls !== undefined && `tls ${flow.tls}`,
        flow.secrets && `secrets ${flow.secrets}`,
        flow.audit && 'audit',
        flow.monitored && 'monitored',
        flow.reconciled && 'reconciled'
    ].filter(Boolean);
    return [
        `**flow ${escape(flow.name)}**${flow.title !== flow.name ? ` — ${escape(flow.title)}` : ''}`,
        '',
        `${escape(flow.sourceSystem)} ${arrow} ${escape(flow.targetSystem)}`,
        '',
        carriedLines(flow, lookup),
        '',
        how.length > 0 ? how.join(' · ') : 'No schedule or style written',
        '',
        `Effort: **${summary.hoursPerWeek} h/week**${summary.hoursEstimated ? ' (the article\'s 10–20 h/week estimate for manual re-entry)' : ''}`,
        '',
        `Controls: ${controls.length > 0 ? controls.join(' · ') : 'none'}`,
        '',
        findingCount(summary.findings)
    ].join('\n');
}

/** "2 findings: 1 error, 1 warning · 1 accepted", or "No findings". */
function findingCount(findings: readonly Finding[]): string {
    if (findings.length === 0) return 'No findings';
    const open = findings.filter(finding => !finding.accepted);
    const bySeverity = (['error', 'warning', 'info'] as const)
        .map(severity => [severity, open.filter(finding => finding.severity === severity).length] as const)
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => plural(count, severity === 'info' ? 'information' : severity, severity === 'info' ? 'information' : `${severity}s`));
    const accepted = findings.length - open.length;
    return `${plural(findings.length, 'finding')}: ${[...bySeverity, ...(accepted > 0 ? [`${accepted} accepted`] : [])].join(', ')}`;
}

/** Where an entity's or field's data is stored (the master first) and every flow that carries it. */
export function dataHover(summary: DataSummary): string {
    const { entity, field, classification } = summary;
    const heading = field === undefined
        ? `**entity ${escape(entity.name)}**${entity.title !== entity.name ? ` — ${escape(entity.title)}` : ''}`
        : `**field ${escape(`${entity.name}.${field}`)}**${classification
            ? `: ${escape(classification.name)} — ${escape(classification.title)}${classification.regulations.length > 0 ? ` (${escape(classification.regulations.join(', '))})` : ''}`
            : ' (unclassified)'}`;
    const stores = summary.stores.map(store => `${escape(store.system)}${store.master ? ' (master)' : ''}`);
    const flows = summary.flows.map(flow => {
        const carried = flow.carries.find(c => c.entity === entity.name);
        const all = carried?.all ? ` (${escape(`${entity.name}.*`)})` : '';
        return `- ${escape(flow.name)}: ${escape(flow.sourceSystem)} ${flow.twoWay ? '↔' : '→'} ${escape(flow.targetSystem)}${all}${flow.status !== 'live' ? ` — ${flow.status}` : ''}`;
    });
    const shown = flows.slice(0, MAX_LISTED * 2);
    const more = flows.length - shown.length;
    return [
        heading,
        '',
        stores.length > 0 ? `Stored in: ${stores.join(', ')}` : 'Stored in no system (no master, no `stores`)',
        '',
        flows.length > 0 ? `Carried by ${plural(flows.length, 'flow')}:` : 'Carried by no flow',
        ...shown,
        ...(more > 0 ? [`- … ${more} more`] : [])
    ].join('\n');
}

export function declarationHover(declared: Declared): string {
    return `**${declared.kind} ${escape(declared.name)}**${declared.title !== declared.name ? ` — ${escape(declared.title)}` : ''}${declared.source.builtin ? '\n\n_standard library_' : ''}`;
}

/** Title and rationale of a catalogue rule, or undefined for an unknown id. */
export function ruleHover(ruleId: string): string | undefined {
    const rule = CATALOGUE.find(entry => entry.id === ruleId);
    if (!rule) return undefined;
    return [
        `**${rule.id}** — ${rule.title} (default: ${rule.defaultSeverity})`,
        '',
        rule.rationale,
        '',
        `[Documentation](${RULES_DOC_URL}#${rule.anchor})`
    ].join('\n');
}

function carriedLines(flow: Flow, lookup: AnalysisLookup): string {
    if (flow.carries.length === 0) return 'Carries no data';
    const fields = flow.carries.flatMap(carried => carried.fields.map(field => {
        const classification = lookup.classificationOf(carried.entity, field);
        return `- ${escape(`${carried.entity}.${field}`)}${classification ? ` — ${escape(classification)}` : ''}`;
    }));
    const shown = fields.slice(0, MAX_LISTED * 2);
    const more = fields.length - shown.length;
    return ['Carries:', ...shown, ...(more > 0 ? [`- … ${more} more`] : [])].join('\n');
}

function listFlows(flows: Flow[], other: (flow: Flow) => string, arrow: string): string {
    if (flows.length === 0) return '';
    const shown = flows.slice(0, MAX_LISTED).map(flow => `${escape(flow.name)} ${arrow} ${escape(other(flow))}`);
    const more = flows.length - shown.length;
    return `: ${shown.join(', ')}${more > 0 ? `, … ${more} more` : ''}`;
}

function findingLines(findings: Finding[]): string[] {
    if (findings.length === 0) return ['', 'No findings'];
    const shown = findings.slice(0, MAX_LISTED).map(finding =>
        `- ${finding.accepted ? 'accepted' : finding.severity} \`${finding.ruleId}\`: ${escape(messageWithoutRuleId(finding))}`);
    const more = findings.length - shown.length;
    return ['', `${plural(findings.length, 'finding')}:`, ...shown, ...(more > 0 ? [`- … ${more} more`] : [])];
}

