import { AstUtils, Cancellation, DocumentState, URI, isOperationCancelled, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../language-server/src/workspace/workspace-analysis.js';
import { freshLoad, openWorkspace, type Services } from '../helpers/open-workspace.js';
import { loadTexts } from '../helpers/workspace.js';

const HUB = `department Sales { champions "Ann", "Bo" }
system Hub { kind crm  department Sales  stores Customer  edits Customer  users 40 }
entity Customer { master Hub  field name  field email }
`;
const SPOKES = `system Sheet { kind spreadsheet  shadow  users 3 }
flow HubToSheet : Hub -> Sheet { carries Customer.*  style manual  effort 4 hours per week }
flow SheetToHub : Sheet -> Hub { carries Customer.email  style file  schedule daily }
`;
const OTHER = `system Erp { kind erp  users 12 }
`;

/** What a user sees of the analysis: every element of the estate, every finding with its place and text. */
function seen(result: AnalysisResult) {
    const { policy: _policy, waivers, adequacy: _adequacy, ...maps } = result.estate;
    return {
        elements: Object.entries(maps).map(([kind, map]) => [kind, [...map.values()].map(element => JSON.stringify(element))]),
        waivers: JSON.stringify(waivers),
        findings: result.findings.map(f => `${f.uri} ${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.message}`)
    };
}


const VIA = 'flow HubToErp : Hub -> Erp { carries Customer.*  style api  schedule daily  via MuleSoft  tls 1.2  auth oauth2 }\n';

describe('the language server re-analyses an edited workspace like a fresh one', () => {
    it('after renaming a system that another file refers to, and renaming it back', async () => {
        const { files, builder, analysis, write } = await openWorkspace({ 'hub.integ': HUB, 'spokes.integ': SPOKES, 'other.integ': OTHER });
        const before = seen(analysis.result);
        expect(before.findings.length).toBeGreaterThan(0);

        // Only hub.integ changes; spokes.integ is re-linked, not re-parsed, and its flows lose their ends.
        await builder.update([write('hub.integ', HUB.replace('system Hub ', 'system Hub2 ').replace('master Hub ', 'master Hub2 '))], []);
        const afterRename = seen(analysis.result);
        expect(afterRename).toEqual(seen((await loadTexts(files)).analysis));
        expect(afterRename.elements).not.toEqual(before.elements);

        await builder.update([write('hub.integ', HUB)], []);
        expect(seen(analysis.result)).toEqual(before);
    });
});

/**
 * What find-references, go-to-definition and the problems view show: each document's diagnostics,
 * where each reference points, and which references each declaration has.
 */
function navigation(services: Services) {
    const { LangiumDocuments, IndexManager } = services.shared.workspace;
    const locator = services.integ.workspace.AstNodeLocator;
    const documents = LangiumDocuments.all.filter(d => d.uri.toString().startsWith('file:///ws/')).toArray()
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    const place = (range: { start: { line: number; character: number } } | undefined) => range ? `${range.start.line}:${range.start.character}` : '?';
    return documents.map(document => ({
        uri: document.uri.toString(),
        diagnostics: (document.diagnostics ?? []).map(d => `${place(d.range)} ${d.message}`),
        links: document.references.map(ref => {
            const target = (ref as Reference).ref;
            const where = target ? `${target.$document?.uri.toString() ?? AstUtils.getDocument(target).uri.toString()}#${locator.getAstNodePath(target)}` : `error: ${ref.error?.message}`;
            return `${place(ref.$refNode?.range)} ${ref.$refText} → ${where}`;
        }).sort(),
        usedBy: IndexManager.allElements().filter(d => d.documentUri.toString() === document.uri.toString()).map(description => {
            const node = locator.getAstNode(document.parseResult.value, description.path)!;
            const uses = IndexManager.findAllReferences(node, description.path)
                .map(r => `${r.sourceUri.toString()}@${place(r.segment.range)} ${r.sourcePath}`).toArray().sort();
            return `${description.name}: ${uses.join(', ')}`;
        }).toArray()
    }));
}

/** Applies each step to one language server's workspace and compares it with a fresh load of the same files. */
async function replay(initial: Record<string, string>, steps: Array<Record<string, string | undefined>>): Promise<void> {
    const { files, services, builder, analysis, write } = await openWorkspace(initial);
    for (const step of steps) {
        const changed: URI[] = [];
        const deleted: URI[] = [];
        for (const [name, text] of Object.entries(step)) (text === undefined ? deleted : changed).push(write(name, text));
        await builder.update(changed, deleted);
        const fresh = await freshLoad(files);
        const what = Object.keys(step).join(', ');
        expect(seen(analysis.result), `estate after ${what}`).toEqual(seen(fresh.integ.analysis.WorkspaceAnalysis.result));
        expect(navigation(services), `links after ${what}`).toEqual(navigation(fresh));
    }
}

describe('a request answered during a build', () => {
    it('does not leave a half-linked analysis behind once the build completes', async () => {
        const { files, builder, analysis, write } = await openWorkspace({ 'hub.integ': HUB, 'spokes.integ': SPOKES, 'other.integ': OTHER });
        // A hover or code lens asking while the edited file is parsed but nothing is linked yet.
        const asked = builder.onBuildPhase(DocumentState.IndexedContent, () => void analysis.result);
        await builder.update([write('hub.integ', HUB.replace('system Hub ', 'system Hub2 '))], []);
        asked.dispose();
        expect(seen(analysis.result)).toEqual(seen((await loadTexts(files)).analysis));
    });
});

describe('builds cancelled by the next edit leave nothing stale', () => {
    it('a declaration made while a file still waits for the re-link a cancelled build left is seen by that re-link', async () => {
        const { files, services, builder, write } = await openWorkspace({ 'hub.integ': HUB, 'spokes.integ': SPOKES + VIA, 'other.integ': OTHER });
        const source = new Cancellation.CancellationTokenSource();
        const cancelled = builder.update([write('hub.integ', `system Extra { kind erp  users 2 }\n${HUB}`)], [], source.token);
        source.cancel();
        await expect(cancelled).rejects.toSatisfy(isOperationCancelled);

        await builder.update([write('other.integ', `${OTHER}platform MuleSoft { kind ipaas }\n`)], []);
        expect(navigation(services)).toEqual(navigation(await freshLoad(files)));
    });

    it('60 seeded bursts of edits to two files, each build cancelled at a different point, each end like a fresh load', async () => {
        const variants: Array<[string, string]> = [
            ['hub.integ', HUB.replace('system Hub ', 'system Hub2 ')],
            // Declared while spokes.integ may still wait for the re-link a cancelled build left: it must capture `via MuleSoft`.
            ['other.integ', `${OTHER}system Hub { kind erp  users 1 }\nplatform MuleSoft { kind ipaas }\n`],
            ['hub.integ', `system Extra { kind erp  users 2 }\n${HUB}`],
            ['other.integ', OTHER],
            ['hub.integ', HUB.replace('field email }', 'field email  field phone }')]
        ];
        for (let seed = 0; seed < 60; seed++) {
            const { files, services, builder, analysis, write } = await openWorkspace({ 'hub.integ': HUB, 'spokes.integ': SPOKES + VIA, 'other.integ': OTHER });
            for (let round = 0; round < 3; round++) {
                for (const [index, [name, text]] of variants.entries()) {
                    const source = new Cancellation.CancellationTokenSource();
                    const build = builder.update([write(name, text)], [], source.token).catch(error => {
                        if (!isOperationCancelled(error)) throw error;
                    });
                    // Microtask turns and timer ticks: each build stops in a different phase or between two files.
                    for (let turn = (seed * 7 + index * 13 + round * 29) % 150; turn > 0; turn--) await Promise.resolve();
                    if (seed % 3 === 1) await new Promise(resolve => setTimeout(resolve, (seed + index) % 4));
                    source.cancel();
                    await build;
                }
            }
            await builder.update([], []);
            const fresh = await freshLoad(files);
            expect(seen(analysis.result), `seed ${seed}`).toEqual(seen(fresh.integ.analysis.WorkspaceAnalysis.result));
            expect(navigation(services), `seed ${seed}`).toEqual(navigation(fresh));
        }
    });
});

describe('a build cancelled at a given point leaves nothing stale', () => {
    type Edit = [name: string, text: string];

    /**
     * Opens `initial`, makes the `cancelled` edit and cancels its build as soon as every file reached
     * `phase` (before the build's own listeners hear of it), then makes the `after` edits.
     */
    async function cancelWhenAllReach(phase: DocumentState, initial: Record<string, string>, cancelled: Edit, after: Edit[]) {
        const workspace = await openWorkspace(initial);
        const documents = workspace.services.shared.workspace.LangiumDocuments;
        const source = new Cancellation.CancellationTokenSource();
        const cancelling = workspace.builder.onDocumentPhase(phase, () => {
            if (documents.all.every(document => document.state >= phase)) source.cancel();
        });
        await workspace.builder.update([workspace.write(...cancelled)], [], source.token).catch(error => {
            if (!isOperationCancelled(error)) throw error;
        });
        cancelling.dispose();
        expect(source.token.isCancellationRequested).toBe(true);
        for (const edit of after) await workspace.builder.update([workspace.write(...edit)], []);
        await workspace.builder.update([], []);
        const fresh = await freshLoad(workspace.files);
        expect(seen(workspace.analysis.result)).toEqual(seen(fresh.integ.analysis.WorkspaceAnalysis.result));
        expect(navigation(workspace.services)).toEqual(navigation(fresh));
    }

    const HUB_ONLY = 'system Hub { kind crm  users 5 }\n';
    const USER = 'system Sheet { kind spreadsheet  users 2 }\nflow HubToSheet : Hub -> Sheet { style manual  effort 2 hours per week }\n';

    it('a file linked by it, whose references were not indexed yet, follows the next change of a file it refers to', async () => {
        await cancelWhenAllReach(DocumentState.Linked, { 'hub.integ': HUB_ONLY, 'user.integ': USER },
            ['hub.integ', `system Extra { kind erp  users 2 }\n${HUB_ONLY}`], [['hub.integ', HUB_ONLY.replace('Hub', 'Hub2')]]);
    });

    it('a file linked by it takes a declaration the next change makes elsewhere', async () => {
        const via = 'system A { kind crm }\nsystem B { kind erp }\nflow AToB : A -> B { style api  via MuleSoft  tls 1.2  auth oauth2 }\n';
        await cancelWhenAllReach(DocumentState.Linked, { 'via.integ': via, 'other.integ': OTHER },
            ['via.integ', `${via}system C { kind crm }\n`], [['other.integ', `${OTHER}platform MuleSoft { kind ipaas }\n`]]);
    });

    it('cancelled once every file is validated, it still refreshes the analysis', async () => {
        await cancelWhenAllReach(DocumentState.Validated, { 'hub.integ': HUB, 'spokes.integ': SPOKES, 'other.integ': OTHER },
            ['hub.integ', HUB.replace('field email }', 'field email  field phone }')], []);
    });
});


describe('re-linking only what an edit can affect gives what a full re-link gives', () => {
    it('a user platform replaces the library one a flow in another file already used', async () => {
        await replay({ 'hub.integ': HUB, 'spokes.integ': SPOKES + VIA, 'other.integ': OTHER }, [
            { 'platforms.integ': `platform MuleSoft { kind ipaas  connectors 400 }\n` },
            { 'platforms.integ': undefined }
        ]);
    });

    it('a field added to an entity reaches the flows of other files that carry the whole entity', async () => {
        await replay({ 'hub.integ': HUB, 'spokes.integ': SPOKES, 'other.integ': OTHER }, [
            { 'hub.integ': HUB.replace('field email }', 'field email  field phone }') }
        ]);
    });

    it('lines inserted above a declaration move the targets that other files point at', async () => {
        const loop = 'flow Loop : Sheet -> Sheet { carries Customer.email  style file  schedule daily }\n';
        await replay({ 'hub.integ': HUB, 'spokes.integ': SPOKES + loop, 'other.integ': OTHER }, [
            { 'hub.integ': `system Extra { kind erp  users 2 }\n\n${HUB}` },
            { 'hub.integ': HUB }
        ]);
    });

    it('a file deleted, a duplicate name declared and removed, a broken name fixed', async () => {
        const broken = SPOKES.replace('Sheet -> Hub', 'Sheet -> Erp');
        await replay({ 'hub.integ': HUB, 'spokes.integ': broken, 'other.integ': OTHER }, [
            { 'other.integ': undefined },
            { 'other.integ': OTHER },
            { 'dup.integ': `system Hub { kind erp  users 1 }\n` },
            { 'dup.integ': undefined },
            { 'hub.integ': HUB.replace('system Hub ', 'system Hub2 ') },
            { 'hub.integ': HUB, 'other.integ': `${OTHER}system Spare { kind crm  users 1 }\n` }
        ]);
    });
});
