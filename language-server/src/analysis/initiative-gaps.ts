import type { Entity, Estate, Flow, Initiative, System } from '../model/estate.js';
import { flowsBetweenIn, indexEstate, pairKey, passedOnBy, type PassedOn } from '../model/estate-index.js';
import { passedOnKey, READ, ReadLog, recordingLookups, type Reads } from '../rules/element-reads.js';
import { changesBetween, type Changes } from '../rules/estate-changes.js';
import type { Finding } from '../rules/finding.js';
import type { ElementCheck, ElementContext, ElementKind, Lookup, RawFinding, Rule } from '../rules/rule-kit.js';
import { runRules } from '../rules/run-rules.js';

type Element = Flow | System | Entity;

/** The new versions of the flows and systems that change once the initiatives are done (nothing else changes). */
export interface Versions {
    flows: Map<string, Flow>;
    systems: Map<string, System>;
}

/**
 * What the initiatives change: the flows they replace are retired, the flows they deliver are live,
 * and planned systems those flows touch are live.
 */
export function versionsAfter(estate: Estate, initiatives: Iterable<Initiative>): Versions {
    const delivered = new Set<string>();
    const retired = new Set<string>();
    for (const initiative of initiatives) {
        initiative.delivers.forEach(name => delivered.add(name));
        initiative.replaces.forEach(name => retired.add(name));
    }
    const flows = new Map<string, Flow>();
    const touched = new Set<string>();
    for (const name of delivered) {
        const flow = estate.flows.get(name);
        if (!flow) continue;
        flows.set(name, { ...flow, status: 'live' });
        touched.add(flow.sourceSystem).add(flow.targetSystem);
    }
    for (const name of retired) {
        const flow = estate.flows.get(name);
        if (flow && !flows.has(name)) flows.set(name, { ...flow, status: 'retired' });
    }
    const systems = new Map<string, System>();
    for (const name of touched) {
        const system = estate.systems.get(name);
        if (system?.status === 'planned') systems.set(name, { ...system, status: 'live' });
    }
    return { flows, systems };
}

function findingKey(finding: Pick<Finding, 'ruleId' | 'element' | 'property'>): string {
    return `${finding.ruleId}\u0000${finding.element.kind}\u0000${finding.element.name}\u0000${finding.property ?? ''}`;
}

/** Findings of `before` that `after` no longer has (counted per rule, element and property). */
export function disappeared<T extends Pick<Finding, 'ruleId' | 'element' | 'property'>>(before: readonly T[], after: readonly T[]): T[] {
    const remaining = new Map<string, number>();
    for (const finding of after) remaining.set(findingKey(finding), (remaining.get(findingKey(finding)) ?? 0) + 1);
    const gone: T[] = [];
    for (const finding of before) {
        const key = findingKey(finding);
        const left = remaining.get(key) ?? 0;
        if (left > 0) remaining.set(key, left - 1); else gone.push(finding);
    }
    return gone;
}

/**
 * The gap findings each initiative closes on its own: those of today's estate that the estate with
 * only that initiative done no longer has. Running the rules over a whole estate per initiative made
 * a roadmap of 20,000 initiatives take hours. The rules' element checks run once over today's estate,
 * recording the names each one looks up (as the rule runner does between edits); per initiative they
 * run again only on the elements it changes and on those that looked up a name whose answer it
 * changes, against today's lookups with the new versions swapped in. The other elements would see
 * exactly what they saw today, so their findings stay.
 */
export class InitiativeGaps {
    private readonly steps: Record<ElementKind, Array<{ ruleId: string; check: ElementCheck['check'] }>> = { flow: [], system: [], entity: [] };
    private readonly wholeEstateRules: Rule[] = [];
    private readonly wholeEstateFindings: Finding[] = [];
    /** Values the checks derive from the settings, which no initiative changes. */
    private readonly derived = new Map<unknown, unknown>();
    private readonly findingsOf = new Map<Element, RawFinding[]>();
    /** Today's order of the findings: rule, then element, as the runner lists them. */
    private readonly order = new Map<RawFinding, number>();
    /** Per kind of read, per name, the elements whose checks looked it up. */
    private readonly readers = new Map<number, Map<string, Element[]>>();

