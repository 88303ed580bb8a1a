import type { Declared, Flow } from '../model/estate.js';
import { escapeMarkdown as escape } from '../render/markdown-escape.js';
import { CATALOGUE } from '../rules/catalogue.js';
import type { Finding } from '../rules/finding.js';
import { RULES_DOC_URL } from '../workspace/finding-diagnostics.js';
import { plural, type AnalysisLookup, type FlowSummary, type SystemSummary } from './element-summary.js';

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
        `Manual effort on its live flows: **${summary.hoursPerWeek} h/week**`
    ];
    return [...lines, ...findingLines(summary.findings)].join('\n');
}

export function flowHover(summary: FlowSummary, lookup: AnalysisLookup): string {
    const { flow } = summary;
    const arrow = flow.twoWay ? '↔' : '→';
    const facts = [
        flow.style && `style **${flow.style}**`,
        flow.schedule && `schedule ${escape(flow.schedule.text)}`,
        flow.via && `via ${escape(flow.via)}`,
        flow.auth && `auth ${flow.auth}`,
        flow.tls !== undefined && `tls ${flow.tls}`,
        flow.status !== 'live' ? flow.status : undefined
    ].filter(Boolean);
    const lines = [
        `**flow ${escape(flow.name)}**${flow.title !== flow.name ? ` — ${escape(flow.title)}` : ''}`,
        '',
        `${escape(flow.sourceSystem)} ${arrow} ${escape(flow.targetSystem)}`,
        '',
        facts.join(' · '),
        '',
        carriedLines(flow, lookup),
        '',
        `Effort: **${summary.hoursPerWeek} h/week**${summary.hoursEstimated ? ' (the article\'s 10–20 h/week estimate for manual re-entry)' : ''}`
    ];
    return [...lines, ...findingLines(summary.findings)].join('\n');
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
        `- ${finding.accepted ? 'accepted' : finding.severity} \`${finding.ruleId}\`: ${escape(stripRuleSuffix(finding))}`);
    const more = findings.length - shown.length;
    return ['', `${plural(findings.length, 'finding')}:`, ...shown, ...(more > 0 ? [`- … ${more} more`] : [])];
}

function stripRuleSuffix(finding: Finding): string {
    const suffix = ` (${finding.ruleId})`;
    return finding.message.endsWith(suffix) ? finding.message.slice(0, -suffix.length) : finding.message;
}
