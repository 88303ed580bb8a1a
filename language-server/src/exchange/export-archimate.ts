/**
 * The estate as an ArchiMate Model Exchange File (3.1): systems → application components, entities
 * → data objects, flows → flow relationships, `stores` / `edits` → access (Read, Write, ReadWrite),
 * departments → groupings aggregating their systems, initiatives → work packages realizing the
 * to-be plateau (the as-is plateau triggers it), and one diagram per laid-out view with our own
 * positions. Every value of the language is an `integ:<field>` property, so `integ import
 * archimate` reads the file back to the same estate.
 */
import type { Estate, Initiative, System } from '../model/estate.js';
import { flowId, systemId } from '../diagram/element-ids.js';
import { isBundle, UNASSIGNED, type Box, type DiagramEdge } from '../diagram/diagram-graph.js';
import { escapeXml } from '../render/escape-xml.js';
import { INTEG_PREFIX } from './archimate-model.js';
import { entityRow, flowRow, systemRow } from './estate-tables.js';
import { carriedClassifications } from './export-scope.js';
import type { FindingCounts, LaidOutView } from './laid-out-view.js';

const NAMESPACE = 'http://www.opengroup.org/xsd/archimate/3.0/';
const SCHEMA = 'http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd';

/** Identifiers are xs:ID: names of the language are valid ones once prefixed, and the prefix keeps elements, relationships and views apart. */
const elementId = (name: string) => `e-${name}`;
const relationshipId = (kind: string, ...names: string[]) => `r-${kind}-${names.join('-')}`;

type Properties = Array<[string, string]>;

class ArchimateWriter {
    private readonly elements: string[] = [];
    private readonly relationships: string[] = [];
    private readonly propertyKeys = new Map<string, string>();

    private properties(values: Properties): string {
        const written = values.filter(([, value]) => value !== '');
        if (written.length === 0) return '';
        const items = written.map(([key, value]) => {
            let id = this.propertyKeys.get(key);
            if (!id) {
                id = `p-${this.propertyKeys.size + 1}`;
                this.propertyKeys.set(key, id);
            }
            return `<property propertyDefinitionRef="${id}"><value xml:lang="en">${escapeXml(value)}</value></property>`;
        });
        return `<properties>${items.join('')}</properties>`;
    }

    element(id: string, type: string, name: string, properties: Properties = [], documentation?: string): void {
        this.elements.push(`    <element identifier="${escapeXml(id)}" xsi:type="${type}"><name xml:lang="en">${escapeXml(name)}</name>`
            + `${documentation ? `<documentation xml:lang="en">${escapeXml(documentation)}</documentation>` : ''}${this.properties(properties)}</element>`);
    }

    relationship(id: string, type: string, source: string, target: string, options: { name?: string; properties?: Properties; accessType?: string } = {}): void {
        const access = options.accessType ? ` accessType="${options.accessType}"` : '';
        const name = options.name ? `<name xml:lang="en">${escapeXml(options.name)}</name>` : '';
        const body = name + this.properties(options.properties ?? []);
        this.relationships.push(`    <relationship identifier="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}" xsi:type="${type}"${access}${body ? `>${body}</relationship>` : ' />'}`);
    }

    document(title: string, views: string[]): string {
        const definitions = [...this.propertyKeys].map(([key, id]) => `    <propertyDefinition identifier="${id}" type="string"><name xml:lang="en">${escapeXml(key)}</name></propertyDefinition>`);
        return [
            '<?xml version="1.0" encoding="UTF-8"?>',
            `<model xmlns="${NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NAMESPACE} ${SCHEMA}" identifier="m-estate">`,
            `  <name xml:lang="en">${escapeXml(title)}</name>`,
            '  <documentation xml:lang="en">Exported by integ export archimate.</documentation>',
            ...(this.elements.length > 0 ? ['  <elements>', ...this.elements, '  </elements>'] : []),
            ...(this.relationships.length > 0 ? ['  <relationships>', ...this.relationships, '  </relationships>'] : []),
            ...(definitions.length > 0 ? ['  <propertyDefinitions>', ...definitions, '  </propertyDefinitions>'] : []),
            ...(views.length > 0 ? ['  <views>', '    <diagrams>', ...views, '    </diagrams>', '  </views>'] : []),
            '</model>',
            ''
        ].join('\n');
    }
}

