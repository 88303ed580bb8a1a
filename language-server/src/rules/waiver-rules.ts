import type { Waiver } from '../model/estate.js';
import { CATALOGUE, closestRuleId } from './catalogue.js';
import { inForce, locationOf, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

function onWaiver(ruleId: string, waiver: Waiver, property: string, message: string, data: Record<string, unknown>, related?: RawFinding['related']): RawFinding {
    return {
        ruleId,
        message: `${message} (${ruleId})`,
        element: { kind: 'waiver', name: `${waiver.rule} on ${waiver.target}` },
        property,
        ...locationOf(waiver.source, property),
        related,
        data: { ...data, rule: waiver.rule, target: waiver.target }
    };
}

const KNOWN = new Set(CATALOGUE.map(rule => rule.id));

/** `waivers.integ:3`: where a declaration is, as a message names it. */
function place(waiver: Waiver): string {
    return `${waiver.source.uri.slice(waiver.source.uri.lastIndexOf('/') + 1)}:${waiver.source.nameRange.start.line + 1}`;
}

/** An `accept` must stay a decision someone revisits: past its date the finding counts again, and says so. */
export const expired: Rule = {
    id: 'waiver/expired',
    *run({ estate, today }: RuleContext): Iterable<RawFinding> {
        for (const waiver of estate.waivers) {
            if (!KNOWN.has(waiver.rule) || inForce(waiver, today)) continue;
            yield onWaiver('waiver/expired', waiver, 'until',
                `accept of ${waiver.rule} on ${waiver.target} expired on ${waiver.until}${waiver.ticket ? ` (ticket ${waiver.ticket})` : ''}; the finding counts again`,
                { until: waiver.until });
        }
    }
};

/** A misspelt rule id in an `accept` waives nothing; the nearest catalogue id is offered. */
export const unknownRule: Rule = {
    id: 'waiver/unknown-rule',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const waiver of estate.waivers) {
            if (KNOWN.has(waiver.rule)) continue;
            const suggestion = closestRuleId(waiver.rule);
            yield onWaiver('waiver/unknown-rule', waiver, 'rule',
                `accept names unknown rule "${waiver.rule}"; it waives nothing${suggestion ? `. Did you mean "${suggestion}"?` : ''}`,
                { suggestion });
        }
    }
};

/**
 * A second `accept` of the same rule on the same element is reported on the later one. The first
 * waiver in force is the one applied (rule-runner), so renewing a waiver by adding one still works.
 */
export const duplicate: Rule = {
    id: 'waiver/duplicate',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const first = new Map<string, Waiver>();
        for (const waiver of estate.waivers) {
            if (!KNOWN.has(waiver.rule)) continue;
            const key = `${waiver.rule}\u0000${waiver.target}`;
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, waiver);
                continue;
            }
            yield onWaiver('waiver/duplicate', waiver, 'target',
                `accept of ${waiver.rule} on ${waiver.target} repeats the one at ${place(earlier)}; keep one decision (the first in force applies)`,
                { first: place(earlier) },
                [{ uri: earlier.source.uri, range: earlier.source.nameRange, message: `the first accept of ${waiver.rule} on ${waiver.target}` }]);
        }
    }
};

export const WAIVER_RULES: Rule[] = [expired, unknownRule, duplicate];
