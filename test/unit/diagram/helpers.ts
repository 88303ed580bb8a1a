import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DiagramGraph, DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import type { ElkNode } from '../../../language-server/src/diagram/elk-types.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import type { LayoutRunner } from '../../../language-server/src/diagram/layout.js';
import { folderTexts, loadTexts } from '../helpers/workspace.js';
import { DEFAULT_OPTIONS, generateEstate, type EstateOptions } from '../../../scripts/gen-estate.js';

interface Elk { layout(graph: unknown): Promise<unknown> }
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => Elk;

/** The diagram tests' own copy of the design example, so sample edits do not move their expectations. */
export const REFERENCE = readFileSync(new URL('./fixture-estate.integ', import.meta.url), 'utf8');

export function loadReference() {
    return loadTexts({ 'reference.integ': REFERENCE });
}

/** A view of one of the test estates (test/fixtures/estates/`name`), with `extra` model text added to the estate. */
export function fixtureView(name: string, options: DiagramOptions): (extra?: string) => Promise<DiagramGraph> {
    const files = folderTexts(`test/fixtures/estates/${name}`);
    return async (extra = '') => {
        const { analysis } = await loadTexts({ ...files, 'added.integ': extra });
        return buildDiagramGraph(analysis.estate, analysis.findings, options, '2026-12-01');
    };
}

/** Runs ELK in this thread and counts the layouts it was asked for. */
export class CountingRunner implements LayoutRunner {
    calls = 0;
    private readonly elk = new ELK();

    async run(graph: ElkNode): Promise<ElkNode> {
        this.calls++;
        return await this.elk.layout(graph) as ElkNode;
    }

    dispose(): void {}
}

/** `count` systems spread over `departments` departments, each system feeding the next by an api flow. */
export function generatedEstate(count: number, departments = 3): string {
    const lines: string[] = [];
    for (let d = 0; d < departments; d++) lines.push(`department D${d} "Department ${d}"`);
    for (let i = 0; i < count; i++) lines.push(`system S${i} { kind custom  department D${i % departments} }`);
    for (let i = 0; i + 1 < count; i++) lines.push(`flow F${i} : S${i} -> S${i + 1} { style api }`);
    return lines.join('\n');
}

/** Declarations of `departments` departments `D<d>`, each of `perDepartment` systems `S<d>x<s>`, without flows. */
export function departmentDeclarations(departments: number, perDepartment: number): string[] {
    const lines: string[] = [];
    for (let d = 0; d < departments; d++) {
        lines.push(`department D${d} "Department ${d}"`);
        for (let s = 0; s < perDepartment; s++) lines.push(`system S${d}x${s} { kind custom  department D${d} }`);
    }
    return lines;
}

/**
 * `departments` departments of `perDepartment` systems; each department's first system sends a flow
 * to the first system of most other departments (pairs whose index sum is not a multiple of 4), so
 * that collapsed, they are densely linked without every one reaching every other.
 */
export function denseEstate(departments: number, perDepartment: number): string {
    const lines: string[] = [];
    for (let d = 0; d < departments; d++) {
        lines.push(`department D${d} "Department ${d}"`);
        for (let s = 0; s < perDepartment; s++) lines.push(`system S${d}x${s} { kind custom  department D${d} }`);
        for (let s = 1; s < perDepartment; s++) lines.push(`flow F${d}x${s} : S${d}x${s} -> S${d}x0 { style api }`);
    }
    for (let a = 0; a < departments; a++) {
        for (let b = 0; b < departments; b++) {
            if (a !== b && (a + b) % 4 !== 0) lines.push(`flow G${a}to${b} : S${a}x0 -> S${b}x${b % perDepartment} { style file }`);
        }
    }
    return lines.join('\n');
}

/**
 * A view of an unseen estate from the generator (`options` over the bench's), and `withAdded`: the
 * same view once `added` model text is in the estate (an edit).
 */
export async function generatedEstateView(options: Partial<EstateOptions>, view: DiagramOptions): Promise<{ graph: DiagramGraph; withAdded: (added: string) => Promise<DiagramGraph> }> {
    const texts = Object.fromEntries(generateEstate({ ...DEFAULT_OPTIONS, ...options }).files.map(file => [file.name, file.text]));
    const graphOf = async (files: Record<string, string>) => {
        const { analysis } = await loadTexts(files);
        return buildDiagramGraph(analysis.estate, analysis.findings, view);
    };
    return { graph: await graphOf(texts), withAdded: added => graphOf({ ...texts, 'added.integ': added }) };
}

