import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { FuzzWorkspace, type CaseResult } from './pipeline.js';
import { mutate, mutation, sampleWorkspaces, tokenSoup } from './fuzz-inputs.js';

/**
 * `npm test` runs a fixed seed so a failure is reproducible; `npm run fuzz` sets FUZZ_RUNS (cases per
 * property) and a random FUZZ_SEED, printed so a failure found there can be replayed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261126);
/**
 * Cases per property under `npm test`, sized by cost: a soup is a small document on its own, a
 * sample mutation rebuilds and re-analyses the sample's whole workspace (acme: 16 files).
 */
const DEFAULT_RUNS: Record<string, number> = { soup: 3_600, reference: 1_200, acme: 250 };
/** Generous: a failing case shrinks by re-running many cases. */
const PROPERTY_TIMEOUT_MS = 600_000;
/** A robustness bound, not a performance budget: a case that takes this long is a hang in the making. */
const MAX_CASE_MS = 2_000;

if (process.env.FUZZ_SEED) console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz), ${RUNS ?? 'default'} runs per property`);

/** Runs one case and fails it, with the reason, on an exception, a slow case or a misplaced diagnostic. */
async function check(workspace: FuzzWorkspace, uri: string, text: string): Promise<void> {
    let { result, elapsed } = await timed(workspace, uri, text);
    // A hang repeats; a pause of the machine (garbage collection, the other test files) does not.
    if (elapsed >= MAX_CASE_MS) ({ result, elapsed } = await timed(workspace, uri, text));
    expect(result.rangeProblems).toEqual([]);
    expect(elapsed, `case took ${Math.round(elapsed)} ms`).toBeLessThan(MAX_CASE_MS);
    expect(result.svgLength).toBeGreaterThan(0);
    expect(result.roadmapLength).toBeGreaterThan(0);
}

async function timed(workspace: FuzzWorkspace, uri: string, text: string): Promise<{ result: CaseResult; elapsed: number }> {
    const started = performance.now();
    const result = await workspace.run(uri, text);
    return { result, elapsed: performance.now() - started };
}

const SAMPLES = sampleWorkspaces();

describe('fuzzing: parse → link → validate → estate → rules → diagram → layout → SVG → roadmap', () => {
    test('random token soups never throw, stay in time and keep every diagnostic inside the document', async () => {
        const workspace = await FuzzWorkspace.create();
        await fc.assert(fc.asyncProperty(tokenSoup, text => check(workspace, 'file:///fuzz/soup.integ', text)),
            { numRuns: RUNS ?? DEFAULT_RUNS.soup, seed: SEED });
    }, PROPERTY_TIMEOUT_MS);

    for (const [folder, files] of SAMPLES) {
        describe(`mutations of samples/${folder}`, () => {
            let workspace: FuzzWorkspace;
            beforeAll(async () => {
                workspace = await FuzzWorkspace.create(files);
                // The first pass compiles the code paths and starts ELK: not a case, so not timed.
                const [uri, text] = Object.entries(files)[0];
                await workspace.run(uri, text);
            });

            test('the unmodified sample runs clean through the pipeline', async () => {
                for (const [uri, text] of Object.entries(files)) await check(workspace, uri, text);
            });

            test('random line, byte, keyword, unicode, long-name and line-ending mutations never break the pipeline', async () => {
                const uris = Object.keys(files);
                await fc.assert(fc.asyncProperty(fc.constantFrom(...uris), fc.array(mutation, { minLength: 1, maxLength: 4 }), (uri, mutations) =>
                    check(workspace, uri, mutations.reduce(mutate, files[uri]))
                ), { numRuns: RUNS ?? DEFAULT_RUNS[folder] ?? 250, seed: SEED });
            }, PROPERTY_TIMEOUT_MS);
        });
    }
});