/** The row of estate-tables.ts as `integ:` properties, without what the element and its relationships say (title, ends, access, grouping). */
function integProperties(row: Record<string, string | undefined>, extra: Properties = []): Properties {
    const skip = new Set(['name', 'source', 'target', 'stores', 'edits', 'department']);
    const properties: Properties = Object.entries(row)
        .filter(([key, value]) => !skip.has(key) && value !== undefined && value !== '')
        .map(([key, value]) => [`${INTEG_PREFIX}${key}`, value!]);
    return [...properties, ...extra];
}

const round = (value: number) => Math.max(0, Math.round(value));
const positive = (value: number) => Math.max(1, Math.round(value));

function bounds(box: Box): string {
    return `x="${round(box.x)}" y="${round(box.y)}" w="${positive(box.width)}" h="${positive(box.height)}"`;
}

/** Line colours by the diagram's edge classes, so a manual or batch flow stands out in Archi as in our picture. */
const EDGE_COLOURS: Record<string, [number, number, number]> = { manual: [200, 40, 40], batch: [220, 130, 0], realtime: [30, 140, 60], script: [150, 60, 170], other: [90, 90, 90] };

function viewXml(view: LaidOutView, index: number, estate: Estate): string {
    const { graph, layout } = view;
    const viewId = `v-${index + 1}`;
    const nodeIds = new Map<string, string>();
    const nodeXml = (nodeId: string, elementRef: string, box: Box, children = '') => {
        const id = `${viewId}-n${nodeIds.size + 1}`;
        nodeIds.set(nodeId, id);
        return `<node identifier="${id}" elementRef="${escapeXml(elementRef)}" xsi:type="Element" ${bounds(box)}${children ? `>${children}</node>` : ' />'}`;
    };
    const nodesByGroup = new Map<string | undefined, string[]>();
    for (const node of graph.nodes) {
        const box = layout.nodes[node.id];
        if (!box) continue;
        const element = node.kind === 'system' ? elementId(node.name) : estate.departments.has(node.name) ? elementId(node.name) : undefined;
        if (!element) continue;
        const group = node.group && layout.groups[node.group] && graph.groups.find(candidate => candidate.id === node.group)?.department !== UNASSIGNED ? node.group : undefined;
        const list = nodesByGroup.get(group) ?? [];
        list.push(nodeXml(node.id, element, box));
        nodesByGroup.set(group, list);
    }
    const parts: string[] = [];
    for (const group of graph.groups) {
        const box = layout.groups[group.id];
        const children = nodesByGroup.get(group.id);
        if (!box || !children || !estate.departments.has(group.department)) continue;
        parts.push(nodeXml(group.id, elementId(group.department), box, children.join('')));
        nodesByGroup.delete(group.id);
    }
    for (const rest of nodesByGroup.values()) parts.push(...rest);
    let connection = 0;
    for (const edge of graph.edges) parts.push(...connectionsOf(edge, view, viewId, nodeIds, () => ++connection, estate));
    return `      <view identifier="${viewId}" xsi:type="Diagram"><name xml:lang="en">${escapeXml(`${graph.title} (${graph.state})`)}</name>${parts.join('')}</view>`;
}

function connectionsOf(edge: DiagramEdge, view: LaidOutView, viewId: string, nodeIds: Map<string, string>, next: () => number, estate: Estate): string[] {
    const source = nodeIds.get(edge.source);
    const target = nodeIds.get(edge.target);
    const geometry = view.layout.edges[edge.id];
    if (!source || !target || isBundle(edge)) return [];
    const [r, g, b] = EDGE_COLOURS[edge.edgeClass] ?? EDGE_COLOURS.other;
    const bends = (geometry?.points ?? []).slice(1, -1).map(point => `<bendpoint x="${round(point.x)}" y="${round(point.y)}" />`).join('');
    return edge.flows.filter(name => estate.flows.has(name)).map(name => {
        const flow = estate.flows.get(name)!;
        // A connection runs from the node of its relationship's source: the picture may draw a two-way flow the other way round.
        const [from, to] = flow.sourceSystem === edge.source.replace(/^system:/, '') ? [source, target] : [target, source];
        return `<connection identifier="${viewId}-c${next()}" relationshipRef="${escapeXml(relationshipId('flow', name))}" xsi:type="Relationship" source="${from}" target="${to}">`
            + `<style><lineColor r="${r}" g="${g}" b="${b}" /></style>${bends}</connection>`;
    });
}

