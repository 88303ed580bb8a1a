/**
 * The dependency diagram as plain data: what the graph builder produces, what the layout places and
 * what the renderer draws. Plain JSON-safe objects, so the same graph crosses the LSP connection,
 * a worker thread and the webview unchanged.
 */
import type { FlowStyle, Range, Severity, Status, SystemKind } from '../model/estate.js';

export type DiagramViewKind = 'estate' | 'process' | 'department' | 'system';

export interface DiagramView {
    kind: DiagramViewKind;
    /** The process, department or system shown; absent for `estate`. */
    name?: string;
    /** Neighbourhood depth of a `system` view: 1 or 2. */
    depth?: 1 | 2;
}

/** `as-is`: live flows; `to-be`: the roadmap applied (replaced flows removed, delivered flows added). */
export type DiagramState = 'as-is' | 'to-be';

export interface DiagramFilters {
    /** Keep flows carrying any of these classifications (and their systems). */
    classifications?: string[];
    /** Keep elements with a finding whose rule id equals or starts with `<entry>/` (so `security` is an area). */
    findings?: string[];
}

export interface DiagramOptions {
    view: DiagramView;
    state: DiagramState;
    filters?: DiagramFilters;
    /** Departments shown expanded even when the estate view aggregates. */
    expand?: string[];
    /** Estate views with more systems than this collapse departments (default 150). */
    aggregateAbove?: number;
}

export interface SourceRef {
    uri: string;
    range: Range;
}

export interface FindingCounts {
    error: number;
    warning: number;
    info: number;
    /** Waived findings: shown, never counted in the badge colour. */
    accepted: number;
}

export interface DiagramFinding {
    ruleId: string;
    severity: Severity;
    message: string;
    accepted: boolean;
}

/** Colour family of an edge in the legend. */
export type EdgeClass = 'manual' | 'batch' | 'realtime' | 'script' | 'other';

export interface DiagramNode {
    /** `system:<name>` or, for a collapsed department, `dept:<name>`. */
    id: string;
    kind: 'system' | 'department';
    name: string;
    label: string;
    /** Second line: system kind (or the member count of a collapsed department). */
    detail: string;
    systemKind?: SystemKind;
    department?: string;
    owner?: string;
    shadow: boolean;
    status?: Status;
    /** Group the node is drawn in (`group:<department>`), if any. */
    group?: string;
    /** Systems inside a collapsed department. */
    members?: number;
    findings: FindingCounts;
    findingList: DiagramFinding[];
    location?: SourceRef;
    width: number;
    height: number;
}

export interface DiagramGroup {
    /** `group:<department>`; `group:` + UNASSIGNED for systems without a department. */
    id: string;
    department: string;
    label: string;
    location?: SourceRef;
}

export interface DiagramEdge {
    /** `flow:<name>`, or `agg:<source>-><target>` between collapsed departments. */
    id: string;
    source: string;
    target: string;
    label: string;
    /** Flow names behind the edge (one for a flow, several for an aggregate). */
    flows: string[];
    style?: FlowStyle;
    edgeClass: EdgeClass;
    twoWay: boolean;
    status?: Status;
    classifications: string[];
    regulated: boolean;
    /** Manual effort per week, summed over the flows behind the edge. */
    hoursPerWeek?: number;
    findings: FindingCounts;
    findingList: DiagramFinding[];
    location?: SourceRef;
}

export interface DiagramGraph {
    title: string;
    view: DiagramView;
    state: DiagramState;
    /** True when departments were collapsed into aggregate nodes. */
    aggregated: boolean;
    nodes: DiagramNode[];
    groups: DiagramGroup[];
    edges: DiagramEdge[];
    /** Things the reader must know about this picture (aggregation, fallback layout). */
    notes: string[];
}

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

export interface EdgeGeometry {
    /** Polyline from the source end to the target end, absolute coordinates. */
    points: Point[];
    label?: Box;
}

export interface DiagramLayout {
    width: number;
    height: number;
    nodes: Record<string, Box>;
    groups: Record<string, Box>;
    edges: Record<string, EdgeGeometry>;
}

export interface LaidOutDiagram {
    graph: DiagramGraph;
    layout: DiagramLayout;
}

export const UNASSIGNED = '(no department)';

export function emptyCounts(): FindingCounts {
    return { error: 0, warning: 0, info: 0, accepted: 0 };
}
