/**
 * Every custom LSP message between the extension and the language server, typed once and imported
 * by both sides: each message is one `RequestType` or `NotificationType` carrying its method, its
 * parameters and its result, so no call site restates them. The extension's bundle takes these
 * classes from vscode-languageclient's copy of the JSON-RPC library, whose connection it sends them
 * on (see scripts/build.mjs); the webview imports the types only.
 */
import type { LineageFacts } from '../analysis/data-lineage.js';
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
    /**
     * The flows (`flow:` ids, each located in `locations`) of every line that stands for several: a
     * department pair's bundle, or one kind of flow between two systems. A click on the line offers them.
     */
    bundles: Record<string, string[]>;
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

/**
 * Client → server: the findings view's tree, grouped, sorted and filtered as asked, headed by the
 * report's "fix these first" (lsp/findings-groups.ts). The view asks again after `integ/modelChanged`.
 */
export const FindingsRequest = new RequestType<FindingsRequestParams, FindingsRequestResult, void>('integ/findings');

export const FINDINGS_GROUPINGS = ['rule', 'area', 'system', 'department', 'regulation'] as const;
export type FindingsGrouping = typeof FINDINGS_GROUPINGS[number];
export const FINDINGS_SORTS = ['severity', 'hours'] as const;
export type FindingsSort = typeof FINDINGS_SORTS[number];
/** What the severity filter can keep: the three severities, and the findings a waiver accepts. */
export const FINDING_STATES = ['error', 'warning', 'info', 'accepted'] as const;
export type FindingState = typeof FINDING_STATES[number];

export interface FindingsQuery {
    groupBy: FindingsGrouping;
    sortBy: FindingsSort;
    /** Keep only these; all when absent or empty. */
    states?: readonly FindingState[];
    /** Keep findings whose rule id, element or message contains it (any case). */
    text?: string;
}

export interface FindingItem {
    ruleId: string;
    /** `accepted` for a waived finding, whatever the rule's severity. */
    state: FindingState;
    message: string;
    element: { kind: string; name: string };
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    /** Manual hours a week fixing it would save (a gap on a flow), else 0. */
    hoursPerWeek: number;
    acceptedReason?: string;
}

export interface StateCounts { error: number; warning: number; info: number; accepted: number }

export interface FindingGroup {
    /** The rule id, area, system, department or regulation; empty for findings that have none. */
    key: string;
    label: string;
    counts: StateCounts;
    /** Manual hours a week on the group's open gap findings, each flow counted once. */
    hoursPerWeek: number;
    findings: FindingItem[];
}

export interface FindingsGroups {
    /** The open findings with the largest impact, in the order of the report's "Fix these first" (key `fix-first`). */
    fixFirst: FindingGroup;
    groups: FindingGroup[];
    /** Every finding the filters keep, each once (a finding can sit in several groups). */
    total: StateCounts;
}

export type FindingsRequestParams = FindingsQuery;
export interface FindingsRequestResult extends FindingsGroups {
    /** True when a workspace document has lexing, parsing or linking errors (the findings may be incomplete). */
    hasErrors: boolean;
}

/**
 * Client → server: what retiring a system would break, as the system's hover and code lens count it
 * (live flows into or out of it that no initiative replaces, the processes using them, their hours).
 * `null` for a name the workspace does not declare as a system.
 */
export const RetirementImpactRequest = new RequestType<RetirementImpactParams, RetirementImpactResult, void>('integ/retirementImpact');
export interface RetirementImpactParams {
    system: string;
}
export type RetirementImpactResult = {
    system: string;
    /** "If retired: 2 live flows, 1 process, 12 h/week affected" (the code lens's words). */
    summary: string;
    /** The affected flows and processes, by name. */
    flows: string[];
    processes: string[];
    hoursPerWeek: number;
} | null;

/**
 * Server → client, in a finding's code link (`codeDescription.href`) when the client asked for
 * `initializationOptions.ruleDocs: 'command'`: `command:integ.showRuleDoc?<arguments as JSON>`. VS Code
 * opens a diagnostic's code link with commands allowed, in the Problems panel and in the hover.
 */
