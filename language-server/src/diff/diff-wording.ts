import type { DeclarationChange, PropertyChange } from './declaration-diff.js';
import type { EstateDiff } from './estate-diff.js';
import type { DiffFinding } from './finding-diff.js';
import type { Figure, ImpactDiff } from './impact-diff.js';

/**
 * The words of a diff, shared by the text and Markdown outputs. `code` spells a name or value
 * from the model for the output (Markdown escapes it, text shows it as is).
 */
export type Spell = (text: string) => string;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** One line a reviewer reads first: what changed, in counts. */
export function summaryLine(diff: EstateDiff): string {
    const s = diff.summary;
    if (s.empty) return `No changes to the estate's declarations or findings.${impactMoved(diff.impact) ? ' Impact figures moved; see below.' : ''}`;
    const declarations = [
        s.added && `${s.added} added`, s.removed && `${s.removed} removed`, s.renamed && `${s.renamed} renamed`, s.changed && `${s.changed} changed`,
        diff.policy.length && `${plural(diff.policy.length, 'policy setting')} changed`
    ].filter(Boolean).join(', ') || 'no declaration changed';
    // As --fail-on counts them: a finding raised to an error is a new error.
    const introduced = [plural(s.newErrors, 'new error'), plural(s.newWarnings - s.newErrors, 'new warning')].join(', ');
    const resolved = s.resolved.error + s.resolved.warning + s.resolved.info;
    const hours = diff.impact.manualHoursPerWeek;
    const hoursText = hours.delta ? `; manual work ${signed(hours.delta)} h/week` : '';
    return `${declarations}; ${introduced}, ${plural(resolved, 'finding')} resolved${hoursText}.`;
}

export function declarationLine(change: DeclarationChange, spell: Spell): string {
    const title = change.title !== change.name ? ` (${spell(change.title)})` : '';
    const what = `${change.kind} ${spell(change.name)}${title}`;
    switch (change.change) {
        case 'added': return `added ${what}`;
        case 'removed': return `removed ${what}`;
        case 'renamed': return `renamed ${change.kind} ${spell(change.from)} → ${spell(change.name)}`;
        case 'changed': return `changed ${what}`;
    }
}

/** `spellText` for the property's name, which a policy's `rule "<id>"` takes from the model. */
export function propertyLine(property: PropertyChange, spell: Spell, spellText: Spell = spell): string {
    const value = (text: string | undefined) => text === undefined ? 'not set' : spell(text);
    return `${spellText(property.property)}: ${value(property.before)} → ${value(property.after)}`;
}

/** `spellText` for the rule's message, which is prose rather than a name. */
export function findingLine(finding: DiffFinding & { before?: string }, spell: Spell, spellText: Spell = spell): string {
    const on = `${finding.element.kind} ${spell(finding.element.name)}${finding.property ? ` (${finding.property})` : ''}`;
    const severity = finding.before ? `${finding.before} → ${finding.severity}` : finding.severity;
    // Messages end with their rule id for the editor's problem list; here the id leads the line.
    const message = finding.message.endsWith(` (${finding.ruleId})`) ? finding.message.slice(0, -finding.ruleId.length - 3) : finding.message;
    return `${severity} ${spellText(finding.ruleId)} on ${on}: ${spellText(message)}`;
}

export interface ImpactRow {
    label: string;
    before: string;
    after: string;
    change: string;
}

/** The impact figures that either side has, each before → after with its change. */
export function impactRows(impact: ImpactDiff): ImpactRow[] {
    const rows: ImpactRow[] = [];
    const add = (label: string, figure: Figure, unit = '', deltaUnit = unit) => {
        if (figure.before === undefined && figure.after === undefined) return;
        const shown = (value: number | undefined) => value === undefined ? '—' : `${grouped(value)}${unit}`;
        const change = figure.delta === undefined ? '—' : figure.delta === 0 ? 'no change' : `${signed(figure.delta)}${deltaUnit}`;
        rows.push({ label, before: shown(figure.before), after: shown(figure.after), change });
    };
    add('manual hours per week', impact.manualHoursPerWeek, ' h');
    add('integration coverage', impact.coveragePercent, '%', ' points');
    add('regulated flows out of compliance', impact.regulatedFlowsOutOfCompliance);
    add('open errors', impact.openErrors);
    add('open warnings', impact.openWarnings);
    const roadmap = impact.roadmap;
    if (roadmap) {
        add('roadmap: hours saved per week', roadmap.hoursSavedPerWeek, ' h');
        add('roadmap: months', roadmap.months);
        add('roadmap: most initiatives in flight in a month', roadmap.peakWipPerMonth);
        add('roadmap: cost', roadmap.cost, roadmap.currency ? ` ${roadmap.currency}` : '');
        add('roadmap: payback (months)', roadmap.paybackMonths);
    }
    return rows;
}

/** True when some impact figure differs between the sides. */
export function impactMoved(impact: ImpactDiff): boolean {
    return impactRows(impact).some(row => row.change !== 'no change' && row.change !== '—');
}

/** `+3`, `−2.5` (a minus sign, as the report writes it). */
export function signed(value: number): string {
    return value > 0 ? `+${grouped(value)}` : value < 0 ? `−${grouped(-value)}` : '0';
}

/** `550,000`: the same on every machine, whatever its locale. */
const grouped = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
