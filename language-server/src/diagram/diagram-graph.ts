/**
 * The dependency diagram as plain data: what the graph builder produces, what the layout places and
 * what the renderer draws. Plain JSON-safe objects, so the same graph crosses the LSP connection,
 * a worker thread and the webview unchanged.
 */
import type { FlowStyle, Range, Severity, Status, SystemKind } from '../model/estate.js';
import { isIdOf } from './element-ids.js';
import type { DiagramViewKind } from './view-kinds.js';

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
    /** Departments shown expanded when the estate view is an overview; `*` expands every one. */
    expand?: string[];
    /** Estate views with more systems than this open as an overview of departments (default 12). */
    aggregateAbove?: number;
    /** What the view's size decided the last time it was drawn: near a size threshold it keeps it. */
    before?: ViewForm;
    /** `Entity` or `Entity.field`: the systems that store it and the flows that carry it stand out, the rest is dimmed. */
    follow?: string;
    /** Draw exactly these systems and flows, live or planned, under this title (a lineage, an evidence document's data flows) instead of what the view and state select. */
    only?: ListedElements;
}

/** What a view's size decided about its picture (layout-size.ts), remembered from one drawing to the next. */
export interface ViewForm {
    /** The estate opened as an overview of departments. */
    overview: boolean;
    reduced: LineReduction;
    /** Laid out department by department. */
    byDepartment: boolean;
}

/** Which lines a view too large to draw each of them bundled or left out. */
export interface LineReduction {
    /** Flows between departments drawn one line per pair of departments (every department open). */
    betweenDepartments: boolean;
    /** Lines between two closed departments left to the overview (some departments open). */
    closedLeftOut: boolean;
    /** Flows of one kind between two systems drawn as one line. */
    parallelFlows: boolean;
}

