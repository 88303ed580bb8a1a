/**
 * What the preview's lenses colour each system and flow by: the most sensitive data it holds or
 * carries, who answers for it, what the roadmap does to it, and whether it stores or carries the
 * data the view follows. Computed once per graph; the picture's layout is the same under every lens.
 */
import { flowOwner } from '../model/flow-ownership.js';
import { scheduleRoadmaps } from '../analysis/roadmap-schedule.js';
import type { Classification, Estate, Flow, System } from '../model/estate.js';
import { formatYearMonth } from '../model/units.js';
import { followedElements, type FollowedData } from '../model/followed-data.js';
import type { EstateIndex } from '../model/estate-index.js';
import type { DataCategory, ElementLens, RoadmapMark } from './diagram-graph.js';

/** Most sensitive first: an element with several kinds of data takes the first. */
export const DATA_CATEGORIES: readonly DataCategory[] = ['phi', 'pci', 'personal', 'financial', 'regulated', 'confidential', 'none'];

/** The standard library's regulations name the categories; any other regulation is `regulated`. */
const BY_REGULATION = new Map<string, DataCategory>([['HIPAA', 'phi'], ['PCI-DSS', 'pci'], ['GDPR', 'personal'], ['SOX', 'financial']]);

export function categoryOf(classification: Classification | undefined): DataCategory {
    if (!classification) return 'none';
    const named = classification.regulations.map(regulation => BY_REGULATION.get(regulation) ?? 'regulated');
    if (named.length > 0) return mostSensitive(named);
    return classification.level === 'confidential' || classification.level === 'restricted' ? 'confidential' : 'none';
}

export function mostSensitive(categories: Iterable<DataCategory>): DataCategory {
    let best = DATA_CATEGORIES.length - 1;
    for (const category of categories) best = Math.min(best, DATA_CATEGORIES.indexOf(category));
    return DATA_CATEGORIES[best];
}

/** The roadmap's next step: the scheduled initiative that finishes first without having finished before today. */
export interface RoadmapMarks {
    flow(name: string): RoadmapMark;
    system(name: string): RoadmapMark;
}

export function roadmapMarks(estate: Estate, today: string): RoadmapMarks {
    const schedule = scheduleRoadmaps(estate, today);
    const current = schedule.initiatives.filter(initiative => formatYearMonth(initiative.end) >= schedule.today);
    current.sort((a, b) => a.endIndex - b.endIndex || a.startIndex - b.startIndex || a.name.localeCompare(b.name));
    const next = current[0]?.name;
    const flows = new Map<string, RoadmapMark>();
    const systems = new Map<string, RoadmapMark>();
    const mark = (map: Map<string, RoadmapMark>, key: string, value: RoadmapMark) => {
        const order = (m: RoadmapMark) => m.startsWith('next') ? 0 : m === 'none' ? 2 : 1;
        const known = map.get(key);
        if (!known || order(value) < order(known)) map.set(key, value);
    };
    for (const initiative of estate.initiatives.values()) {
        const when = initiative.name === next ? 'next' : 'later';
        for (const [names, what] of [[initiative.replaces, 'replaces'], [initiative.delivers, 'delivers']] as const) {
            for (const name of names) {
                mark(flows, name, `${when}-${what}`);
                const flow = estate.flows.get(name);
                if (!flow) continue;
                mark(systems, flow.sourceSystem, `${when}-touches`);
                mark(systems, flow.targetSystem, `${when}-touches`);
            }
        }
    }
    return { flow: name => flows.get(name) ?? 'none', system: name => systems.get(name) ?? 'none' };
}

export interface LensContext {
    estate: Estate;
    index: EstateIndex;
    roadmap: RoadmapMarks;
    followed?: FollowedData;
}

/** Per graph: the lineage's own answer (model/followed-data.ts), so the picture lights what `integ lineage` lists. */
const followedSets = new WeakMap<LensContext, { systems: ReadonlySet<string>; flows: ReadonlySet<Flow> }>();

function followedIn(context: LensContext, followed: FollowedData): { systems: ReadonlySet<string>; flows: ReadonlySet<Flow> } {
    let sets = followedSets.get(context);
    if (!sets) {
        const elements = followedElements(context.estate, followed);
        followedSets.set(context, sets = { systems: elements.systems, flows: new Set(elements.flows) });
    }
    return sets;
}

export function systemLens(context: LensContext, system: System): ElementLens {
    const { estate, index, followed } = context;
    const categories: DataCategory[] = [];
    for (const entityName of system.stores) {
        for (const field of estate.entities.get(entityName)?.fields ?? []) categories.push(categoryOf(index.classificationOf(entityName, field.name)));
    }
    const lens: ElementLens = {
        data: mostSensitive(categories),
        owner: system.owner ? 'owned' : 'unowned',
        ownerName: system.owner,
        roadmap: context.roadmap.system(system.name)
    };
    if (followed) lens.followed = followedIn(context, followed).systems.has(system.name);
    return lens;
}

export function flowLens(context: LensContext, flow: Flow): ElementLens {
    const owner = flowOwner(context.estate, flow);
    const lens: ElementLens = {
        data: mostSensitive(context.index.classificationsCarried(flow).map(categoryOf)),
        owner: !owner ? 'unowned' : owner.from === 'flow' ? 'owned' : 'inferred',
        ownerName: owner?.name,
        roadmap: context.roadmap.flow(flow.name)
    };
    if (context.followed) lens.followed = followedIn(context, context.followed).flows.has(flow);
    return lens;
}

/** The lens of an aggregate (a collapsed department, a bundle of flows): the most telling of its members. */
export function combinedLens(members: readonly ElementLens[]): ElementLens {
    const owners = new Set(members.map(member => member.owner));
    const marks = members.map(member => member.roadmap);
    const lens: ElementLens = {
        data: mostSensitive(members.map(member => member.data)),
        owner: owners.has('unowned') ? 'unowned' : owners.has('inferred') ? 'inferred' : 'owned',
        roadmap: marks.find(m => m.startsWith('next')) ?? marks.find(m => m !== 'none') ?? 'none'
    };
    if (members.some(member => member.followed !== undefined)) lens.followed = members.some(member => member.followed);
    return lens;
}
