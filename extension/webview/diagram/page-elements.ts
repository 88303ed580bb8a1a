/** The static elements of the page (diagram-html.ts), looked up once. */
function byId<T extends HTMLElement>(id: string): T {
    const element = document.getElementById(id);
    if (!element) throw new Error(`the page has no #${id}`);
    return element as T;
}

export const page = {
    viewKind: byId<HTMLSelectElement>('view-kind'),
    viewName: byId<HTMLSelectElement>('view-name'),
    depth: byId<HTMLSelectElement>('depth'),
    state: byId<HTMLSelectElement>('state'),
    classification: byId<HTMLSelectElement>('classification'),
    finding: byId<HTMLSelectElement>('finding'),
    lens: byId<HTMLSelectElement>('lens'),
    follow: byId<HTMLInputElement>('follow'),
    followList: byId<HTMLDataListElement>('follow-list'),
    search: byId<HTMLInputElement>('search'),
    searchList: byId<HTMLDataListElement>('search-list'),
    openAll: byId<HTMLButtonElement>('open-all'),
    fit: byId<HTMLButtonElement>('fit'),
    exportSvg: byId<HTMLButtonElement>('export-svg'),
    exportPng: byId<HTMLButtonElement>('export-png'),
    status: byId<HTMLSpanElement>('status'),
    back: byId<HTMLButtonElement>('back'),
    trail: byId<HTMLSpanElement>('trail'),
    title: byId<HTMLSpanElement>('title'),
    notes: byId<HTMLUListElement>('notes'),
    banner: byId<HTMLDivElement>('banner'),
    viewport: byId<HTMLDivElement>('viewport'),
    canvas: byId<HTMLDivElement>('canvas'),
    empty: byId<HTMLDivElement>('empty'),
    legend: byId<HTMLDivElement>('legend'),
    legendToggle: byId<HTMLButtonElement>('legend-toggle'),
    legendBody: byId<HTMLDivElement>('legend-body'),
    tooltip: byId<HTMLDivElement>('tooltip')
};
