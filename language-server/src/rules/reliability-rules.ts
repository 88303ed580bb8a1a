import { findingOn, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

function hours(value: number): string {
    return `${Math.round(value * 10) / 10} h/month`;
}

/** The article's ROI table: integration-related outages below 2 hours per month (the policy's downtime budget). */
export const downtime: Rule = {
    id: 'reliability/downtime',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const budget = estate.policy.downtimeBudgetHoursPerMonth;
        for (const flow of estate.flows.values()) {
            if (flow.status === 'retired' || flow.downtimeHoursPerMonth === undefined) continue;
            if (flow.downtimeHoursPerMonth <= budget) continue;
            yield findingOn('reliability/downtime', flow,
                `${flow.name} is down ${hours(flow.downtimeHoursPerMonth)}; the downtime budget is ${hours(budget)}`,
                { property: 'downtime', data: { downtimeHoursPerMonth: flow.downtimeHoursPerMonth, budgetHoursPerMonth: budget } });
        }
    }
};

export const RELIABILITY_RULES: Rule[] = [downtime];
