import { describe, expect, it } from 'vitest';
import { generateEstate, scaledOptions, type EstateOptions } from '../../../scripts/gen-estate.js';
import { CATALOGUE } from '../../../language-server/src/rules/catalogue.js';
import { loadTexts } from '../helpers/workspace.js';
import type { LoadedWorkspace } from '../../../language-server/src/workspace/load-workspace.js';

const SMALL: Partial<EstateOptions> = {
    systems: 60, departments: 6, flows: 240, entities: 18, processes: 6, initiatives: 8, files: 3
};

async function load(options: Partial<EstateOptions>): Promise<LoadedWorkspace> {
    const estate = generateEstate(options);
    return loadTexts(Object.fromEntries(estate.files.map(file => [file.name, file.text])));
}

/** Parse, link and check diagnostics of the documents themselves, plus duplicate-name errors. */
function languageErrors(workspace: LoadedWorkspace): string[] {
    const problems: string[] = [];
    for (const document of workspace.documents) {
        for (const d of document.diagnostics ?? []) {
            problems.push(`${document.uri.path}:${d.range.start.line + 1} ${d.message}`);
        }
    }
    for (const [uri, diagnostics] of workspace.analysis.diagnostics) {
        for (const d of diagnostics) {
            if (d.code === 'duplicate-name') problems.push(`${uri}:${d.range.start.line + 1} ${d.message}`);
        }
    }
    return problems;
}

describe('generated estate', () => {
    it('has the requested size and shape', () => {
        const estate = generateEstate(SMALL);
        expect(estate.files).toHaveLength(3);
        expect(estate.stats).toMatchObject({ systems: 60, flows: 240, entities: 18, processes: 6, initiatives: 8 });
        expect(new Set(estate.files.map(file => file.name)).size).toBe(3);
        for (const file of estate.files) expect(file.name).toMatch(/^\d\d-[a-z-]+\.integ$/);
    });

    it('loads without parse, link, check or duplicate-name errors', async () => {
        const workspace = await load(SMALL);
        expect(languageErrors(workspace)).toEqual([]);
        const estate = workspace.analysis.estate;
        expect([...estate.systems.values()].filter(system => !system.source.builtin)).toHaveLength(60);
        expect(estate.flows.size).toBe(240);
        expect(estate.initiatives.size).toBe(8);
    });

    it('wires systems hub-and-spoke rather than at random', async () => {
        const estate = (await load(SMALL)).analysis.estate;
        const degree = new Map<string, number>();
        for (const flow of estate.flows.values()) {
            for (const end of [flow.sourceSystem, flow.targetSystem]) degree.set(end, (degree.get(end) ?? 0) + 1);
        }
        const degrees = [...degree.values()].sort((a, b) => b - a);
        const topTenth = degrees.slice(0, Math.ceil(degrees.length / 10)).reduce((sum, d) => sum + d, 0);
        // Hubs (a tenth of the systems) take part in most flows; random wiring would give them about a fifth.
        expect(topTenth / (2 * estate.flows.size)).toBeGreaterThan(0.5);
    });

    it('uses every flow style', async () => {
        const estate = (await load({ ...SMALL, flows: 400 })).analysis.estate;
        const styles = new Set([...estate.flows.values()].map(flow => flow.style));
        for (const style of ['manual', 'email', 'file', 'batch', 'api', 'webhook', 'event', 'cdc', 'script', 'shared-db']) {
            expect(styles, style).toContain(style);
        }
    });

    it('is deterministic for a seed and varies with it', () => {
        const first = generateEstate({ ...SMALL, seed: 7 });
        const again = generateEstate({ ...SMALL, seed: 7 });
        const other = generateEstate({ ...SMALL, seed: 8 });
        expect(again.files).toEqual(first.files);
        expect(other.files.map(file => file.text)).not.toEqual(first.files.map(file => file.text));
    });

    it('has findings of every rule area of the catalogue', async () => {
        const workspace = await load(SMALL);
        const areas = [...new Set(CATALOGUE.map(rule => rule.id.split('/')[0]))];
        expect(areas.length).toBeGreaterThan(0);
        const found = new Set(workspace.analysis.findings.map(finding => finding.ruleId.split('/')[0]));
        expect(areas.filter(area => !found.has(area))).toEqual([]);
        expect(workspace.analysis.findings.filter(finding => finding.ruleId === 'internal-error')).toEqual([]);
    });

    it('scales the default estate by the number of systems', () => {
        const half = scaledOptions(500);
        expect(half).toMatchObject({ systems: 500, flows: 2000, entities: 150, files: 20 });
        const estate = generateEstate({ ...scaledOptions(120), files: 2 });
        expect(estate.stats.systems).toBe(120);
        expect(estate.stats.flows).toBe(480);
    });
});
