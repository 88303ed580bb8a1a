/**
 * Estate + findings → the graph of one view: systems (or collapsed departments) as nodes, flows (or
 * bundles of them) as edges, departments as boxes where the view draws them, and for each element
 * what the lenses colour it by. No geometry yet beyond each box's and label's size.
 */
import type { Estate, Flow, FlowStyle, SourceLocation, System } from '../model/estate.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import { orList } from '../model/closest-names.js';
import { roundToTenth } from '../model/rounding.js';
import { todayIso } from '../model/units.js';
import { isShadow } from '../model/inventory.js';
import { departmentBoxId, elementIdOf, flowId, groupId, isIdOf, systemId } from './element-ids.js';
import type { Finding } from '../rules/finding.js';
import {
    EXPAND_ALL, UNASSIGNED, emptyCounts,
    type DiagramEdge, type DiagramFinding, type DiagramGraph, type DiagramGroup, type DiagramNode,
    type DiagramOptions, type DiagramState, type DiagramView, type EdgeClass, type FindingCounts, type SourceRef
} from './diagram-graph.js';
import { bundleEdges, bundleParallelFlows, type BundledFlow } from './edge-bundles.js';
import { COMPOUND_UP_TO_EDGES, over, tooLargeForOneLayout, tooManyForOneCompound } from './layout-size.js';
import { combinedLens, flowLens, roadmapMarks, systemLens, type LensContext } from './element-lens.js';
import { resolveFollow } from '../model/followed-data.js';
import { contextLevels } from './node-order.js';
import { sizeNode } from './node-sizing.js';
import { truncate } from './text-metrics.js';
import { applyFilters, DiagramViewError, selectView } from './view-selection.js';
import { listedSelection } from './listed-selection.js';

export { DiagramViewError } from './view-selection.js';

/** Estate views with more systems than this open as an overview of departments. */
export const DEFAULT_AGGREGATE_ABOVE = 12;

const MAX_LISTED_FINDINGS = 20;
/** What a to-be label starts with, so the change reads without the legend. */
const CHANGE_PREFIX = { added: 'new', changed: 'changed', retired: 'retired' } as const;
const EDGE_TITLE_CHARS = 26;

const EDGE_CLASS: Record<FlowStyle, EdgeClass> = {
    manual: 'manual', email: 'manual',
    batch: 'batch', file: 'batch',
    api: 'realtime', webhook: 'realtime', event: 'realtime', cdc: 'realtime',
    script: 'script',
    'shared-db': 'other'
};

export function edgeClassOf(style: FlowStyle | undefined): EdgeClass {
    return style ? EDGE_CLASS[style] : 'other';
}

