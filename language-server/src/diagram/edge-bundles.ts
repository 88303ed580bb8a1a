/**
 * Flows to or from a collapsed department, bundled: one edge per pair of ends and direction, labelled
 * with how many flows it stands for and how many of them are manual ("7 flows · 3 manual"). A two-way
 * flow counts in both directions. A bundle takes the colour of the most telling style among its
 * flows (manual before script, batch, other and real-time), so a manual gap is never hidden in it.
 */
import type { Flow } from '../model/estate.js';
import { bundleId } from './element-ids.js';
import type { ChangeMark, DiagramEdge, EdgeClass, ElementLens, FindingCounts } from './diagram-graph.js';
import { emptyCounts, isBundle } from './diagram-graph.js';
import { combinedLens } from './element-lens.js';
import { roundToTenth } from '../model/rounding.js';

/** Most telling first. */
const CLASS_ORDER: readonly EdgeClass[] = ['manual', 'script', 'batch', 'other', 'realtime'];

export interface BundledFlow {
    flow: Flow;
    /** The flow's own label, which a bundle of one flow keeps. */
    label: string;
    source: string;
    target: string;
    /** Bundles flows of this kind apart from the others between the same two ends. */
    ownKind?: boolean;
    edgeClass: EdgeClass;
    classifications: string[];
    regulated: boolean;
    lens: ElementLens;
    findings: FindingCounts;
    change?: ChangeMark;
}

export function bundleEdges(flows: readonly BundledFlow[]): DiagramEdge[] {
    const bundles = new Map<string, { edge: DiagramEdge; classes: EdgeClass[]; lenses: ElementLens[]; changes: Array<ChangeMark | undefined> }>();
    const labels = new Map<string, string>();
    const titles = new Map<string, string>();
    const add = (source: string, target: string, item: BundledFlow) => {
        if (source === target) return;
        const id = bundleId(source, target, item.ownKind ? item.edgeClass : undefined);
        let bundle = bundles.get(id);
        if (!bundle) {
            bundle = {
                edge: {
                    id, source, target, label: '', title: '', flows: [], edgeClass: 'other', twoWay: false,
                    classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens: item.lens
                },
                classes: [], lenses: [], changes: []
            };
            bundles.set(id, bundle);
        }
        const edge = bundle.edge;
        if (edge.flows.length === 0) {
            labels.set(id, item.label);
            titles.set(id, item.flow.title);
        }
        edge.flows.push(item.flow.name);
        bundle.classes.push(item.edgeClass);
        bundle.lenses.push(item.lens);
        bundle.changes.push(item.change);
        edge.regulated ||= item.regulated;
        edge.classifications = [...new Set([...edge.classifications, ...item.classifications])].sort();
        if (item.flow.effortHoursPerWeek !== undefined) edge.hoursPerWeek = roundToTenth((edge.hoursPerWeek ?? 0) + item.flow.effortHoursPerWeek);
        for (const key of ['error', 'warning', 'info', 'accepted'] as const) edge.findings[key] += item.findings[key];
    };
    for (const item of flows) {
        add(item.source, item.target, item);
        if (item.flow.twoWay) add(item.target, item.source, item);
    }
    return [...bundles].map(([id, { edge, classes, lenses, changes }]) => {
        edge.edgeClass = CLASS_ORDER.find(c => classes.includes(c)) ?? 'other';
        const manual = classes.filter(c => c === 'manual').length;
        const count = edge.flows.length;
        // A bundle is marked by the roadmap only when all its flows are: retired, or new (added or changed).
        const retired = changes.filter(c => c === 'retired').length;
        const added = changes.filter(c => c === 'added' || c === 'changed').length;
        edge.change = retired === count ? 'retired' : added === count ? 'added' : undefined;
        const changed = edge.change || count === 1 ? '' : (added > 0 ? ` · ${added} new` : '') + (retired > 0 ? ` · ${retired} retired` : '');
        edge.label = count === 1 ? labels.get(id)! : `${count} flows` + (manual > 0 ? ` · ${manual === count ? 'all' : manual} manual` : '')
            + changed + (edge.hoursPerWeek ? ` · ${edge.hoursPerWeek} h/wk` : '');
        edge.title = count === 1 ? titles.get(id)! : edge.label;
        edge.lens = combinedLens(lenses);
        return edge;
    });
}

/**
 * The edges with each set of two or more one-way flows of one kind between the same two systems
 * drawn as one bundle of that kind's colour; every other edge as it was.
 */
export function bundleParallelFlows(edges: readonly DiagramEdge[], flowNamed: (name: string) => Flow | undefined): DiagramEdge[] {
    const single = (edge: DiagramEdge) => edge.flows.length === 1 && !edge.twoWay && edge.source !== edge.target && !isBundle(edge);
    const keyOf = (edge: DiagramEdge) => `${edge.source}\u0000${edge.target}\u0000${edge.edgeClass}`;
    const counts = new Map<string, number>();
    for (const edge of edges) if (single(edge)) counts.set(keyOf(edge), (counts.get(keyOf(edge)) ?? 0) + 1);
    const kept: DiagramEdge[] = [];
    const bundled: BundledFlow[] = [];
    for (const edge of edges) {
        const flow = single(edge) && (counts.get(keyOf(edge)) ?? 0) > 1 ? flowNamed(edge.flows[0]) : undefined;
        if (!flow) {
            kept.push(edge);
            continue;
        }
        bundled.push({ flow, label: edge.label, source: edge.source, target: edge.target, ownKind: true, edgeClass: edge.edgeClass, classifications: edge.classifications, regulated: edge.regulated, lens: edge.lens, findings: edge.findings, change: edge.change });
    }
    return [...kept, ...bundleEdges(bundled)];
}