    constructor(private readonly estate: Estate, rules: readonly Rule[], private readonly today: string) {
        const active = rules.filter(rule => estate.policy.ruleSeverity[rule.id] !== 'off');
        for (const rule of active) {
            if (rule.run) this.wholeEstateRules.push(rule);
            else for (const element of rule.each) this.steps[element.kind].push({ ruleId: rule.id, check: element.check as ElementCheck['check'] });
        }
        if (this.wholeEstateRules.length > 0) this.wholeEstateFindings = runRules(estate, { rules: this.wholeEstateRules, today });
        this.checkToday(active);
    }

    /** The gap findings of today's estate that the initiative, done alone, closes, in the order the runner lists them. */
    closedBy(initiative: Initiative): Array<RawFinding | Finding> {
        const versions = versionsAfter(this.estate, [initiative]);
        const closed: RawFinding[] = [];
        const changes = this.changes(versions);
        const context = this.contextAfter(versions, changes);
        for (const [element, after] of this.affected(versions, changes)) {
            const before = this.findingsOf.get(element);
            if (before) for (const finding of disappeared(before, this.check(after, context))) closed.push(finding);
        }
        closed.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
        if (this.wholeEstateRules.length === 0) return closed;
        const after = runRules({ ...this.estate, ...applied(this.estate, versions) }, { rules: this.wholeEstateRules, today: this.today });
        return [...disappeared(this.wholeEstateFindings, after), ...closed];
    }

    private checkToday(rules: readonly Rule[]): void {
        const log = new ReadLog();
        const context = this.context(recordingLookups(this.estate, indexEstate(this.estate), log));
        const found: RawFinding[][] = [];
        const elements: Record<ElementKind, Iterable<Element>> = { flow: this.estate.flows.values(), system: this.estate.systems.values(), entity: this.estate.entities.values() };
        for (const kind of ['flow', 'system', 'entity'] as const) {
            for (const element of elements[kind]) {
                const reads: Reads = [];
                log.current = reads;
                const findings = this.check(element, context);
                if (findings.length > 0) {
                    this.findingsOf.set(element, findings);
                    found.push(findings);
                }
                for (let i = 0; i < reads.length; i += 2) {
                    let byName = this.readers.get(reads[i] as number);
                    if (!byName) this.readers.set(reads[i] as number, byName = new Map());
                    const list = byName.get(reads[i + 1] as string);
                    if (list) list.push(element); else byName.set(reads[i + 1] as string, [element]);
                }
            }
        }
        const ruleOrder = new Map(rules.map((rule, index) => [rule.id, index]));
        const all = found.flat();
        all.forEach((finding, index) => this.order.set(finding, ruleOrder.get(finding.ruleId)! * all.length + index));
    }

    /** Every element check of the element's kind, in rule order; a check that throws reports nothing (the runner reports it). */
    private check(element: Element, context: (element: RawFinding[]) => ElementContext): RawFinding[] {
        const findings: RawFinding[] = [];
        const elementContext = context(findings);
        const report = (finding: RawFinding) => { findings.push(finding); };
        for (const { check } of this.steps[element.kind]) {
            try {
                (check as (element: Element, context: ElementContext, report: (finding: RawFinding) => void) => void)(element, elementContext, report);
            } catch {
                // The workspace's own run of the rules turns the failure into an internal-error finding.
            }
        }
        return findings;
    }

    private context(lookups: Pick<ElementContext, 'estate' | 'index'>): (findings: RawFinding[]) => ElementContext {
        const once: ElementContext['once'] = derive => {
            if (!this.derived.has(derive)) this.derived.set(derive, derive(this.estate, this.today));
            return this.derived.get(derive) as ReturnType<typeof derive>;
        };
        return findings => ({ ...lookups, today: this.today, once, reported: ruleId => findings.some(finding => finding.ruleId === ruleId) });
    }

