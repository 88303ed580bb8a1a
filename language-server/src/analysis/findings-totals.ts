import type { Severity } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';

/** Findings of one area (the rule id's prefix: gap, security, compliance, roadmap…), each counted once. */
export interface AreaTotals {
    area: string;
    errors: number;
    warnings: number;
    infos: number;
    /** Covered by an `accept` waiver: listed, not counted as open. */
    accepted: number;
}

export interface FindingTotals {
    byArea: AreaTotals[];
    /** The column sums: every finding exactly once, whatever it touches. */
    total: AreaTotals;
}

export function areaOf(ruleId: string): string {
    const slash = ruleId.indexOf('/');
    return slash < 0 ? ruleId : ruleId.slice(0, slash);
}

const COLUMN: Record<Severity, 'errors' | 'warnings' | 'infos'> = { error: 'errors', warning: 'warnings', info: 'infos' };

function emptyTotals(area: string): AreaTotals {
    return { area, errors: 0, warnings: 0, infos: 0, accepted: 0 };
}

function add(totals: AreaTotals, finding: Finding): void {
    if (finding.accepted) totals.accepted++;
    else totals[COLUMN[finding.severity]]++;
}

/** Open findings by area and severity, most errors first. */
export function findingTotals(findings: readonly Finding[]): FindingTotals {
    const areas = new Map<string, AreaTotals>();
    const total = emptyTotals('all');
    for (const finding of findings) {
        const area = areaOf(finding.ruleId);
        let row = areas.get(area);
        if (!row) areas.set(area, row = emptyTotals(area));
        add(row, finding);
        add(total, finding);
    }
    const byArea = [...areas.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos || a.area.localeCompare(b.area));
    return { byArea, total };
}