export interface ListedElements {
    title: string;
    systems: string[];
    flows: string[];
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
export const EDGE_CLASSES = ['manual', 'batch', 'realtime', 'script', 'other'] as const;
export type EdgeClass = typeof EDGE_CLASSES[number];

/** The most sensitive data an element holds or carries, as the data lens colours it. */
export type DataCategory = 'phi' | 'pci' | 'personal' | 'financial' | 'regulated' | 'confidential' | 'none';
/** Whether someone answers for an element: its own owner, one inferred (a flow's consumer or producer), or nobody. */
export type OwnerState = 'owned' | 'inferred' | 'unowned';
/** What the roadmap does to an element: in the next initiative to finish, in a later one, or nothing. */
export type RoadmapMark = 'next-replaces' | 'next-delivers' | 'next-touches' | 'later-replaces' | 'later-delivers' | 'later-touches' | 'none';
/** In the to-be state: what the roadmap adds, changes (a delivered flow standing in for a replaced one) or retires. */
export type ChangeMark = 'added' | 'changed' | 'retired';

/** In the picture of a change (`integ diff … -o diff.svg`): what the change does to an element. */
export type DiffMark = 'added' | 'removed' | 'changed' | 'renamed' | 'unchanged';

export interface DiffNote {
    mark: DiffMark;
    /** What changed, in words, for the tooltip: `renamed from Alpha`, `changed: owner Ben → Cy`. */
    note?: string;
}

/** What each lens of the preview colours an element by; the layout is the same under every lens. */
export interface ElementLens {
    data: DataCategory;
    owner: OwnerState;
    /** Who owns it, when known (inferred owners included). */
    ownerName?: string;
    roadmap: RoadmapMark;
    /** Set when the view follows a piece of data: true for what stores or carries it. */
    followed?: boolean;
}

export interface DiagramNode {
    /** `system:<name>` or, for a collapsed department, `dept:<name>`. */
    id: string;
    kind: 'system' | 'department';
    name: string;
    /** The whole title. */
    label: string;
    /** The title as drawn: one or two lines, the last cut with an ellipsis when even two are too short. */
    lines: string[];
    /** Line under the title: system kind and department (or the member count of a collapsed department). */
    detail: string;
    systemKind?: SystemKind;
    department?: string;
    owner?: string;
    shadow: boolean;
    status?: Status;
    /** Group the node is drawn in (`group:<department>`), if any. */
    group?: string;
    /** Names of the systems inside a collapsed department. */
    members?: string[];
    findings: FindingCounts;
    findingList: DiagramFinding[];
    location?: SourceRef;
    lens: ElementLens;
    /** To-be state: a system the roadmap brings in. */
    change?: ChangeMark;
    /** The picture of a change: what the change does to this system. */
    diff?: DiffNote;
    width: number;
    height: number;
}

export interface DiagramGroup {
    /** `group:<department>`; `group:` + UNASSIGNED for systems without a department. */
    id: string;
    department: string;
    label: string;
    location?: SourceRef;
    /** An opened department of an overview: clicking its title folds it back into one node. */
    collapsible?: boolean;
}

export interface DiagramEdge {
    /** `flow:<name>`, or `agg:<source>-><target>` between collapsed departments. */
    id: string;
    source: string;
    target: string;
    /** The text on the line: the flow's title, cut when long, and its manual hours. */
    label: string;
    /** The flow's whole title, for the tooltip. */
    title: string;
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
    lens: ElementLens;
    /** To-be state: what the roadmap does to this flow. */
    change?: ChangeMark;
    /** The picture of a change: what the change does to this flow. */
    diff?: DiffNote;
}

export interface DiagramGraph {
    title: string;
    view: DiagramView;
    state: DiagramState;
    /** True when departments were collapsed into aggregate nodes. */
    aggregated: boolean;
    /** Which lines the view's size had bundled or left out. */
    reduced?: LineReduction;
    nodes: DiagramNode[];
    groups: DiagramGroup[];
    edges: DiagramEdge[];
    /** Things the reader must know about this picture (aggregation, fallback layout). */
    notes: string[];
    /** Node ids in the order the view reads (a process's steps), if it has one. */
    sequence?: string[];
    /** The node a context view is about. */
    focus?: string;
    /** The data the view follows (`Entity` or `Entity.field`), as asked. */
    follow?: string;
    /** The picture of a change: both states drawn in one, each element marked with its `diff`. */
    comparing?: boolean;
}

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

export interface EdgeGeometry {
    /** Polyline from the source end to the target end, absolute coordinates. */
    points: Point[];
    label?: Box;
    /** The label's text as drawn: one line, or two where the layout runs top to bottom. */
    labelLines?: string[];
}

export type LayoutDirection = 'DOWN' | 'RIGHT';

export interface DiagramLayout {
    width: number;
    height: number;
    nodes: Record<string, Box>;
    groups: Record<string, Box>;
    edges: Record<string, EdgeGeometry>;
    /** Which way flows run in the picture. */
    direction?: LayoutDirection;
    /** How much more room than usual the boxes of a layer were given (a thin strip spread out). */
    spread?: number;
    /** ELK's random seed, where the picture was found with another than the usual one: an edit tries it first. */
    seed?: number;
    /** The shape (width over height) ELK was asked to cut a long strip of layers into rows for, if it was. */
    wrap?: number;
    /** The most boxes side by side a layer was allowed, if the layers were bounded. */
    layerBound?: number;
    /** Whether labels were put in the layers with room for them rather than in layers of their own. */
    packedLabels?: boolean;
    /** Whether labels take up to three narrow lines whichever way the picture runs (a side panel). */
    narrowLabels?: boolean;
    /** Whether the flows' labels were left to their tooltips so that the picture reads in its panel; an edit keeps that. */
    labelsLeftOut?: boolean;
    /** Whether the layers were set closer than usual, the lines between them straightened (a dense view). */
    closeLayers?: boolean;
    /** Whether closed departments were set in a column on either side of the opened ones (compound-layout.ts `sided`). */
    sided?: boolean;
    /** Whether the view was laid out department by department and joined (split-layout.ts). */
    byDepartment?: boolean;
    /** Whether the departments were laid out one by one and set in rows (department-grid.ts). */
    departmentGrid?: boolean;
    /**
     * How far right of its frame's left edge a department's title is written (0 when absent): moved
     * along its title band where lines would strike it out at the left.
     */
    titleShifts?: Record<string, number>;
    /**
     * How wide a department's title is written where less than its whole width (cut with an ellipsis;
     * its hover title has it whole): lines cross its title band everywhere but a gap narrower than it.
     */
    titleWidths?: Record<string, number>;
}

export interface LaidOutDiagram {
    graph: DiagramGraph;
    layout: DiagramLayout;
}

export const UNASSIGNED = '(no department)';

/** `expand` entry that opens every department of the estate overview. */
export const EXPAND_ALL = '*';

/** Whether an edge is a line for the flows it lists (`agg:…`) rather than one flow's own line (`flow:<name>`). */
export function isBundle(edge: Pick<DiagramEdge, 'id'>): boolean {
    return !isIdOf('flow', edge.id);
}

export function emptyCounts(): FindingCounts {
    return { error: 0, warning: 0, info: 0, accepted: 0 };
}
