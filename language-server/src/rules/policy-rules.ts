import type { PolicySetting } from '../model/estate.js';
import { CATALOGUE, closestRuleId } from './catalogue.js';
import type { RawFinding, Rule, RuleContext } from './rule-kit.js';

function onSetting(ruleId: string, setting: PolicySetting, message: string, data: Record<string, unknown>, options: { onRuleId?: boolean; related?: RawFinding['related'] } = {}): RawFinding {
    return {
        ruleId,
        message: `${message} (${ruleId})`,
        element: { kind: 'policy', name: setting.key },
        uri: setting.source.uri,
        range: (options.onRuleId ? setting.source.ruleRange : undefined) ?? setting.source.range,
        related: options.related,
        data
    };
}

/** `policy.integ:8`: where a setting is, as a message names it. */
function place(setting: PolicySetting): string {
    return `${setting.source.uri.slice(setting.source.uri.lastIndexOf('/') + 1)}:${setting.source.range.start.line + 1}`;
}

function sameBlock(a: PolicySetting, b: PolicySetting): boolean {
    return a.source.uri === b.source.uri && a.source.block.start.line === b.source.block.start.line && a.source.block.start.character === b.source.block.start.character;
}

/**
 * Two blocks that set the same thing differently: each side is reported, naming the other and the
 * value that applies (the last written; blocks apply in file-name order). Twice in one block is a
 * language error already.
 */
export const conflict: Rule = {
    id: 'policy/conflict',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const byKey = new Map<string, PolicySetting[]>();
        for (const setting of estate.policy.written) {
            const list = byKey.get(setting.key);
            if (list) list.push(setting); else byKey.set(setting.key, [setting]);
        }
        for (const settings of byKey.values()) {
            const applied = settings[settings.length - 1];
            for (const setting of settings) {
                const others = settings.filter(other => other.value !== setting.value && !sameBlock(other, setting));
                if (others.length === 0) continue;
                const elsewhere = others.map(other => `${other.text} at ${place(other)}`).join(' and ');
                const wins = applied === setting ? 'this one' : `the one at ${place(applied)}`;
                yield onSetting('policy/conflict', setting,
                    `${setting.text} contradicts ${elsewhere}; ${wins} applies because policy blocks apply in file-name order and the last wins`,
                    { key: setting.key, others: others.map(place), applied: place(applied) },
                    { related: others.map(other => ({ uri: other.source.uri, range: other.source.range, message: `${other.text} is set here` })) });
            }
        }
    }
};

const KNOWN = new Set(CATALOGUE.map(rule => rule.id));

/** `rule "…"` for an id the catalogue does not have changes nothing; the nearest id is offered. */
export const unknownRule: Rule = {
    id: 'policy/unknown-rule',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const setting of estate.policy.written) {
            if (!setting.key.startsWith('rule ')) continue;
            const id = setting.key.slice('rule "'.length, -1);
            if (KNOWN.has(id)) continue;
            const suggestion = closestRuleId(id);
            yield onSetting('policy/unknown-rule', setting,
                `policy sets unknown rule "${id}"; it changes nothing${suggestion ? `. Did you mean "${suggestion}"?` : ''}`,
                { rule: id, suggestion }, { onRuleId: true });
        }
    }
};

export const POLICY_RULES: Rule[] = [conflict, unknownRule];
