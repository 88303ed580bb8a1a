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
            findings.push({ ...finding, severity });
        }
    }
    return applyWaivers(findings, estate, today);
}

function applyWaivers(findings: Finding[], estate: Estate, today: string): Finding[] {
    if (estate.waivers.length === 0) return findings;
    const waivers = new Map<string, Estate['waivers'][number]>();
    for (const waiver of estate.waivers) waivers.set(`${waiver.rule}\u0000${waiver.target}`, waiver);
    return findings.map(finding => {
        const waiver = waivers.get(`${finding.ruleId}\u0000${finding.element.name}`);
        if (!waiver || (waiver.until !== undefined && waiver.until < today)) return finding;
        return { ...finding, accepted: { reason: waiver.reason, ticket: waiver.ticket, until: waiver.until } };
    });
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