/** Builds the graph of one view of the estate in one state. Throws DiagramViewError for unknown names. */
export function buildDiagramGraph(estate: Estate, findings: readonly Finding[], options: DiagramOptions, today = todayIso()): DiagramGraph {
    const index = indexEstate(estate);
    const findingsOf = findingsByElement(findings);
    const selection = options.only ? listedSelection(estate, options.only)
        : applyFilters(estate, index, findingsOf, selectView(estate, options.view, options.state), options.filters, options.view);
    const followed = options.follow ? resolveFollow(estate, options.follow) : undefined;
    if (typeof followed === 'string') throw new DiagramViewError(followed);
    const lens: LensContext = { estate, index, roadmap: roadmapMarks(estate, today), followed };

    const systems = [...selection.systems].map(name => estate.systems.get(name)).filter((s): s is System => s !== undefined)
        .sort((a, b) => departmentOf(a).localeCompare(departmentOf(b)) || a.name.localeCompare(b.name));
    const flows = [...selection.flows].sort((a, b) => a.name.localeCompare(b.name));

    const departments = new Set(systems.map(departmentOf));
    const expandAll = (options.expand ?? []).includes(EXPAND_ALL);
    const aggregateAbove = options.aggregateAbove ?? DEFAULT_AGGREGATE_ABOVE;
    const before = options.before;
    const aggregated = options.view.kind === 'estate' && !expandAll && over(systems.length, aggregateAbove, before?.overview) && departments.size > 1;
    // Department names, or the aggregate node ids (`dept:<name>`) a client clicked.
    const expanded = new Set((options.expand ?? []).map(entry => entry.replace(/^dept:/, '')));
    const collapsed = (system: System) => aggregated && !expanded.has(departmentOf(system));

    const nodes: DiagramNode[] = [];
    const nodeOfSystem = new Map<string, string>();
    const aggregates = new Map<string, { node: DiagramNode; shadow: number; lenses: DiagramNode['lens'][] }>();
    const groups = new Map<string, DiagramGroup>();
    for (const system of systems) {
        const department = departmentOf(system);
        if (collapsed(system)) {
            let aggregate = aggregates.get(department);
            if (!aggregate) {
                aggregate = { node: departmentNode(estate, department), shadow: 0, lenses: [] };
                aggregates.set(department, aggregate);
                nodes.push(aggregate.node);
            }
            aggregate.node.members = [...(aggregate.node.members ?? []), system.name];
            if (isShadow(system)) aggregate.shadow++;
            aggregate.lenses.push(systemLens(lens, system));
            addFindings(aggregate.node, findingsOf.get(systemId(system.name)));
            nodeOfSystem.set(system.name, aggregate.node.id);
            continue;
        }
        // Only the estate draws departments as boxes. Elsewhere a box costs a view most of its
        // legibility (its title and padding, and a layer for the lines leaving it), so systems carry
        // their department as a tag; a department view boxes the department it is about.
        const boxed = options.view.kind === 'estate' || (options.view.kind === 'department' && department === options.view.name);
        const group = boxed ? groupId(department) : undefined;
        if (group && !groups.has(group)) groups.set(group, { ...groupOf(estate, department), collapsible: aggregated });
        const node = systemNode(system, group, boxed ? undefined : groupOf(estate, department).label, systemLens(lens, system));
        node.change = selection.changes.get(node.id);
        addFindings(node, findingsOf.get(node.id));
        sizeNode(node);
        nodes.push(node);
        nodeOfSystem.set(system.name, node.id);
    }
    for (const { node, shadow, lenses } of aggregates.values()) {
        const count = node.members?.length ?? 0;
        node.detail = `${count} system${count === 1 ? '' : 's'}` + (shadow > 0 ? ` · ${shadow} shadow IT` : '');
        node.lens = combinedLens(lenses);
        sizeNode(node);
    }

    const focus = options.view.kind === 'system' ? nodeOfSystem.get(options.view.name ?? '') : undefined;
    const drawnFlows = focus ? contextFlows(flows, focus, nodeOfSystem) : flows;
    // Every department open and too many systems for one compound layout, or too many flows between
    // departments for it to route: drawn department by department, the flows between them would run
    // as shared trunks that hide each other, so they are bundled per pair of departments. With some
    // departments folded, the view already bundles their flows.
    const estateOpen = options.view.kind === 'estate' && aggregates.size === 0;
    const betweenDepartments = estateOpen ? flowsBetweenGroups(drawnFlows, nodes) : 0;
    const bundleBetweenGroups = estateOpen && tooManyForOneCompound(nodes.length, betweenDepartments, before?.reduced.betweenDepartments);
    const groupOfNode = bundleBetweenGroups ? new Map(nodes.filter(node => node.group).map(node => [node.id, node.group!])) : undefined;
    const allEdges = buildEdges(drawnFlows, nodeOfSystem, index, findingsOf, lens, selection.changes, groupOfNode);
    // Departments opened in an overview too large for one layout: the reader is looking at their
    // systems, and the bundles between two closed departments (nearly every pair, in a large estate)
    // would bury the opened departments' lines and take most of the layout's time. The overview shows them.
    const largeWithOpened = aggregated && groups.size > 0 && tooLargeForOneLayout(nodes.length, allEdges.length, before?.reduced.closedLeftOut);
    const closed = new Set([...aggregates.values()].map(({ node }) => node.id));
    const lines = largeWithOpened ? allEdges.filter(edge => !(closed.has(edge.source) && closed.has(edge.target))) : allEdges;
    // Hundreds of lines (a busy department's view): two systems that trade many flows of one kind
    // get one line of that kind, so the view fits one compound layout, where no line hides another.
    // A system's context draws each of its flows at its own height.
    const bundleParallel = !focus && over(lines.length, COMPOUND_UP_TO_EDGES, before?.reduced.parallelFlows);
    const edges = bundleParallel ? bundleParallelFlows(lines, name => estate.flows.get(name)) : lines;
    const notes: string[] = [];
    if (lines.length < allEdges.length) {
        const hidden = allEdges.length - lines.length;
        notes.push(`${hidden} line${hidden === 1 ? '' : 's'} between closed departments ${hidden === 1 ? 'is' : 'are'} not drawn in a view this large with departments open: the overview shows ${hidden === 1 ? 'it' : 'them'}.`);
    }
    if (edges.length < lines.length) {
        notes.push(`Flows of one kind between the same two systems are drawn as one line in a view this large (${lines.length} lines otherwise; hover a line for its flows); a system's own view shows each of its flows.`);
    }
    if (bundleBetweenGroups && edges.some(edge => isIdOf('group', edge.source) || isIdOf('group', edge.target))) {
        notes.push(`${nodes.length} systems, ${betweenDepartments} flows between departments: those are drawn as one line per pair of departments (hover it for its flows); a system's own view shows each of its flows.`);
    }
    if (aggregated) {
        notes.push(`${systems.length} systems in ${departments.size} departments: click a department to open it, or open them all.`);
    }
    if (systems.length === 0) notes.push(selection.empty ?? 'Nothing to show: no system matches this view, state and filters.');
    if (focus && flows.length === 0) notes.push(isolatedNote(estate, options));
    if (options.state === 'to-be' && estate.initiatives.size === 0) {
        notes.push('No roadmap declares an initiative: the to-be state is today\'s estate with its planned systems and flows.');
    }
    // A flow of a system to itself has no side of the context to go to: it is named, not counted as sideways.
    const loops = focus ? flows.filter(flow => flow.sourceSystem === flow.targetSystem) : [];
    const sideways = flows.length - drawnFlows.length - loops.length;
    if (loops.length > 0) notes.push(`${orList(loops.map(flow => flow.name))} ${loops.length === 1 ? 'runs' : 'run'} from ${loops.length === 1 ? 'a system' : 'systems'} to ${loops.length === 1 ? 'itself' : 'themselves'}: the department view draws ${loops.length === 1 ? 'it' : 'them'}.`);
    if (sideways > 0) notes.push(`${sideways} flow${sideways === 1 ? '' : 's'} between the systems around it ${sideways === 1 ? 'is' : 'are'} not drawn: the department and estate views show ${sideways === 1 ? 'it' : 'them'}.`);
    if (followed) notes.push(followNote(estate, flows, followed));
    return {
        title: options.only?.title ?? titleOf(estate, options.view, options.state),
        view: options.view,
        state: options.state,
        aggregated,
        reduced: { betweenDepartments: bundleBetweenGroups, closedLeftOut: largeWithOpened, parallelFlows: bundleParallel },
        nodes,
        groups: [...groups.values()],
        edges,
        notes,
        sequence: options.view.kind === 'process' ? processSequence(estate, options.view.name, nodeOfSystem) : undefined,
        focus,
        follow: options.follow
    };
}

