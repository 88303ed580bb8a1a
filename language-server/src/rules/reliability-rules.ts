import { findingOn, flowRule, type Rule } from './rule-kit.js';
import { roundToTenth } from '../model/rounding.js';

function hours(value: number): string {
    return `${roundToTenth(value)} h/month`;
}

/** The article's ROI table: integration-related outages below 2 hours per month (the policy's downtime budget). */
export const downtime = flowRule('reliability/downtime', (flow, { estate }, report) => {
    const budget = estate.policy.downtimeBudgetHoursPerMonth;
    if (flow.status === 'retired' || flow.downtimeHoursPerMonth === undefined) return;
    if (flow.downtimeHoursPerMonth <= budget) return;
    report(findingOn('reliability/downtime', flow,
        `${flow.name} is down ${hours(flow.downtimeHoursPerMonth)}; the downtime budget is ${hours(budget)}`,
        { property: 'downtime', data: { downtimeHoursPerMonth: flow.downtimeHoursPerMonth, budgetHoursPerMonth: budget } }));
});

export const RELIABILITY_RULES: Rule[] = [downtime];
