import type { Waiver } from '../model/estate.js';
import { CATALOGUE } from './catalogue.js';
import { inForce, locationOf, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

function onWaiver(waiver: Waiver, property: string, message: string, data: Record<string, unknown>): RawFinding {
    return {
        ruleId: 'waiver/expired',
        message: `${message} (waiver/expired)`,
        element: { kind: 'waiver', name: `${waiver.rule} on ${waiver.target}` },
        property,
        ...locationOf(waiver.source, property),
        data: { ...data, rule: waiver.rule, target: waiver.target }
    };
}

/** An `accept` must stay a decision someone revisits: an expired or misspelt one hides nothing and says so. */
export const expired: Rule = {
    id: 'waiver/expired',
    *run({ estate, today }: RuleContext): Iterable<RawFinding> {
        const known = new Set(CATALOGUE.map(rule => rule.id));
        for (const waiver of estate.waivers) {
            if (!known.has(waiver.rule)) {
                yield onWaiver(waiver, 'rule', `accept names unknown rule "${waiver.rule}"; it waives nothing`, { reason: 'unknown-rule' });
            } else if (!inForce(waiver, today)) {
                yield onWaiver(waiver, 'until',
                    `accept of ${waiver.rule} on ${waiver.target} expired on ${waiver.until}${waiver.ticket ? ` (ticket ${waiver.ticket})` : ''}; the finding counts again`,
                    { reason: 'expired', until: waiver.until });
            }
        }
    }
};

export const WAIVER_RULES: Rule[] = [expired];
