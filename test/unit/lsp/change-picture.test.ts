import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { answerChangePicture, BaseCache } from '../../../language-server/src/lsp/change-picture-request.js';
import type { ChangePictureParams } from '../../../language-server/src/lsp/protocol.js';
import { runCliIn } from '../helpers/cli-run.js';
import { tempFolder, writeFiles } from '../diff/diff-fixture.js';
import { lspWorkspace } from './lsp-workspace.js';

const BASE = `department Ops "Ops" { champions "Ana", "Ben" }
system Crm "CRM" { kind crm  department Ops  owner "Ana"  hosting saas }
system Erp "ERP" { kind erp  department Ops  owner "Ben"  hosting saas }
system Fax "Fax server" { kind legacy  department Ops  owner "Ben" }
flow Feed "Order feed" : Crm -> Erp { style api  auth oauth2  tls 1.2  owner "Ana" }
`;
const HEAD = BASE.replace('tls 1.2', 'tls 1.1').replace(/system Fax .*\n/, '')
    + 'system Bi "Reporting" { kind custom  department Ops  owner "Ana" }\n';

function classesOf(svg: string, id: string): string[] {
    const match = new RegExp(`<g class='([^']*)' data-id='${id}'`).exec(svg);
    expect(match, id).not.toBeNull();
    return match![1].split(' ');
}

async function answer(head: string, params: Partial<ChangePictureParams> = {}) {
    const { integ } = await lspWorkspace({ 'estate.integ': head });
    const request: ChangePictureParams = { base: { label: 'HEAD', sources: [{ path: 'estate.integ', text: BASE }] }, root: 'file:///ws', hoverTitles: false, chrome: false, ...params };
    const base = await new BaseCache().get(request.base, request.root);
    const layouter = new DiagramLayouter();
    try {
        return await answerChangePicture(request, base, integ.analysis.WorkspaceAnalysis, layouter, false);
    } finally {
        layouter.dispose();
    }
}

describe('integ/changePicture: the change from a revision to the workspace, for the diagram preview', () => {
    it('marks each system and flow with what the change does to it, under the comparing root class', async () => {
        const { diagram, empty } = await answer(HEAD);
        expect(empty).toBe(false);
        expect(diagram.svg).toMatch(/^<svg[^>]*class='[^']*\bcomparing\b/);
        expect(classesOf(diagram.svg, 'system:Bi')).toContain('diff-added');
        expect(classesOf(diagram.svg, 'system:Fax')).toContain('diff-removed');
        expect(classesOf(diagram.svg, 'flow:Feed')).toContain('diff-changed');
        expect(classesOf(diagram.svg, 'system:Crm')).toContain('diff-unchanged');
        expect(diagram.title).toBe('Estate diff HEAD → working tree');
        expect(diagram.locations.files).toEqual(['file:///ws/estate.integ']);
        expect(diagram.legend).toContain('The change:');
    }, 30_000);

    it('its summary is `integ diff <base> --format md`, and no picture is laid out when only the summary is asked for', async () => {
        const cwd = await tempFolder('change-picture');
        await writeFiles(cwd, { 'before/estate.integ': BASE, 'after/estate.integ': HEAD });
        const cli = await runCliIn(cwd, 'diff', 'before', 'after', '--format', 'md');
        await rm(cwd, { recursive: true, force: true });
        const { markdown, diagram } = await answer(HEAD, { picture: false });
        expect(diagram.svg).toBe('');
        // The CLI names its sides by the folders given; the editor by the revision and the working tree.
        expect(markdown.replaceAll('HEAD', 'before').replaceAll('working tree', 'after')).toBe(cli.stdout);
        expect(markdown).toContain('Bi');
    }, 30_000);

    it('an unchanged workspace is an empty change, every element unchanged', async () => {
        const { diagram, empty } = await answer(BASE);
        expect(empty).toBe(true);
        expect(classesOf(diagram.svg, 'system:Fax')).toContain('diff-unchanged');
    }, 30_000);

    it('keeps the base built while the texts are the same', async () => {
        const cache = new BaseCache();
        const base = { label: 'HEAD', sources: [{ path: 'estate.integ', text: BASE }] };
        const first = cache.get(base, 'file:///ws');
        expect(cache.get({ ...base, sources: [...base.sources] }, 'file:///ws')).toBe(first);
        expect(cache.get({ ...base, sources: [{ path: 'estate.integ', text: HEAD }] }, 'file:///ws')).not.toBe(first);
    });
});