function initiativeDocumentation(initiative: Initiative): string {
    const parts = [
        initiative.months ? `months ${initiative.months.from} to ${initiative.months.to}` : '',
        initiative.replaces.length > 0 ? `replaces ${initiative.replaces.join(', ')}` : '',
        initiative.delivers.length > 0 ? `delivers ${initiative.delivers.join(', ')}` : '',
        initiative.retires.length > 0 ? `retires ${initiative.retires.join(', ')}` : ''
    ].filter(Boolean);
    return parts.join('; ');
}

export function archimateXml(estate: Estate, findings: FindingCounts, views: readonly LaidOutView[], title: string): string {
    const writer = new ArchimateWriter();
    const own = <T extends { source: { builtin: boolean } }>(items: Iterable<T>) => [...items].filter(item => !item.source.builtin);
    for (const department of own(estate.departments.values())) {
        writer.element(elementId(department.name), 'Grouping', department.title, [[`${INTEG_PREFIX}id`, department.name]]);
    }
    const systems = own(estate.systems.values());
    for (const system of systems) {
        writer.element(elementId(system.name), 'ApplicationComponent', system.title, integProperties(systemRow(system), [[`${INTEG_PREFIX}findings`, String(findings.get(systemId(system.name)) ?? 0)]]));
    }
    for (const entity of own(estate.entities.values())) {
        writer.element(elementId(entity.name), 'DataObject', entity.title, integProperties(entityRow(entity)));
    }
    const initiatives = own(estate.initiatives.values());
    if (initiatives.length > 0) {
        writer.element('e-plateau-as-is', 'Plateau', 'As-is');
        writer.element('e-plateau-to-be', 'Plateau', 'To-be');
        for (const initiative of initiatives) writer.element(elementId(initiative.name), 'WorkPackage', initiative.title, [[`${INTEG_PREFIX}id`, initiative.name]], initiativeDocumentation(initiative));
    }
    for (const flow of own(estate.flows.values())) {
        writer.relationship(relationshipId('flow', flow.name), 'Flow', elementId(flow.sourceSystem), elementId(flow.targetSystem), {
            name: flow.title,
            properties: integProperties(flowRow(flow), [
                [`${INTEG_PREFIX}classification`, carriedClassifications(estate, flow).join(', ')],
                [`${INTEG_PREFIX}findings`, String(findings.get(flowId(flow.name)) ?? 0)]
            ])
        });
    }
    for (const system of systems) accessOf(writer, system, estate);
    for (const system of systems) {
        if (system.department && !estate.departments.get(system.department)?.source.builtin) {
            writer.relationship(relationshipId('member', system.department, system.name), 'Aggregation', elementId(system.department), elementId(system.name));
        }
    }
    if (initiatives.length > 0) {
        writer.relationship('r-plateau-transition', 'Triggering', 'e-plateau-as-is', 'e-plateau-to-be');
        for (const system of systems) {
            if (system.status === 'live') writer.relationship(relationshipId('as-is', system.name), 'Aggregation', 'e-plateau-as-is', elementId(system.name));
            if (system.status !== 'retired') writer.relationship(relationshipId('to-be', system.name), 'Aggregation', 'e-plateau-to-be', elementId(system.name));
        }
        for (const initiative of initiatives) {
            writer.relationship(relationshipId('realizes', initiative.name), 'Realization', elementId(initiative.name), 'e-plateau-to-be');
            for (const before of initiative.dependsOn) {
                if (estate.initiatives.has(before)) writer.relationship(relationshipId('before', before, initiative.name), 'Triggering', elementId(before), elementId(initiative.name));
            }
        }
    }
    return writer.document(title, views.map((view, index) => viewXml(view, index, estate)));
}

function accessOf(writer: ArchimateWriter, system: System, estate: Estate): void {
    for (const entity of new Set([...system.stores, ...system.edits])) {
        if (!estate.entities.has(entity)) continue;
        const stores = system.stores.includes(entity);
        const edits = system.edits.includes(entity);
        writer.relationship(relationshipId('access', system.name, entity), 'Access', elementId(system.name), elementId(entity), { accessType: stores && edits ? 'ReadWrite' : edits ? 'Write' : 'Read' });
    }
}
