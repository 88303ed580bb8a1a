import type { Estate, Severity } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { ALL_RULES } from './all-rules.js';
import { CATALOGUE } from './catalogue.js';
import type { Finding } from './finding.js';
import type { RawFinding, Rule, RuleContext } from './rule-kit.js';
import { todayIso } from '../model/units.js';

const DEFAULT_SEVERITY = new Map<string, Severity>(CATALOGUE.map(rule => [rule.id, rule.defaultSeverity]));

/**
 * Runs every rule over the estate, then applies the policy (per-rule severity, `off`) and the
 * waivers (`accept` turns a finding into an accepted one; it is never dropped). A rule that throws
 * becomes one internal-error finding naming it; the other rules still report.
 */
export function runRules(estate: Estate, options: { rules?: readonly Rule[]; today?: string } = {}): Finding[] {
    const rules = options.rules ?? ALL_RULES;
    const today = options.today ?? todayIso();
    const recorded = new Map<string, RawFinding[]>();
    const context: RuleContext = {
        estate, index: indexEstate(estate), today,
        findingsOf: rule => recorded.get(rule.id) ?? [...rule.run(context)]
    };
    const findings: Finding[] = [];
    for (const rule of rules) {
        const setting = estate.policy.ruleSeverity[rule.id];
        if (setting === 'off') continue;
        let raw: RawFinding[];
        try {
            raw = [...rule.run(context)];
            recorded.set(rule.id, raw);
        } catch (error) {
            findings.push(internalError(rule.id, error, estate));
            continue;
        }
        for (const finding of raw) {
            const severity = setting ?? finding.severity ?? DEFAULT_SEVERITY.get(rule.id) ?? 'warning';
            findings.push(withOutcome(finding, severity, undefined));
        }
    }
    return applyWaivers(findings, estate, today);
}

function applyWaivers(findings: Finding[], estate: Estate, today: string): Finding[] {
    if (estate.waivers.length === 0) return findings;
    // Per rule, then per target: no key string is built for each of thousands of findings.
    const waivers = new Map<string, Map<string, Estate['waivers'][number]>>();
    for (const waiver of estate.waivers) {
        const byTarget = waivers.get(waiver.rule) ?? new Map<string, Estate['waivers'][number]>();
        byTarget.set(waiver.target, waiver);
        waivers.set(waiver.rule, byTarget);
    }
    return findings.map(finding => {
        const waiver = waivers.get(finding.ruleId)?.get(finding.element.name);
        if (!waiver || (waiver.until !== undefined && waiver.until < today)) return finding;
        return withOutcome(finding, finding.severity, { reason: waiver.reason, ticket: waiver.ticket, until: waiver.until });
    });
}

/** A finding with its severity and waiver, as one literal of fixed shape (an object spread per finding made every edit slower). */
function withOutcome(finding: RawFinding, severity: Severity, accepted: Finding['accepted']): Finding {
    return {
        ruleId: finding.ruleId, severity, message: finding.message, element: finding.element, property: finding.property,
        uri: finding.uri, range: finding.range, related: finding.related, data: finding.data, accepted
    };
}

function internalError(ruleId: string, error: unknown, estate: Estate): Finding {
    const anchor = estate.policy.source ?? [...estate.systems.values()].find(s => !s.source.builtin)?.source;
    return {
        ruleId: 'internal-error',
        severity: 'error',
        message: `Rule ${ruleId} failed: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this. (internal-error)`,
        element: { kind: 'policy', name: ruleId },
        uri: anchor?.uri ?? '',
        range: anchor?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        data: { rule: ruleId }
    };
}