function followNote(estate: Estate, flows: Flow[], followed: { entity: string; field?: string }): string {
    const name = followed.field ? `${followed.entity}.${followed.field}` : followed.entity;
    const stores = [...estate.systems.values()].filter(system => !system.source.builtin && system.stores.includes(followed.entity)).length;
    const carrying = flows.filter(flow => flow.carries.some(c => c.entity === followed.entity && (!followed.field || c.fields.includes(followed.field)))).length;
    return `Following ${name}: ${stores} system${stores === 1 ? '' : 's'} store it and ${carrying} flow${carrying === 1 ? '' : 's'} of this view carry it; the rest is dimmed.`;
}

/**
 * The systems of a process in the order its steps reach them. A step that brings in a system feeding
 * one an earlier step reached (ad bookings into the page plan, after the stories) puts it just
 * before that one: its flow then runs forward like every other step's, not back up the picture.
 */
function processSequence(estate: Estate, name: string | undefined, nodeOfSystem: Map<string, string>): string[] {
    const sequence: string[] = [];
    for (const step of estate.processes.get(name ?? '')?.steps ?? []) {
        const flow = estate.flows.get(step);
        if (!flow) continue;
        const [source, target] = [flow.sourceSystem, flow.targetSystem].map(system => nodeOfSystem.get(system));
        if (source && target && !sequence.includes(source) && sequence.includes(target)) {
            sequence.splice(sequence.indexOf(target), 0, source);
            continue;
        }
        for (const node of [source, target]) if (node && !sequence.includes(node)) sequence.push(node);
    }
    return sequence;
}