export const SHOW_RULE_DOC_COMMAND = 'integ.showRuleDoc';
/** The rule id, and the id of its section's heading in docs/rules.md (as GitHub and VS Code's Markdown preview make it). */
export type ShowRuleDocArguments = [ruleId: string, anchor: string];

/**
 * Client → server: the one-page brief of `integ report --format html` (headline figures, the five
 * actions, the charts) for the brief panel, which asks again after `integ/modelChanged`.
 */
export const BriefRequest = new RequestType<BriefRequestParams, BriefRequestResult, void>('integ/brief');
export interface BriefRequestParams {
    /** `YYYY-MM-DD`; the server's date when absent. */
    today?: string;
}
export interface BriefRequestResult {
    /** The brief's markup, every model string already escaped; each heat-map cell of a department carries `data-key="<department>"`. */
    html: string;
    /** Its stylesheet (theme variables with print fallbacks). */
    css: string;
    /** The departments the heat map may name: a click on a cell is honoured only for these. */
    departments: string[];
    /** True when a workspace document has lexing, parsing or linking errors. */
    hasErrors: boolean;
}

/** The compliance evidence documents of `integ evidence`, and the formats the editor can save them in. */
export const EVIDENCE_KINDS = ['gdpr-ropa', 'pci-dataflow', 'sox-lineage', 'hipaa-phi'] as const;
export type EvidenceKind = typeof EVIDENCE_KINDS[number];
export const EVIDENCE_FORMATS = ['md', 'html', 'csv'] as const;
export type EvidenceFormat = typeof EVIDENCE_FORMATS[number];

/**
 * Client → server: one evidence document of the workspace, compiled and rendered as `integ evidence`
 * does. HTML embeds the PCI data-flow diagram; Markdown and CSV carry no picture (as on the terminal).
 */
export const EvidenceRequest = new RequestType<EvidenceRequestParams, EvidenceRequestResult, void>('integ/evidence');
export interface EvidenceRequestParams {
    kind: EvidenceKind;
    format: EvidenceFormat;
    /** URI of the workspace folder: a finding's place is written relative to it, as `integ evidence` run there writes it. */
    root?: string;
}
export interface EvidenceRequestResult {
    /** The document's text (CSV with RFC 4180's CRLF). */
    text: string;
    /** True when a workspace document has lexing, parsing or linking errors (the document may be incomplete). */
    hasErrors: boolean;
}

/** A revision to compare the workspace with: its `.integ` texts as the extension read them from git. */
export interface CompareBase {
    /** How the reader named it: `HEAD`, a branch, a short commit and its subject. */
    label: string;
    /** Paths relative to the workspace folder (`/`-separated) and their text at that revision. */
    sources: Array<{ path: string; text: string }>;
}

/**
 * Client → server: the change from a revision to the workspace as it stands (unsaved edits included),
 * as `integ diff <revision>` computes it: its picture for the diagram preview (every system and flow
 * marked added, removed, changed, renamed or unchanged; root class `comparing`) and its Markdown summary.
 */
export const ChangePictureRequest = new RequestType<ChangePictureParams, ChangePictureResult, void>('integ/changePicture');
export interface ChangePictureParams {
    base: CompareBase;
    /** URI of the workspace folder the paths are relative to. */
    root: string;
    /** false: the summary only, no layout. Default true. */
    picture?: boolean;
    layoutTimeoutMs?: number;
    hoverTitles?: boolean;
    chrome?: boolean;
    lens?: Lens;
    panel?: { width: number; height: number };
}
export interface ChangePictureResult {
    /** The picture as the diagram preview takes it; empty (no nodes) when `picture` was false. */
    diagram: DiagramRequestResult;
    /** `integ diff <revision> --format md`. */
    markdown: string;
    /** True when nothing a review would look at differs. */
    empty: boolean;
}

/**
 * Client → server: where a piece of data goes, as `integ lineage` lists it: every system that holds
 * or handles it, from its sources through the system of record to its copies, and every hop with
 * its controls and findings.
 */
export const LineageRequest = new RequestType<LineageRequestParams, LineageRequestResult, void>('integ/lineage');
export interface LineageRequestParams {
    /** An entity (`Customer`) or one of its fields (`Customer.email`). */
    data: string;
}
export type LineageRequestResult =
    | LineageFacts
    /** The data named is not in the model: says which entities or fields there are. */
    | { error: string };
