import type { Estate } from '../model/estate.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import type { Finding } from '../rules/finding.js';
import { heldFields } from '../rules/holdings.js';
import { flowHours } from '../model/inventory.js';
import { roundToTenth } from '../model/rounding.js';

export interface GapTypeRow {
    ruleId: string;
    findings: number;
    /** Distinct flows with this gap. */
    flows: number;
    /** Manual hours per week spent on those flows (`effort`; manual flows without it at the article's 15 h). */
    hoursPerWeek: number;
    estimatedFlows: number;
}

export interface RegulationRow {
    regulation: string;
    title: string;
    errors: number;
    warnings: number;
    infos: number;
    accepted: number;
    byRule: Array<{ ruleId: string; count: number }>;
}

/** Gap findings (not waived) per gap type, with the manual hours of the flows they are on. */
export function gapsByType(estate: Estate, findings: Finding[]): GapTypeRow[] {
    const rows = new Map<string, { findings: number; flows: Set<string> }>();
    for (const finding of findings) {
        if (!finding.ruleId.startsWith('gap/') || finding.accepted) continue;
        let row = rows.get(finding.ruleId);
        if (!row) rows.set(finding.ruleId, row = { findings: 0, flows: new Set() });
        row.findings++;
        if (finding.element.kind === 'flow' && estate.flows.has(finding.element.name)) row.flows.add(finding.element.name);
    }
    return [...rows].map(([ruleId, row]) => {
        let hours = 0;
        let estimatedFlows = 0;
        for (const name of row.flows) {
            const { hours: h, estimated } = flowHours(estate.flows.get(name)!);
            hours += h;
            if (estimated) estimatedFlows++;
        }
        return { ruleId, findings: row.findings, flows: row.flows.size, hoursPerWeek: roundToTenth(hours), estimatedFlows };
    }).sort((a, b) => b.hoursPerWeek - a.hoursPerWeek || b.findings - a.findings || a.ruleId.localeCompare(b.ruleId));
}

/** The regulations whose data the finding's element carries or holds. */
export function regulationsOfElement(finding: Finding, estate: Estate, index: EstateIndex): Set<string> {
    const regulations = new Set<string>();
    const add = (classification: string | undefined) => index.regulationsOf(classification).forEach(r => regulations.add(r));
    const { kind, name } = finding.element;
    if (kind === 'flow') {
        const flow = estate.flows.get(name);
        if (flow) index.classificationsCarried(flow).forEach(c => add(c.name));
    } else if (kind === 'system') {
        // What the system holds, as the data-at-rest rules read it: stored, mastered, or kept as a spreadsheet.
        const system = estate.systems.get(name);
        if (system) heldFields(system, { index }, () => true).forEach(field => add(field.classification?.name));
    } else if (kind === 'entity') {
        estate.entities.get(name)?.fields.forEach(field => add(field.classification));
    } else if (kind === 'classification') {
        add(name);
    } else if (kind === 'regulation') {
        regulations.add(name);
    }
    return regulations;
}

/** Findings on elements that carry or store regulated data, per regulation (a finding counts once per regulation it touches). */
export function findingsByRegulation(estate: Estate, findings: Finding[]): RegulationRow[] {
    const index = indexEstate(estate);
    const rows = new Map<string, RegulationRow & { rules: Map<string, number> }>();
    for (const finding of findings) {
        for (const regulation of regulationsOfElement(finding, estate, index)) {
            let row = rows.get(regulation);
            if (!row) {
                rows.set(regulation, row = {
                    regulation, title: estate.regulations.get(regulation)?.title ?? regulation,
                    errors: 0, warnings: 0, infos: 0, accepted: 0, byRule: [], rules: new Map()
                });
            }
            if (finding.accepted) row.accepted++;
            else if (finding.severity === 'error') row.errors++;
            else if (finding.severity === 'warning') row.warnings++;
            else row.infos++;
            row.rules.set(finding.ruleId, (row.rules.get(finding.ruleId) ?? 0) + 1);
        }
    }
    return [...rows.values()].map(({ rules, ...row }) => ({
        ...row,
        byRule: [...rules].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
    })).sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.regulation.localeCompare(b.regulation));
}
