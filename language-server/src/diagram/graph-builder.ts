import type { Estate, Flow, FlowStyle, SourceLocation, System } from '../model/estate.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import { isShadow } from '../analysis/inventory.js';
import type { Finding } from '../rules/finding.js';
import {
    UNASSIGNED, emptyCounts,
    type DiagramEdge, type DiagramFilters, type DiagramFinding, type DiagramGraph, type DiagramGroup, type DiagramNode,
    type DiagramOptions, type DiagramState, type DiagramView, type EdgeClass, type FindingCounts, type SourceRef
} from './diagram-graph.js';
import { DETAIL_FONT_PX, LABEL_FONT_PX, textWidth, truncate } from './text-metrics.js';

/** A view that names something the estate does not have; the message lists what exists. */
export class DiagramViewError extends Error {}

export const DEFAULT_AGGREGATE_ABOVE = 150;

const NODE_HEIGHT = 48;
const NODE_MIN_WIDTH = 130;
const NODE_MAX_WIDTH = 260;
const SHADOW_TAG_WIDTH = 74;
const MAX_LISTED_FINDINGS = 20;

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
export function buildDiagramGraph(estate: Estate, findings: readonly Finding[], options: DiagramOptions): DiagramGraph {
    const index = indexEstate(estate);
    const findingsOf = findingsByElement(findings);
    const stateFlows = flowsInState(estate, options.state);
    const selection = selectView(estate, options.view, options.state, stateFlows);
    const filtered = applyFilters(estate, index, findingsOf, selection, options.filters, options.view);

    const systems = [...filtered.systems].map(name => estate.systems.get(name)).filter((s): s is System => s !== undefined)
        .sort((a, b) => (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff') || a.name.localeCompare(b.name));
    const flows = [...filtered.flows].sort((a, b) => a.name.localeCompare(b.name));

    const aggregateAbove = options.aggregateAbove ?? DEFAULT_AGGREGATE_ABOVE;
    const aggregated = options.view.kind === 'estate' && systems.length > aggregateAbove;
    // Department names, or the aggregate node ids (`dept:<name>`) a client clicked.
    const expanded = new Set((options.expand ?? []).map(entry => entry.replace(/^dept:/, '')));
    const collapsed = (system: System) => aggregated && !expanded.has(departmentOf(system));

    const nodes: DiagramNode[] = [];
    const nodeOfSystem = new Map<string, string>();
    const aggregates = new Map<string, { node: DiagramNode; shadow: number }>();
    const groups = new Map<string, DiagramGroup>();
    for (const system of systems) {
        const department = departmentOf(system);
        if (collapsed(system)) {
            let aggregate = aggregates.get(department);
            if (!aggregate) {
                aggregate = { node: departmentNode(estate, department), shadow: 0 };
                aggregates.set(department, aggregate);
                nodes.push(aggregate.node);
            }
            aggregate.node.members = (aggregate.node.members ?? 0) + 1;
            if (isShadow(system)) aggregate.shadow++;
            addFindings(aggregate.node, findingsOf.get(`system:${system.name}`));
            nodeOfSystem.set(system.name, aggregate.node.id);
            continue;
        }
        const groupId = `group:${department}`;
        if (!groups.has(groupId)) groups.set(groupId, groupOf(estate, department));
        const node = systemNode(system, groupId);
        addFindings(node, findingsOf.get(node.id));
        nodes.push(node);
        nodeOfSystem.set(system.name, node.id);
    }
    for (const { node, shadow } of aggregates.values()) {
        node.detail = `${node.members} systems` + (shadow > 0 ? ` · ${shadow} shadow IT` : '');
        sizeNode(node);
    }

    const edges = buildEdges(flows, nodeOfSystem, index, findingsOf);
    const notes: string[] = [];
    if (aggregated) {
        const why = aggregateAbove > 0 ? ` (more than ${aggregateAbove})` : '';
        notes.push(`${systems.length} systems${why}: departments are collapsed into aggregate nodes; expand a department to see its systems.`);
    }
    if (systems.length === 0) notes.push('Nothing to show: no system matches this view, state and filters.');
    return {
        title: titleOf(estate, options.view, options.state),
        view: options.view,
        state: options.state,
        aggregated,
        nodes,
        groups: [...groups.values()],
        edges,
        notes
    };
}

/**
 * The findings stay the same array until the workspace is rebuilt, while the preview asks for views
 * again and again: grouping them once per build keeps a repeated request (a cache hit for the
 * layout) at a few milliseconds on a 1,000-system estate.
 */
const groupedFindings = new WeakMap<readonly Finding[], Map<string, Finding[]>>();

function findingsByElement(findings: readonly Finding[]): Map<string, Finding[]> {
    let grouped = groupedFindings.get(findings);
    if (!grouped) groupedFindings.set(findings, grouped = groupFindings(findings));
    return grouped;
}

function departmentOf(system: System): string {
    return system.department ?? UNASSIGNED;
}

/** Flows that exist in the state: as-is the live ones; to-be the live ones not replaced plus every delivered one. */
export function flowsInState(estate: Estate, state: DiagramState): Flow[] {
    const flows = [...estate.flows.values()].filter(flow => !flow.source.builtin);
    if (state === 'as-is') return flows.filter(flow => flow.status === 'live');
    const replaced = new Set<string>();
    const delivered = new Set<string>();
    for (const initiative of estate.initiatives.values()) {
        initiative.replaces.forEach(name => replaced.add(name));
        initiative.delivers.forEach(name => delivered.add(name));
    }
    return flows.filter(flow => flow.status !== 'retired'
        && (delivered.has(flow.name) || (flow.status === 'live' && !replaced.has(flow.name))));
}

function systemsInState(estate: Estate, state: DiagramState): System[] {
    return [...estate.systems.values()].filter(system => !system.source.builtin
        && system.status !== 'retired' && (state === 'to-be' || system.status === 'live'));
}

interface Selection {
    systems: Set<string>;
    flows: Set<Flow>;
    /** The system a neighbourhood is about: kept whatever the filters say. */
    focus?: string;
}

function selectView(estate: Estate, view: DiagramView, state: DiagramState, stateFlows: Flow[]): Selection {
    switch (view.kind) {
        case 'estate': {
            const systems = new Set(systemsInState(estate, state).map(system => system.name));
            return withEndpoints({ systems, flows: new Set(stateFlows) });
        }
        case 'process': {
            const process = estate.processes.get(requireName(view))
                ?? unknown('process', view.name, estate.processes.keys());
            const steps = new Set(process.steps);
            const flows = new Set(stateFlows.filter(flow => steps.has(flow.name)));
            if (state === 'to-be') {
                for (const initiative of estate.initiatives.values()) {
                    if (!initiative.replaces.some(name => steps.has(name))) continue;
                    for (const flow of stateFlows) if (initiative.delivers.includes(flow.name)) flows.add(flow);
                }
            }
            return withEndpoints({ systems: new Set(), flows });
        }
        case 'department': {
            const name = requireName(view);
            if (!estate.departments.has(name)) unknown('department', name, estate.departments.keys());
            const systems = new Set(systemsInState(estate, state).filter(system => system.department === name).map(system => system.name));
            const flows = new Set(stateFlows.filter(flow => systems.has(flow.sourceSystem) || systems.has(flow.targetSystem)));
            return withEndpoints({ systems, flows });
        }
        case 'system': {
            const name = requireName(view);
            const system = estate.systems.get(name);
            if (!system || system.source.builtin) unknown('system', name, estate.systems.keys());
            return withEndpoints(neighbourhood(name, view.depth ?? 1, stateFlows));
        }
    }
}

function requireName(view: DiagramView): string {
    if (!view.name) throw new DiagramViewError(`the ${view.kind} view needs a name, e.g. --view ${view.kind}:<name>`);
    return view.name;
}

function unknown(kind: string, name: string | undefined, known: Iterable<string>): never {
    const names = [...known].sort();
    const listed = names.length === 0 ? `the model declares no ${kind}` : `known: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}`;
    throw new DiagramViewError(`unknown ${kind} '${name}' (${listed})`);
}

function neighbourhood(focus: string, depth: number, stateFlows: Flow[]): Selection {
    const adjacent = new Map<string, Flow[]>();
    for (const flow of stateFlows) {
        for (const end of [flow.sourceSystem, flow.targetSystem]) {
            const list = adjacent.get(end);
            if (list) list.push(flow); else adjacent.set(end, [flow]);
        }
    }
    const systems = new Set([focus]);
    let frontier = [focus];
    for (let step = 0; step < depth; step++) {
        const next: string[] = [];
        for (const name of frontier) {
            for (const flow of adjacent.get(name) ?? []) {
                for (const end of [flow.sourceSystem, flow.targetSystem]) {
                    if (!systems.has(end)) { systems.add(end); next.push(end); }
                }
            }
        }
        frontier = next;
    }
    const flows = new Set(stateFlows.filter(flow => systems.has(flow.sourceSystem) && systems.has(flow.targetSystem)));
    return { systems, flows, focus };
}

function withEndpoints(selection: Selection): Selection {
    for (const flow of selection.flows) {
        selection.systems.add(flow.sourceSystem);
        selection.systems.add(flow.targetSystem);
    }
    return selection;
}

function matchesRule(ruleId: string, wanted: readonly string[]): boolean {
    return wanted.some(entry => ruleId === entry || ruleId.startsWith(entry.endsWith('/') ? entry : entry + '/'));
}

function applyFilters(
    estate: Estate, index: EstateIndex, findingsOf: Map<string, Finding[]>, selection: Selection,
    filters: DiagramFilters | undefined, view: DiagramView
): Selection {
    const classifications = filters?.classifications?.filter(Boolean) ?? [];
    const rules = filters?.findings?.filter(Boolean) ?? [];
    if (classifications.length === 0 && rules.length === 0) return selection;
    const wantedClasses = new Set(classifications);
    const keepFlow = (flow: Flow) =>
        (wantedClasses.size === 0 || index.classificationsCarried(flow).some(c => wantedClasses.has(c.name)))
        && (rules.length === 0 || (findingsOf.get(`flow:${flow.name}`) ?? []).some(f => matchesRule(f.ruleId, rules)));
    const keepSystem = (name: string) => {
        const system = estate.systems.get(name);
        if (!system) return false;
        const storesWanted = wantedClasses.size === 0 || system.stores.some(entity =>
            estate.entities.get(entity)?.fields.some(field => field.classification !== undefined && wantedClasses.has(field.classification)));
        const hasFinding = rules.length === 0 || (findingsOf.get(`system:${name}`) ?? []).some(f => matchesRule(f.ruleId, rules));
        return storesWanted && hasFinding;
    };
    const flows = new Set([...selection.flows].filter(keepFlow));
    // A process or neighbourhood is defined by its flows; systems come back only as their ends.
    const systemLevel = view.kind === 'estate' || view.kind === 'department';
    const systems = new Set([...selection.systems].filter(name => systemLevel && keepSystem(name)));
    if (selection.focus) systems.add(selection.focus);
    return withEndpoints({ systems, flows, focus: selection.focus });
}

function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
    const byElement = new Map<string, Finding[]>();
    for (const finding of findings) {
        const key = `${finding.element.kind}:${finding.element.name}`;
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

function ref(source: SourceLocation | undefined): SourceRef | undefined {
    return source && !source.builtin ? { uri: source.uri, range: source.nameRange } : undefined;
}

function sizeNode(node: DiagramNode): void {
    // The shadow tag sits on the top border, right of the corner badge: the box must be wide enough for both.
    const tag = node.shadow ? SHADOW_TAG_WIDTH + 30 : 0;
    const content = Math.max(textWidth(node.label, LABEL_FONT_PX), textWidth(node.detail, DETAIL_FONT_PX), tag);
    node.width = Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, content + 28));
    node.height = NODE_HEIGHT;
}

function systemNode(system: System, group: string): DiagramNode {
    const node: DiagramNode = {
        id: `system:${system.name}`,
        kind: 'system',
        name: system.name,
        label: truncate(system.title, 34),
        detail: [system.systemKind, system.title !== system.name ? system.name : undefined].filter(Boolean).join(' · ') || 'system',
        systemKind: system.systemKind,
        department: system.department,
        owner: system.owner,
        shadow: isShadow(system),
        status: system.status,
        group,
        findings: emptyCounts(),
        findingList: [],
        location: ref(system.source),
        width: 0,
        height: 0
    };
    node.detail = truncate(node.detail, 34);
    sizeNode(node);
    return node;
}

function departmentNode(estate: Estate, department: string): DiagramNode {
    const declared = estate.departments.get(department);
    return {
        id: `dept:${department}`,
        kind: 'department',
        name: department,
        label: truncate(declared?.title ?? department, 34),
        detail: '',
        department,
        shadow: false,
        members: 0,
        findings: emptyCounts(),
        findingList: [],
        location: ref(declared?.source),
        width: 0,
        height: 0
    };
}

function groupOf(estate: Estate, department: string): DiagramGroup {
    const declared = estate.departments.get(department);
    return {
        id: `group:${department}`,
        department,
        label: department === UNASSIGNED ? 'No department' : (declared?.title ?? department),
        location: ref(declared?.source)
    };
}

function buildEdges(flows: Flow[], nodeOfSystem: Map<string, string>, index: EstateIndex, findingsOf: Map<string, Finding[]>): DiagramEdge[] {
    const edges: DiagramEdge[] = [];
    const aggregates = new Map<string, { edge: DiagramEdge; forward: boolean; backward: boolean; classes: Set<EdgeClass> }>();
    for (const flow of flows) {
        const source = nodeOfSystem.get(flow.sourceSystem);
        const target = nodeOfSystem.get(flow.targetSystem);
        if (!source || !target) continue;
        const classifications = index.classificationsCarried(flow).map(c => c.name).sort();
        const regulated = index.carriesRegulated(flow);
        const edgeClass = edgeClassOf(flow.style);
        const isAggregate = source.startsWith('dept:') || target.startsWith('dept:');
        if (!isAggregate) {
            const edge: DiagramEdge = {
                id: `flow:${flow.name}`,
                source, target,
                label: edgeLabel(flow),
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
                location: ref(flow.source)
            };
            addFindings(edge, findingsOf.get(edge.id));
            edges.push(edge);
            continue;
        }
        if (source === target) continue;
        const [a, b] = source < target ? [source, target] : [target, source];
        const key = `agg:${a}->${b}`;
        let aggregate = aggregates.get(key);
        if (!aggregate) {
            aggregate = {
                edge: {
                    id: key, source: a, target: b, label: '', flows: [], edgeClass, twoWay: false,
                    classifications: [], regulated: false, findings: emptyCounts(), findingList: []
                },
                forward: false, backward: false, classes: new Set()
            };
            aggregates.set(key, aggregate);
        }
        const edge = aggregate.edge;
        edge.flows.push(flow.name);
        aggregate.classes.add(edgeClass);
        if (flow.twoWay || source === a) aggregate.forward = true;
        if (flow.twoWay || source !== a) aggregate.backward = true;
        edge.regulated ||= regulated;
        edge.classifications = [...new Set([...edge.classifications, ...classifications])].sort();
        if (flow.effortHoursPerWeek !== undefined) edge.hoursPerWeek = (edge.hoursPerWeek ?? 0) + flow.effortHoursPerWeek;
        addFindings(edge, findingsOf.get(`flow:${flow.name}`));
    }
    for (const { edge, forward, backward, classes } of aggregates.values()) {
        edge.twoWay = forward && backward;
        if (!forward) [edge.source, edge.target] = [edge.target, edge.source];
        edge.edgeClass = classes.size === 1 ? [...classes][0] : 'other';
        edge.label = `${edge.flows.length} flow${edge.flows.length === 1 ? '' : 's'}` + (edge.hoursPerWeek ? ` · ${round(edge.hoursPerWeek)} h/wk` : '');
        edges.push(edge);
    }
    return edges;
}

function edgeLabel(flow: Flow): string {
    const hours = flow.effortHoursPerWeek !== undefined ? ` · ${round(flow.effortHoursPerWeek)} h/wk` : '';
    return truncate(flow.title, 26) + hours;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
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

/** Parses `estate`, `process:<name>`, `department:<name>`, `system:<name>`; throws DiagramViewError otherwise. */
export function parseView(text: string, depth?: 1 | 2): DiagramView {
    const [kind, ...rest] = text.split(':');
    const name = rest.join(':').trim();
    if (kind === 'estate' && name === '') return { kind: 'estate' };
    if ((kind === 'process' || kind === 'department' || kind === 'system') && name !== '') {
        return kind === 'system' ? { kind, name, depth: depth ?? 1 } : { kind, name };
    }
    throw new DiagramViewError(`unknown view '${text}' (use estate, process:<name>, department:<name> or system:<name>)`);
}