    /** The names whose lookups answer differently once the versions replace today's elements. */
    private changes(versions: Versions): Changes {
        const today = { flows: new Map<string, Flow>(), systems: new Map<string, System>() };
        for (const name of versions.flows.keys()) today.flows.set(name, this.estate.flows.get(name)!);
        for (const name of versions.systems.keys()) today.systems.set(name, this.estate.systems.get(name)!);
        const entities = new Map<string, Entity>();
        return changesBetween({ ...this.estate, ...today, entities }, { ...this.estate, ...versions, entities });
    }

    /** Today's elements to check again, each with the version to check. */
    private affected(versions: Versions, changes: Changes): Map<Element, Element> {
        const affected = new Map<Element, Element>();
        for (const [name, flow] of versions.flows) affected.set(this.estate.flows.get(name)!, flow);
        for (const [name, system] of versions.systems) affected.set(this.estate.systems.get(name)!, system);
        changes.forEach((names, kind) => {
            const byName = this.readers.get(kind);
            if (!byName) return;
            for (const name of names) {
                for (const element of byName.get(name) ?? []) if (!affected.has(element)) affected.set(element, element);
            }
        });
        return affected;
    }

    /** Today's lookups with the versions swapped in where an answer changes: what a fresh index of the changed estate would answer. */
    private contextAfter(versions: Versions, changes: Changes): (findings: RawFinding[]) => ElementContext {
        const index = indexEstate(this.estate);
        const flowsFrom = swapped(index.flowsFrom, versions.flows, changes[READ.flowsFrom]);
        const flowsTo = swapped(index.flowsTo, versions.flows, changes[READ.flowsTo]);
        const passedOn = new Map<string, ReadonlyMap<string, PassedOn>>();
        return this.context({
            estate: { ...this.estate, systems: { get: name => versions.systems.get(name) ?? this.estate.systems.get(name) } },
            index: {
                flowsFrom, flowsTo,
                flowsCarrying: swapped(index.flowsCarrying, versions.flows, changes[READ.flowsCarrying]),
                storedIn: swapped(index.storedIn, versions.systems, changes[READ.storedIn]),
                masteredBy: index.masteredBy,
                carriedFields: index.carriedFields,
                fieldsOf: index.fieldsOf,
                regulatedFields: index.regulatedFields,
                passedOn: (system, entity) => {
                    if (!changes[READ.passedOn].has(passedOnKey(system, entity))) return index.passedOn(system, entity);
                    let bySystem = passedOn.get(system);
                    if (!bySystem) passedOn.set(system, bySystem = passedOnBy(system, flowsFrom, flowsTo));
                    return bySystem.get(entity);
                },
                flowsBetween: (a, b) => changes[READ.flowsBetween].has(pairKey(a, b)) ? flowsBetweenIn(flowsFrom, a, b) : index.flowsBetween(a, b)
            }
        });
    }
}

/** The estate's flows and systems with the versions in place, in the estate's order. */
export function applied(estate: Estate, versions: Versions): Pick<Estate, 'flows' | 'systems'> {
    const flows = new Map<string, Flow>();
    for (const [name, flow] of estate.flows) flows.set(name, versions.flows.get(name) ?? flow);
    const systems = new Map<string, System>();
    for (const [name, system] of estate.systems) systems.set(name, versions.systems.get(name) ?? system);
    return { flows, systems };
}

/** A list lookup whose lists for the changed names hold the new versions, each list made once. */
function swapped<T extends { name: string }>(lists: Lookup<readonly T[]>, versions: ReadonlyMap<string, T>, changed: ReadonlySet<string>): Lookup<readonly T[]> {
    const made = new Map<string, readonly T[]>();
    return {
        get(name) {
            const list = lists.get(name);
            if (!list || !changed.has(name)) return list;
            let result = made.get(name);
            if (!result) made.set(name, result = list.map(item => versions.get(item.name) ?? item));
            return result;
        }
    };
}
