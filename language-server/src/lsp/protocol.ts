/**
 * Every custom LSP message between the extension and the language server, typed once and imported
 * by both sides: each message is one `RequestType` or `NotificationType` carrying its method, its
 * parameters and its result, so no call site restates them. The extension's bundle takes these
 * classes from vscode-languageclient's copy of the JSON-RPC library, whose connection it sends them
 * on (see scripts/build.mjs); the webview imports the types only.
 */
import { NotificationType, RequestType } from 'vscode-languageserver';
import type { DiagramView } from '../diagram/diagram-graph.js';
import type { Lens } from '../diagram/lenses.js';
import type { RoadmapReport } from '../roadmap/roadmap-report.js';

/** Server → client after a build whose estate may have changed; the previews then pull. */
export const ModelChangedNotification = new NotificationType<ModelChangedParams>('integ/modelChanged');
export interface ModelChangedParams {
    /** URIs of the documents built in this round. */
    uris: string[];
    /** True when any workspace document has syntax errors (previews keep their last good picture). */
    hasSyntaxErrors: boolean;
}

/**
 * Client → server: one view of the dependency diagram, laid out and rendered to SVG. The answer
 * carries what the preview needs at once (picture, legend, click targets, pickers); hover text is
 * fetched per element with `integ/diagramTooltip`, since a large view's finding lines would
 * otherwise weigh down every answer (docs/performance.md).
 */
export const DiagramRequest = new RequestType<DiagramRequestParams, DiagramRequestResult, void>('integ/diagram');
export interface DiagramRequestParams {
    view: DiagramView;
    state: 'as-is' | 'to-be';
    filters?: { classifications?: string[]; findings?: string[] };
    /** Departments to show opened when the estate view is an overview; `*` opens every one. */
    expand?: string[];
    /** `Entity` or `Entity.field`: what stores or carries it stands out, the rest is dimmed. */
    follow?: string;
    layoutTimeoutMs?: number;
    /**
     * false: leave out the hover titles (`<title>`) of departments, systems, flows and locks. The
     * preview shows `integ/diagramTooltip` instead and asks for titles only to export the SVG.
     * Default true.
     */
    hoverTitles?: boolean;
    /** false: the SVG without its title, notes and legend (the preview shows them itself). Default true. */
    chrome?: boolean;
    /** The lens the SVG is coloured by: an exported picture keeps the lens it was looked at with. Default `style`. */
    lens?: Lens;
    /** Size of the panel the picture is shown in, in CSS pixels: the layout takes its shape. */
    panel?: { width: number; height: number };
}
export interface DiagramLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
/** Where one element is declared: index into `DiagramLocations.files`, then its LSP range (0-based). */
export type DiagramLocationEntry = [file: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number];
/** Each file named once: a large view's elements come from a handful of files. */
export interface DiagramLocations {
    files: string[];
    /** `data-id` of a node, edge or group → where it is declared. */
    at: Record<string, DiagramLocationEntry>;
}
/** Hover text of one node or edge, as plain lines (the webview renders them as text). */
export interface DiagramTooltip {
    title: string;
    lines: string[];
}
/** A system inside a collapsed department node. */
export interface FoldedSystem {
    /** `system:<name>`: its id once the department is opened. */
    id: string;
    title: string;
    /** The department node drawn instead (`dept:<name>`). */
    department: string;
}

export interface DiagramRequestResult {
    /**
     * Standalone SVG, every model string already escaped; empty when `error` is set. Each flow's line
     * is drawn once: the preview adds its own wide click targets.
     */
    svg: string;
    title: string;
    notes: string[];
    /** True when a workspace document has lexing, parsing or linking errors. */
    hasErrors: boolean;
    /** Why there is no diagram (an unknown process, department, system or entity). */
    error?: string;
    nodeCount: number;
    edgeCount: number;
    locations: DiagramLocations;
    /** Collapsed department node ids (`dept:<name>`) that a click opens. */
    expandable: string[];
    /** Opened department box ids (`group:<name>`) that a click on the title folds back. */
    collapsible: string[];
    /** Systems not drawn because their department is collapsed: for search to find them and open the department. */
    folded: FoldedSystem[];
    /** The legend as its own SVG, for the preview to show at a fixed size under every lens. */
    legend: string;
    /** What the pickers and filters can offer. */
    choices: {
        processes: string[]; departments: string[]; systems: string[]; classifications: string[]; ruleIds: string[];
        /** Entities and `Entity.field`s to follow. */
        data: string[];
    };
}

/**
 * Client → server: the hover text of one element of a diagram, answered from the server's copy of
 * that diagram (`diagram`: the parameters it was asked for with). `null` when the element is not in
 * the diagram as the workspace stands now.
 */
export const DiagramTooltipRequest = new RequestType<DiagramTooltipParams, DiagramTooltipResult, void>('integ/diagramTooltip');
export interface DiagramTooltipParams {
    diagram: DiagramRequestParams;
    /** `data-id` of a node or edge. */
    id: string;
}
export type DiagramTooltipResult = DiagramTooltip | null;

/** Client → server: the roadmap schedule, its impact and the rendered body for the roadmap preview. */
export const RoadmapRequest = new RequestType<RoadmapRequestParams, RoadmapRequestResult, void>('integ/roadmap');
export interface RoadmapRequestParams {
    /** `YYYY-MM-DD`; the server's date when absent. */
    today?: string;
}
export interface RoadmapRequestResult {
    /** Schedule and impact (see analysis/roadmap-schedule.ts and analysis/roadmap-impact.ts), plain JSON. */
    report: RoadmapReport;
    /** The preview's body (Gantt SVG and tables); every model string already escaped. */
    fragment: string;
    /** True when a workspace document has lexing, parsing or linking errors. */
    hasErrors: boolean;
    /** Initiative name → where it is declared; any name, `__proto__` too, is an own key (read it with `Object.hasOwn`). */
    locations: Record<string, DiagramLocation>;
}
