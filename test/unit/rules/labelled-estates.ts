import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../language-server/src/rules/finding.js';
import { languageDiagnostics, loadTexts } from '../helpers/workspace.js';

/**
 * Estates written for the rules' precision and recall (test/fixtures/labelled-estates): each folder
 * holds the `.integ` files and `expected-findings.json`, the findings labelled by hand from the
 * documentation before the rules were run on it.
 */
export const LABELLED = join(__dirname, '../../fixtures/labelled-estates');

export interface Label {
    file: string;
    /** One-based, as an editor shows it. */
    line: number;
    severity: string;
    ruleId: string;
    element: string;
    accepted: boolean;
    /** Why the labeller expects it (not compared). */
    why?: string;
}

export function labelledEstates(): string[] {
    return readdirSync(LABELLED, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name).sort();
}

export function labelsOf(estate: string): Label[] {
    return JSON.parse(readFileSync(join(LABELLED, estate, 'expected-findings.json'), 'utf8')) as Label[];
}

/** The estate's findings in the labels' shape, and its language errors (which must be none). */
export async function findingsOf(estate: string): Promise<{ found: Label[]; languageErrors: string[] }> {
    const folder = join(LABELLED, estate);
    const files = Object.fromEntries(readdirSync(folder).filter(name => name.endsWith('.integ')).map(name => [name, readFileSync(join(folder, name), 'utf8')]));
    const workspace = await loadTexts(files);
    const found = workspace.analysis.findings.map((finding: Finding) => ({
        file: finding.uri.replace('file:///ws/', ''),
        line: finding.range.start.line + 1,
        severity: finding.severity,
        ruleId: finding.ruleId,
        element: finding.element.kind === 'policy' || finding.element.kind === 'waiver' ? finding.element.kind : finding.element.name,
        accepted: finding.accepted !== undefined
    }));
    return { found, languageErrors: languageDiagnostics(workspace) };
}

/** What identifies a finding: where it is shown, its rule and its element. Severity and waiver are compared apart. */
export function keyOf(label: Label): string {
    return `${label.file}:${label.line} ${label.ruleId} ${label.element}`;
}

export function outcomeOf(label: Label): string {
    return `${keyOf(label)} ${label.severity}${label.accepted ? ' accepted' : ''}`;
}

export interface RuleScore { ruleId: string; expected: number; found: number; matched: number }

/** Per rule: labelled, found and matched findings (keys compared as multisets). */
export function score(labels: readonly Label[], found: readonly Label[]): RuleScore[] {
    const rules = new Map<string, RuleScore>();
    const row = (ruleId: string) => {
        let entry = rules.get(ruleId);
        if (!entry) rules.set(ruleId, entry = { ruleId, expected: 0, found: 0, matched: 0 });
        return entry;
    };
    const open = new Map<string, number>();
    for (const label of labels) {
        row(label.ruleId).expected++;
        open.set(keyOf(label), (open.get(keyOf(label)) ?? 0) + 1);
    }
    for (const finding of found) {
        const entry = row(finding.ruleId);
        entry.found++;
        const left = open.get(keyOf(finding)) ?? 0;
        if (left > 0) {
            entry.matched++;
            open.set(keyOf(finding), left - 1);
        }
    }
    return [...rules.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}