/**
 * A context view draws the flows that lead from the focus outwards, ring by ring; flows between two
 * systems of one ring (or across the focus) are left to the department and estate views.
 */
function contextFlows(flows: Flow[], focus: string, nodeOfSystem: Map<string, string>): Flow[] {
    const node = (system: string) => nodeOfSystem.get(system) ?? system;
    const level = contextLevels([...new Set(flows.flatMap(flow => [node(flow.sourceSystem), node(flow.targetSystem)]))],
        flows.map(flow => ({ source: node(flow.sourceSystem), target: node(flow.targetSystem), weight: 1 })), focus);
    return flows.filter(flow => {
        const a = level.get(node(flow.sourceSystem));
        const b = level.get(node(flow.targetSystem));
        if (a === undefined || b === undefined) return false;
        return Math.abs(Math.abs(a) - Math.abs(b)) === 1 && (a === 0 || b === 0 || Math.sign(a) === Math.sign(b));
    });
}

/**
 * The findings stay the same array until the workspace is rebuilt, while the preview asks for views
 * again and again: grouping them once per build keeps a repeated request (a cache hit for the
 * layout) quick on a large estate.
 */
const groupedFindings = new WeakMap<readonly Finding[], Map<string, Finding[]>>();

function findingsByElement(findings: readonly Finding[]): Map<string, Finding[]> {
    let grouped = groupedFindings.get(findings);
    if (!grouped) groupedFindings.set(findings, grouped = groupFindings(findings));
    return grouped;
}

/** How many flows run between systems of two departments (those of no department are one more). */
function flowsBetweenGroups(flows: readonly Flow[], nodes: readonly DiagramNode[]): number {
    const groupOf = new Map(nodes.map(node => [node.name, node.group]));
    return flows.filter(flow => groupOf.get(flow.sourceSystem) !== groupOf.get(flow.targetSystem)).length;
}

function departmentOf(system: System): string {
    return system.department ?? UNASSIGNED;
}

function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
    const byElement = new Map<string, Finding[]>();
    for (const finding of findings) {
        const key = elementIdOf(finding.element);
        const list = byElement.get(key);
        if (list) list.push(finding); else byElement.set(key, [finding]);
    }
    return byElement;
}

function addFindings(target: { findings: FindingCounts; findingList: DiagramFinding[] }, findings: Finding[] | undefined): void {
    for (const finding of findings ?? []) {
        if (finding.accepted) target.findings.accepted++; else target.findings[finding.severity]++;
        if (target.findingList.length < MAX_LISTED_FINDINGS) {
            target.findingList.push({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, accepted: finding.accepted !== undefined });
        }
    }
}

/** Where a model element is declared (its name), unless it is built in. */
export function sourceRef(source: SourceLocation | undefined): SourceRef | undefined {
    return source && !source.builtin ? { uri: source.uri, range: source.nameRange } : undefined;
}

function systemNode(system: System, group: string | undefined, tag: string | undefined, lens: DiagramNode['lens']): DiagramNode {
    return {
        id: systemId(system.name),
        kind: 'system',
        name: system.name,
        label: system.title,
        lines: [],
        detail: [system.systemKind, tag ?? (system.title !== system.name ? system.name : undefined)].filter(Boolean).join(' · ') || 'system',
        systemKind: system.systemKind,
        department: system.department,
        owner: system.owner,
        shadow: isShadow(system),
        status: system.status,
        group,
        findings: emptyCounts(),
        findingList: [],
        location: sourceRef(system.source),
        lens,
        width: 0,
        height: 0
    };
}

function departmentNode(estate: Estate, department: string): DiagramNode {
    const declared = estate.departments.get(department);
    return {
        id: departmentBoxId(department),
        kind: 'department',
        name: department,
        label: department === UNASSIGNED ? 'No department' : declared?.title ?? department,
        lines: [],
        detail: '',
        department,
        shadow: false,
        members: [],
        findings: emptyCounts(),
        findingList: [],
        location: sourceRef(declared?.source),
        lens: { data: 'none', owner: 'owned', roadmap: 'none' },
        width: 0,
        height: 0
    };
}

