import type { Estate, Severity, Waiver } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { CATALOGUE } from './catalogue.js';
import { ReadLog, recordingLookups, type Reads } from './element-reads.js';
import { changesBetween, readsChanged, settingsText, type Changes } from './estate-changes.js';
import type { Finding } from './finding.js';
import { inForce, type ElementCheck, type ElementContext, type ElementKind, type EstateSettings, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

const DEFAULT_SEVERITY = new Map<string, Severity>(CATALOGUE.map(rule => [rule.id, rule.defaultSeverity]));

/** One element's findings, each with the slot of the element check that made it, and the names its checks looked up. */
interface ElementResult {
    slots: readonly number[];
    findings: readonly Finding[];
    reads: Reads;
}

type ElementStep = { rule: Rule; element: ElementCheck; slot: number };
type Step = { rule: Rule; run: NonNullable<Rule['run']> } | ElementStep;

interface LastRun {
    estate: Estate;
    settings: string;
    results: Map<object, ElementResult>;
}

/** Told of a rule that threw, with what it threw: the language server logs it with the stack. */
export type RuleFailed = (ruleId: string, error: unknown) => void;

/**
 * Runs the rules over an estate, then applies the policy (per-rule severity, `off`) and the waivers
 * (`accept` turns a finding into an accepted one; it is never dropped). A rule that throws becomes
 * one internal-error finding naming it, and `onFailure` hears of it; the other rules still report.
 *
 * A runner that remembers keeps each flow's, system's and entity's findings with the names its
 * checks looked up. The next run checks again only the elements that changed or whose looked-up
 * names changed; the others keep their findings (the same objects), unless the settings changed.
 * Whole-estate rules always run again: they are the cheap ones.
 */
export class RuleRunner {
    private readonly steps: Step[] = [];
    private readonly checksOf: Record<ElementKind, ElementStep[]> = { flow: [], system: [], entity: [] };
    private last: LastRun | undefined;

    constructor(rules: readonly Rule[], private readonly remember: boolean, private readonly onFailure: RuleFailed = () => undefined) {
        for (const rule of rules) {
            if (rule.run) {
                this.steps.push({ rule, run: rule.run });
                continue;
            }
            for (const element of rule.each) {
                const step = { rule, element, slot: this.checksOf[element.kind].length };
                this.checksOf[element.kind].push(step);
                this.steps.push(step);
            }
        }
    }

    run(estate: Estate, today: string): Finding[] {
        const settings = this.remember ? settingsText(estate, today) : '';
        const last = this.last?.settings === settings ? this.last : undefined;
        this.last = undefined;
        const changes = last ? changesBetween(last.estate, estate) : undefined;
        const outcome = outcomes(estate, today);
        const pass = new ElementPass(estate, today, this.remember, outcome);
        const results = new Map<object, ElementResult>();
        const failed = new Map<string, unknown>();
        // Per kind and slot, the findings of every element in estate order.
        const found: Record<ElementKind, Finding[][]> = { flow: [], system: [], entity: [] };
        const checkAll = (kind: ElementKind, elements: Iterable<object>) => {
            const steps = this.checksOf[kind].filter(step => estate.policy.ruleSeverity[step.rule.id] !== 'off');
            const bySlot: Finding[][] = found[kind] = this.checksOf[kind].map(() => []);
            if (steps.length === 0) return;
            for (const element of elements) {
                const kept = last?.results.get(element);
                const result = kept && !readsChanged(kept.reads, changes as Changes) ? kept : pass.check(element, steps, failed);
                if (this.remember) results.set(element, result);
                const { slots, findings } = result;
                for (let i = 0; i < slots.length; i++) bySlot[slots[i]].push(findings[i]);
            }
        };
        checkAll('flow', estate.flows.values());
        checkAll('system', estate.systems.values());
        checkAll('entity', estate.entities.values());

        const findings: Finding[] = [];
        const context: RuleContext = { estate, index: indexEstate(estate), today };
        for (const step of this.steps) {
            const id = step.rule.id;
            if (estate.policy.ruleSeverity[id] === 'off') continue;
            if ('run' in step) {
                try {
                    for (const raw of step.run(context)) findings.push(outcome(raw));
                } catch (error) {
                    this.onFailure(id, error);
                    findings.push(outcome(internalError(id, error, estate)));
                }
                continue;
            }
            if (failed.has(id)) {
                if (this.steps.find(other => other.rule === step.rule) === step) {
                    this.onFailure(id, failed.get(id));
                    findings.push(outcome(internalError(id, failed.get(id), estate)));
                }
                continue;
            }
            for (const finding of found[step.element.kind][step.slot]) findings.push(finding);
        }
        // A failed check leaves some elements' results incomplete: the next run starts afresh.
        if (this.remember && failed.size === 0) this.last = { estate, settings, results };
        return findings;
    }
}

const NOTHING: ElementResult = { slots: [], findings: [], reads: [] };

/** The context, report callback and scratch list one run's element checks share. */
class ElementPass {
    private readonly log = new ReadLog();
    private readonly derived = new Map<unknown, unknown>();
    private readonly scratch: RawFinding[] = [];
    private readonly report = (finding: RawFinding) => { this.scratch.push(finding); };
    private readonly context: ElementContext;
    /** The findings made so far on the element being checked. */
    private current: Finding[] | undefined;

    constructor(estate: Estate, today: string, private readonly remember: boolean, private readonly outcome: (raw: RawFinding) => Finding) {
        const index = indexEstate(estate);
        const settings: EstateSettings = estate;
        this.context = {
            ...(remember ? recordingLookups(estate, index, this.log) : { estate, index }),
            today,
            once: derive => {
                if (!this.derived.has(derive)) this.derived.set(derive, derive(settings, today));
                return this.derived.get(derive) as ReturnType<typeof derive>;
            },
            reported: ruleId => this.current?.some(finding => finding.ruleId === ruleId) ?? false
        };
    }

    check(element: object, steps: readonly ElementStep[], failed: Map<string, unknown>): ElementResult {
        const reads: Reads = this.remember ? [] : EMPTY_READS;
        this.log.current = reads;
        this.current = undefined;
        let slots: number[] | undefined;
        const scratch = this.scratch;
        for (const { rule, element: check, slot } of steps) {
            try {
                (check.check as (element: object, context: ElementContext, report: (finding: RawFinding) => void) => void)(element, this.context, this.report);
            } catch (error) {
                if (!failed.has(rule.id)) failed.set(rule.id, error);
                scratch.length = 0;
                continue;
            }
            if (scratch.length === 0) continue;
            slots ??= [];
            const findings = this.current ??= [];
            for (const raw of scratch) {
                slots.push(slot);
                findings.push(this.outcome(raw));
            }
            scratch.length = 0;
        }
        if (!this.current && reads.length === 0) return NOTHING;
        return { slots: slots ?? NOTHING.slots, findings: this.current ?? NOTHING.findings, reads };
    }
}

const EMPTY_READS: Reads = [];

/** Severity from the policy, then the waiver in force for the finding's rule and element, if any. */
function outcomes(estate: Estate, today: string): (raw: RawFinding) => Finding {
    // Per rule, then per target: no key string is built for each of thousands of findings. Of two
    // waivers of one finding (waiver/duplicate) the first in force applies.
    const waivers = new Map<string, Map<string, Waiver>>();
    for (const waiver of estate.waivers) {
        if (!inForce(waiver, today)) continue;
        const byTarget = waivers.get(waiver.rule) ?? new Map<string, Waiver>();
        if (!byTarget.has(waiver.target)) byTarget.set(waiver.target, waiver);
        waivers.set(waiver.rule, byTarget);
    }
    const severities = estate.policy.ruleSeverity;
    return raw => {
        const setting = severities[raw.ruleId];
        const severity = (setting !== 'off' ? setting : undefined) ?? raw.severity ?? DEFAULT_SEVERITY.get(raw.ruleId) ?? 'warning';
        const waiver = waivers.get(raw.ruleId)?.get(raw.element.name);
        const accepted = waiver ? { reason: waiver.reason, ticket: waiver.ticket, until: waiver.until } : undefined;
        return withOutcome(raw, severity, accepted);
    };
}

/** A finding with its severity and waiver, as one literal of fixed shape (an object spread per finding made every edit slower). */
function withOutcome(finding: RawFinding, severity: Severity, accepted: Finding['accepted']): Finding {
    return {
        ruleId: finding.ruleId, severity, message: finding.message, element: finding.element, property: finding.property,
        uri: finding.uri, range: finding.range, related: finding.related, data: finding.data, accepted
    };
}

function internalError(ruleId: string, error: unknown, estate: Estate): RawFinding {
    const anchor = estate.policy.source ?? [...estate.systems.values()].find(s => !s.source.builtin)?.source;
    return {
        ruleId: 'internal-error',
        severity: 'error',
        message: `Rule ${ruleId} failed: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this. (internal-error)`,
        element: { kind: 'policy', name: ruleId },
        uri: anchor?.uri ?? '',
        range: anchor?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        data: { rule: ruleId }
    };
}
