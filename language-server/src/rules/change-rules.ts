import { findingOn, relatedTo, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';
import { roundToTenth } from '../model/rounding.js';

/** The article's retrospective: "Conduct 30-day retrospective". */
export const RETROSPECTIVE_DAYS = 30;

function range(min: number, max: number, unit: string): string {
    return min === max ? `${roundToTenth(min)} ${unit}` : `${roundToTenth(min)}–${roundToTenth(max)} ${unit}`;
}

/** The article: 2-3 "integration champions" per department, technically comfortable and socially influential. */
export const champions: Rule = {
    id: 'change/champions',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const wanted = estate.policy.champions;
        for (const initiative of estate.initiatives.values()) {
            for (const name of initiative.departments) {
                const department = estate.departments.get(name);
                if (!department || department.champions.length >= wanted.min) continue;
                const have = department.champions.length === 0
                    ? 'no champions'
                    : `${department.champions.length} champion${department.champions.length === 1 ? '' : 's'} (${department.champions.join(', ')})`;
                yield findingOn('change/champions', initiative,
                    `${department.name} has ${have} for ${initiative.name}; the policy asks for ${range(wanted.min, wanted.max, 'per department')}`,
                    { property: 'departments', related: [relatedTo(department, `${department.name} is declared here`)], data: { department: department.name, champions: department.champions.length, min: wanted.min } });
            }
        }
    }
};

/** The article: run parallel systems for 2-4 weeks during transition; conduct a 30-day retrospective. */
export const parallelRun: Rule = {
    id: 'change/parallel-run',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const { min, max } = estate.policy.parallelRunWeeks;
        const wanted = range(min, max, 'weeks');
        for (const initiative of estate.initiatives.values()) {
            const weeks = initiative.parallelRunWeeks;
            if (weeks === undefined) {
                yield findingOn('change/parallel-run', initiative, `${initiative.name} plans no parallel run; run old and new side by side for ${wanted}`,
                    { data: { fix: 'parallel-run', missing: true, min, max } });
            } else if (weeks < min || weeks > max) {
                yield findingOn('change/parallel-run', initiative,
                    `${initiative.name} runs in parallel for ${roundToTenth(weeks)} weeks; the policy asks for ${wanted}`,
                    { property: 'parallelRun', data: { fix: 'parallel-run', weeks, min, max } });
            }
            const days = initiative.retrospectiveDays;
            if (days === undefined) {
                yield findingOn('change/parallel-run', initiative, `${initiative.name} plans no retrospective; hold one within ${RETROSPECTIVE_DAYS} days of go-live`,
                    { data: { fix: 'retrospective', missing: true } });
            } else if (days > RETROSPECTIVE_DAYS) {
                yield findingOn('change/parallel-run', initiative,
                    `${initiative.name} holds its retrospective after ${Math.round(days)} days; the article asks for one within ${RETROSPECTIVE_DAYS} days`,
                    { property: 'retrospective', data: { fix: 'retrospective', days } });
            }
        }
    }
};

export const CHANGE_RULES: Rule[] = [champions, parallelRun];
