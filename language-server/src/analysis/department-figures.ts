import type { Estate } from '../model/estate.js';
import { currentSystems, isShadow } from '../model/inventory.js';
import { percentToTenth } from '../model/rounding.js';
import type { Finding } from '../rules/finding.js';
import { areaOf } from './findings-totals.js';

/** The heat map's columns: the areas a steering committee acts on. */
export const HEAT_AREAS = ['gap', 'security', 'compliance', 'roadmap'] as const;
export type HeatArea = typeof HEAT_AREAS[number];

/** Findings no department answers for (an entity, a regulation, the policy) are shown on this row. */
export const NO_DEPARTMENT = '';

export interface DepartmentFindingsRow {
    /** The department's name, or NO_DEPARTMENT. */
    department: string;
    title: string;
    counts: Record<HeatArea, number>;
}

/**
 * The department a finding is charged to: a system's own; a flow's target system's (the consumer
 * waits for the data, as the flow's owner is inferred), else its source's; an initiative's first
 * department. One department per finding, so a row sums to the findings it stands for.
 */
function departmentOf(estate: Estate, finding: Finding): string | undefined {
    const { kind, name } = finding.element;
    if (kind === 'department') return estate.departments.has(name) ? name : undefined;
    if (kind === 'system') return estate.systems.get(name)?.department;
    if (kind === 'flow') {
        const flow = estate.flows.get(name);
        if (!flow) return undefined;
        return estate.systems.get(flow.targetSystem)?.department ?? estate.systems.get(flow.sourceSystem)?.department;
    }
    if (kind === 'initiative') return estate.initiatives.get(name)?.departments[0];
    return undefined;
}

/** Open findings of the heat map's areas per department, departments in declaration order, the unassigned row last when it has any. */
export function findingsByDepartment(estate: Estate, findings: readonly Finding[]): DepartmentFindingsRow[] {
    const empty = (): Record<HeatArea, number> => ({ gap: 0, security: 0, compliance: 0, roadmap: 0 });
    const rows = new Map<string, DepartmentFindingsRow>();
    for (const department of estate.departments.values()) {
        if (!department.source.builtin) rows.set(department.name, { department: department.name, title: department.title, counts: empty() });
    }
    const unassigned: DepartmentFindingsRow = { department: NO_DEPARTMENT, title: 'No department', counts: empty() };
    for (const finding of findings) {
        if (finding.accepted) continue;
        const area = areaOf(finding.ruleId);
        if (!(HEAT_AREAS as readonly string[]).includes(area)) continue;
        const row = rows.get(departmentOf(estate, finding) ?? NO_DEPARTMENT) ?? unassigned;
        row.counts[area as HeatArea]++;
    }
    const result = [...rows.values()];
    if (HEAT_AREAS.some(area => unassigned.counts[area] > 0)) result.push(unassigned);
    return result;
}

export interface ShadowShareRow {
    department: string;
    title: string;
    systems: number;
    shadow: number;
    /** 0–100 to one decimal. */
    percent: number;
}

/** Current systems per department and how many are shadow IT; departments without systems are left out. */
export function shadowShareByDepartment(estate: Estate): ShadowShareRow[] {
    const rows = new Map<string, ShadowShareRow>();
    for (const system of currentSystems(estate)) {
        const name = system.department ?? NO_DEPARTMENT;
        let row = rows.get(name);
        if (!row) {
            const title = system.department ? estate.departments.get(system.department)?.title ?? system.department : 'No department';
            rows.set(name, row = { department: name, title, systems: 0, shadow: 0, percent: 0 });
        }
        row.systems++;
        if (isShadow(system)) row.shadow++;
    }
    return [...rows.values()]
        .map(row => ({ ...row, percent: percentToTenth(row.shadow, row.systems) }))
        .sort((a, b) => b.percent - a.percent || b.shadow - a.shadow || a.title.localeCompare(b.title));
}
