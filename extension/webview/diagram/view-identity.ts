/** When two sets of options show the same view, and how a view is named in the breadcrumb. */
import type { DiagramViewOptions } from '../../src/preview/diagram-messages.js';

/** The same view (kind, name, depth): another picture of it keeps the reader's place on screen. */
export function sameView(a: DiagramViewOptions, b: DiagramViewOptions): boolean {
    return a.view.kind === b.view.kind && (a.view.name ?? '') === (b.view.name ?? '') && (a.view.depth ?? 1) === (b.view.depth ?? 1);
}

/** The same view drawn for the same choices: a picture of one stands for the other. */
export function sameOptions(a: DiagramViewOptions, b: DiagramViewOptions): boolean {
    return sameView(a, b) && a.state === b.state && (a.follow ?? '') === (b.follow ?? '')
        && sameList(a.filters?.classifications, b.filters?.classifications) && sameList(a.filters?.findings, b.filters?.findings)
        && sameList(a.expand, b.expand);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
    const x = [...(a ?? [])].sort();
    const y = [...(b ?? [])].sort();
    return x.length === y.length && x.every((item, i) => item === y[i]);
}

export function viewLabel(options: DiagramViewOptions): string {
    return options.view.kind === 'estate' ? 'Estate' : options.view.name ?? options.view.kind;
}
