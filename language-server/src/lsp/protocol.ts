/**
 * Every custom LSP message between the extension and the language server, typed once and imported
 * by both sides. Only plain types and method names here: no runtime dependency on either side.
 */

/** Server → client after a build whose estate may have changed; the previews then pull. */
export const ModelChangedNotification = 'integ/modelChanged' as const;
export interface ModelChangedParams {
    /** URIs of the documents built in this round. */
    uris: string[];
    /** True when any workspace document has syntax errors (previews keep their last good picture). */
    hasSyntaxErrors: boolean;
}

/** Client → server: one view of the dependency diagram, laid out and rendered to SVG. */
export const DiagramRequest = 'integ/diagram' as const;
export interface DiagramRequestParams {
    view: { kind: 'estate' | 'process' | 'department' | 'system'; name?: string; depth?: 1 | 2 };
    state: 'as-is' | 'to-be';
    filters?: { classifications?: string[]; findings?: string[] };
    /** Departments to show expanded when the estate view is aggregated. */
    expand?: string[];
    layoutTimeoutMs?: number;
    /**
     * false: leave out the hover title (`<title>`) of each department, system and flow. The preview
     * shows `tooltips` instead and asks for titles only to export the SVG; they are a quarter of a
     * large view's answer. Default true.
     */
    hoverTitles?: boolean;
}
export interface DiagramLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
/** Hover text of one node or edge, as plain lines (the webview renders them as text). */
export interface DiagramTooltip {
    title: string;
    lines: string[];
}
export interface DiagramRequestResult {
    /** Standalone SVG, every model string already escaped; empty when `error` is set. */
    svg: string;
    title: string;
    notes: string[];
    /** True when a workspace document has lexing, parsing or linking errors. */
    hasErrors: boolean;
    /** Why there is no diagram (an unknown process, department or system). */
    error?: string;
    nodeCount: number;
    edgeCount: number;
    /** `data-id` of a node or edge → where it is declared. */
    locations: Record<string, DiagramLocation>;
    tooltips: Record<string, DiagramTooltip>;
    /** Aggregate node ids (`dept:<name>`) that can be expanded. */
    expandable: string[];
    /** What the pickers and filters can offer. */
    choices: { processes: string[]; departments: string[]; systems: string[]; classifications: string[]; ruleIds: string[] };
}

/** Client → server: the roadmap schedule, its impact and the rendered body for the roadmap preview. */
export const RoadmapRequest = 'integ/roadmap' as const;
export interface RoadmapRequestParams {
    /** `YYYY-MM-DD`; the server's date when absent. */
    today?: string;
}
export interface RoadmapRequestResult {
    /** Schedule and impact (see analysis/roadmap-schedule.ts and analysis/roadmap-impact.ts), plain JSON. */
    report: import('../roadmap/roadmap-report.js').RoadmapReport;
    /** The preview's body (Gantt SVG and tables); every model string already escaped. */
    fragment: string;
    /** True when a workspace document has lexing, parsing or linking errors. */
    hasErrors: boolean;
    /** Initiative name → where it is declared. */
    locations: Record<string, DiagramLocation>;
}
