/**
 * The lenses of the diagram: what the same picture can be coloured by, with each lens's categories,
 * colours and legend text. One list for the renderer (classes, stylesheet, legend), the preview's
 * picker and the CLI's `--lens`. No imports: the webview bundles this too.
 */
import type { DiagramEdge, DiagramNode, FindingCounts } from './diagram-graph.js';

export const LENSES = ['style', 'data', 'findings', 'owner', 'roadmap'] as const;
export type Lens = typeof LENSES[number];

export const LENS_TITLES: Record<Lens, string> = {
    style: 'Flow style',
    data: 'Data classification',
    findings: 'Findings',
    owner: 'Owner',
    roadmap: 'Roadmap'
};

export interface LensCategory {
    key: string;
    label: string;
    colour: string;
}

/** The categories of every lens but `style` (which colours flows by their edge class). */
export const LENS_CATEGORIES: Record<Exclude<Lens, 'style'>, readonly LensCategory[]> = {
    data: [
        { key: 'phi', label: 'health data (HIPAA)', colour: '#8250df' },
        { key: 'pci', label: 'card data (PCI DSS)', colour: '#cf222e' },
        { key: 'personal', label: 'personal data (GDPR)', colour: '#0969da' },
        { key: 'financial', label: 'financial (SOX)', colour: '#bf8700' },
        { key: 'regulated', label: 'other regulated data', colour: '#1a7f37' },
        { key: 'confidential', label: 'confidential, unregulated', colour: '#57606a' },
        { key: 'none', label: 'no classified data', colour: '#b6bec7' }
    ],
    findings: [
        { key: 'error', label: 'has errors', colour: '#cf222e' },
        { key: 'warning', label: 'has warnings', colour: '#bf8700' },
        { key: 'info', label: 'has infos only', colour: '#0969da' },
        { key: 'none', label: 'no open findings', colour: '#2da44e' }
    ],
    owner: [
        { key: 'owned', label: 'owner declared', colour: '#2da44e' },
        { key: 'inferred', label: 'owner inferred (consumer, else producer)', colour: '#bf8700' },
        { key: 'unowned', label: 'nobody owns it', colour: '#cf222e' }
    ],
    roadmap: [
        { key: 'next-replaces', label: 'replaced by the next initiative', colour: '#cf222e' },
        { key: 'next-delivers', label: 'delivered by the next initiative', colour: '#2da44e' },
        { key: 'next-touches', label: 'system the next initiative changes', colour: '#0969da' },
        { key: 'later-replaces', label: 'replaced later', colour: '#f0a3a8' },
        { key: 'later-delivers', label: 'delivered later', colour: '#8fd19e' },
        { key: 'later-touches', label: 'system changed later', colour: '#9cc7f7' },
        { key: 'none', label: 'not on the roadmap', colour: '#b6bec7' }
    ]
};

function worstOpen(counts: FindingCounts): string {
    return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : counts.info > 0 ? 'info' : 'none';
}

/** The category of an element under each lens but `style`. */
export function lensKeys(element: DiagramNode | DiagramEdge): Record<Exclude<Lens, 'style'>, string> {
    return { data: element.lens.data, findings: worstOpen(element.findings), owner: element.lens.owner, roadmap: element.lens.roadmap };
}

/** What an element is under a lens when it carries no class for it (most elements of a large view). */
export const LENS_DEFAULT: Record<Exclude<Lens, 'style'>, string> = { data: 'none', findings: 'none', owner: 'owned', roadmap: 'none' };

/** The class that marks an element's category under a lens: the lens's initial and the category (`d-phi`, `r-next-replaces`). */
export function lensClass(lens: Exclude<Lens, 'style'>, key: string): string {
    return `${lens[0]}-${key}`;
}
