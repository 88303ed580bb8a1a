import type { FindingElement } from '../rules/finding.js';
import { appendLine } from './property-edits.js';
import type { FixProposal } from './rule-fixes.js';

/** How long a waiver inserted by the quick fix lasts before it is reviewed again. */
export const WAIVER_DAYS = 90;

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
    const [year, month, day] = date.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Elements an `accept … on` can name (the policy block and waivers are not declarations). */
export function canWaive(element: FindingElement): boolean {
    return element.kind !== 'policy' && element.kind !== 'waiver';
}

/** Appends `accept "<rule>" on <element> "TODO: reason" { ticket "TODO"  until <today + 90 days> }` to the file. */
export function acceptFix(text: string, ruleId: string, element: FindingElement, today: string): FixProposal {
    const line = `accept "${ruleId}" on ${element.name} "TODO: reason" { ticket "TODO"  until ${addDays(today, WAIVER_DAYS)} }`;
    return { title: `Accept (waive) this finding: ${ruleId} on ${element.name}`, edits: [appendLine(text, line)], preferred: false };
}