function groupOf(estate: Estate, department: string): DiagramGroup {
    const declared = estate.departments.get(department);
    return {
        id: groupId(department),
        department,
        label: department === UNASSIGNED ? 'No department' : (declared?.title ?? department),
        location: sourceRef(declared?.source)
    };
}

/**
 * The ends a flow is bundled between when flows between departments are bundled: each system end
 * becomes its department's box; undefined for a flow inside one department.
 */
function groupEnds(source: string, target: string, groupOfNode: ReadonlyMap<string, string>): { source: string; target: string } | undefined {
    const sourceGroup = groupOfNode.get(source);
    const targetGroup = groupOfNode.get(target);
    if (sourceGroup !== undefined && sourceGroup === targetGroup) return undefined;
    return { source: sourceGroup ?? source, target: targetGroup ?? target };
}

function buildEdges(
    flows: Flow[], nodeOfSystem: Map<string, string>, index: EstateIndex, findingsOf: Map<string, Finding[]>,
    lens: LensContext, changes: Map<string, DiagramEdge['change']>, groupOfNode?: ReadonlyMap<string, string>
): DiagramEdge[] {
    const edges: DiagramEdge[] = [];
    const bundled: BundledFlow[] = [];
    for (const flow of flows) {
        const source = nodeOfSystem.get(flow.sourceSystem);
        const target = nodeOfSystem.get(flow.targetSystem);
        if (!source || !target) continue;
        const classifications = index.classificationsCarried(flow).map(c => c.name).sort();
        const regulated = index.carriesRegulated(flow);
        const edgeClass = edgeClassOf(flow.style);
        const change = changes.get(flowId(flow.name));
        const edge: DiagramEdge = {
            id: flowId(flow.name),
            source, target,
            label: (change ? `${CHANGE_PREFIX[change]} · ` : '') + truncate(flow.title, EDGE_TITLE_CHARS)
                + (flow.effortHoursPerWeek !== undefined ? ` · ${roundToTenth(flow.effortHoursPerWeek)} h/wk` : ''),
            title: flow.title,
            flows: [flow.name],
            style: flow.style,
            edgeClass,
            twoWay: flow.twoWay,
            status: flow.status,
            classifications,
            regulated,
            hoursPerWeek: flow.effortHoursPerWeek,
            findings: emptyCounts(),
            findingList: [],
            location: sourceRef(flow.source),
            lens: flowLens(lens, flow),
            change
        };
        addFindings(edge, findingsOf.get(edge.id));
        const ends = groupOfNode ? groupEnds(source, target, groupOfNode) : isIdOf('dept', source) || isIdOf('dept', target) ? { source, target } : undefined;
        if (ends) {
            bundled.push({ flow, label: edge.label, ...ends, edgeClass, classifications, regulated, lens: edge.lens, findings: edge.findings, change });
        } else {
            edges.push(edge);
        }
    }
    return [...edges, ...bundleEdges(bundled)];
}

function titleOf(estate: Estate, view: DiagramView, state: DiagramState): string {
    const suffix = state === 'as-is' ? 'as-is' : 'to-be (roadmap applied)';
    switch (view.kind) {
        case 'estate': return `Estate — ${suffix}`;
        case 'process': return `Process ${estate.processes.get(view.name ?? '')?.title ?? view.name} — ${suffix}`;
        case 'department': return `Department ${estate.departments.get(view.name ?? '')?.title ?? view.name} — ${suffix}`;
        case 'system': return `Around ${estate.systems.get(view.name ?? '')?.title ?? view.name} (depth ${view.depth ?? 1}) — ${suffix}`;
    }
}

/** A system view with only its system: why no line is drawn. */
function isolatedNote(estate: Estate, options: DiagramOptions): string {
    const name = options.view.name ?? '';
    const title = estate.systems.get(name)?.title ?? name;
    const filtered = (options.filters?.classifications?.length ?? 0) + (options.filters?.findings?.length ?? 0) > 0;
    const flows = options.state === 'as-is' ? 'live flow' : 'current or delivered flow';
    return filtered
        ? `No ${flows} of ${title} matches the filters.`
        : `No ${flows} names ${title} as \`from\` or \`to\`.`;
}
