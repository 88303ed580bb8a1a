/**
 * The view pickers (kind, name, depth, state, data and finding filters) and the "Open all / Fold all"
 * control of the estate overview: they show the options of the picture and turn a change into new options.
 */
import type { DiagramViewKind } from '../../../language-server/src/diagram/view-kinds.js';
import { EXPAND_ALL } from '../../../language-server/src/diagram/diagram-graph.js';
import type { DiagramRequestResult } from '../../../language-server/src/lsp/protocol.js';
import type { DiagramViewOptions } from '../../src/preview/diagram-messages.js';
import { page } from './page-elements.js';

/** Where the answer lists the names each kind of view can show. */
const NAMES_OF: Record<DiagramViewKind, 'processes' | 'departments' | 'systems' | undefined> = {
    estate: undefined, process: 'processes', department: 'departments', system: 'systems'
};

export class Toolbar {
    private options!: DiagramViewOptions;
    private choices?: DiagramRequestResult['choices'];
    private drawn?: Pick<DiagramRequestResult, 'expandable' | 'collapsible'>;

    constructor(changed: (options: DiagramViewOptions) => void) {
        for (const select of [page.viewKind, page.viewName, page.depth, page.state, page.classification, page.finding]) {
            select.addEventListener('change', () => {
                if (select === page.viewKind) page.viewName.value = '';
                changed(this.read());
            });
        }
        page.openAll.addEventListener('click', () => {
            const openAll = (this.drawn?.expandable.length ?? 0) > 0;
            changed({ ...this.options, expand: openAll ? [EXPAND_ALL] : [] });
        });
    }

    /** Shows `options`; `choices` from the latest answer, `drawn` from the picture on screen. */
    sync(options: DiagramViewOptions, choices: DiagramRequestResult['choices'] | undefined, drawn: Pick<DiagramRequestResult, 'expandable' | 'collapsible'> | undefined): void {
        this.options = options;
        this.choices = choices ?? this.choices;
        this.drawn = drawn;
        page.viewKind.value = options.view.kind;
        page.viewName.hidden = options.view.kind === 'estate';
        fillSelect(page.viewName, this.namesFor(options.view.kind), options.view.name);
        page.depth.hidden = options.view.kind !== 'system';
        page.depth.value = String(options.view.depth ?? 1);
        page.state.value = options.state;
        fillSelect(page.classification, this.choices?.classifications ?? [], options.filters?.classifications?.[0] ?? '', 'any');
        fillSelect(page.finding, ruleFilterValues(this.choices), options.filters?.findings?.[0] ?? '', 'any');
        const canOpen = (drawn?.expandable.length ?? 0) > 0;
        const canFold = !canOpen && (options.expand ?? []).length > 0;
        page.openAll.hidden = options.view.kind !== 'estate' || (!canOpen && !canFold);
        page.openAll.textContent = canOpen ? 'Open all' : 'Fold all';
    }

    private namesFor(kind: DiagramViewKind): string[] {
        const names = NAMES_OF[kind];
        return names && this.choices ? this.choices[names] : [];
    }

    private read(): DiagramViewOptions {
        const kind = page.viewKind.value as DiagramViewOptions['view']['kind'];
        const view: DiagramViewOptions['view'] = kind === 'estate' ? { kind } : { kind, name: page.viewName.value || this.namesFor(kind)[0] };
        if (kind === 'system') view.depth = page.depth.value === '2' ? 2 : 1;
        const sameView = kind === this.options.view.kind && view.name === this.options.view.name;
        return {
            view,
            state: page.state.value === 'to-be' ? 'to-be' : 'as-is',
            filters: {
                classifications: page.classification.value ? [page.classification.value] : [],
                findings: page.finding.value ? [page.finding.value] : []
            },
            // Departments opened belong to the estate overview they were opened in.
            expand: sameView ? this.options.expand ?? [] : [],
            ...(this.options.follow ? { follow: this.options.follow } : {})
        };
    }
}

function fillSelect(select: HTMLSelectElement, values: readonly string[], selected: string | undefined, emptyLabel?: string): void {
    select.replaceChildren();
    if (emptyLabel !== undefined) select.append(new Option(emptyLabel, ''));
    for (const value of values) select.append(new Option(value, value));
    select.value = selected !== undefined && (values.includes(selected) || selected === '') ? selected : (emptyLabel !== undefined ? '' : values[0] ?? '');
}

function ruleFilterValues(choices: DiagramRequestResult['choices'] | undefined): string[] {
    const ids = choices?.ruleIds ?? [];
    const areas = [...new Set(ids.map(id => id.split('/')[0]))];
    return [...areas, ...ids];
}
