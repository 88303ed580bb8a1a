import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { describe, expect, it } from 'vitest';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import type { AnalysisResult } from '../../../language-server/src/workspace/workspace-analysis.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { loadTexts, uri } from '../helpers/workspace.js';

/** The texts Langium re-reads when a document changes, as an editor's buffers would be. */
class Buffers implements FileSystemProvider {
    readonly texts = new Map<string, string>();
    async readFile(location: URI): Promise<string> { return this.readFileSync(location); }
    readFileSync(location: URI): string {
        const text = this.texts.get(location.toString());
        if (text === undefined) throw new Error(`no buffer for ${location.toString()}`);
        return text;
    }
    async readBinary(location: URI): Promise<Uint8Array> { return new TextEncoder().encode(this.readFileSync(location)); }
    readBinarySync(location: URI): Uint8Array { return new TextEncoder().encode(this.readFileSync(location)); }
    async stat(location: URI): Promise<FileSystemNode> { return this.statSync(location); }
    statSync(location: URI): FileSystemNode { return { isFile: true, isDirectory: false, uri: location }; }
    async exists(location: URI): Promise<boolean> { return this.texts.has(location.toString()); }
    existsSync(location: URI): boolean { return this.texts.has(location.toString()); }
    async readDirectory(): Promise<FileSystemNode[]> { return []; }
    readDirectorySync(): FileSystemNode[] { return []; }
}

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
    const { policy: _policy, waivers, ...maps } = result.estate;
    return {
        elements: Object.entries(maps).map(([kind, map]) => [kind, [...map.values()].map(element => JSON.stringify(element))]),
        waivers: JSON.stringify(waivers),
        findings: result.findings.map(f => `${f.uri} ${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.message}`)
    };
}

describe('the language server re-analyses an edited workspace like a fresh one', () => {
    it('after renaming a system that another file refers to, and renaming it back', async () => {
        const buffers = new Buffers();
        const files = { 'hub.integ': HUB, 'spokes.integ': SPOKES, 'other.integ': OTHER };
        for (const [name, text] of Object.entries(files)) buffers.texts.set(uri(name), text);
        const services = createIntegCoreServices({ fileSystemProvider: () => buffers });
        await loadWorkspace(services, Object.entries(files).map(([name, text]) => ({ uri: uri(name), text })));
        const analysis = services.integ.analysis.WorkspaceAnalysis;
        const before = seen(analysis.result);
        expect(before.findings.length).toBeGreaterThan(0);

        // Only hub.integ changes; spokes.integ is re-linked, not re-parsed, and its flows lose their ends.
        const renamed = HUB.replace('system Hub ', 'system Hub2 ').replace('master Hub ', 'master Hub2 ');
        buffers.texts.set(uri('hub.integ'), renamed);
        await services.shared.workspace.DocumentBuilder.update([URI.parse(uri('hub.integ'))], []);
        const afterRename = seen(analysis.result);
        expect(afterRename).toEqual(seen((await loadTexts({ ...files, 'hub.integ': renamed })).analysis));
        expect(afterRename.elements).not.toEqual(before.elements);

        buffers.texts.set(uri('hub.integ'), HUB);
        await services.shared.workspace.DocumentBuilder.update([URI.parse(uri('hub.integ'))], []);
        expect(seen(analysis.result)).toEqual(before);
    });
});
