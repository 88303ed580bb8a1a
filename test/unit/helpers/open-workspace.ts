import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { uri } from './workspace.js';

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

export type Services = ReturnType<typeof createIntegCoreServices>;

function sources(files: Record<string, string>): Array<{ uri: string; text: string }> {
    return Object.entries(files).map(([name, text]) => ({ uri: uri(name), text }));
}

/** One language server's workspace over editor buffers; `write` changes a buffer (undefined deletes the file) and names its URI. */
export async function openWorkspace(initial: Record<string, string>) {
    const buffers = new Buffers();
    const files: Record<string, string> = {};
    const write = (name: string, text: string | undefined): URI => {
        if (text === undefined) {
            delete files[name];
            buffers.texts.delete(uri(name));
        } else {
            files[name] = text;
            buffers.texts.set(uri(name), text);
        }
        return URI.parse(uri(name));
    };
    for (const [name, text] of Object.entries(initial)) write(name, text);
    const services = createIntegCoreServices({ fileSystemProvider: () => buffers });
    await loadWorkspace(services, sources(files));
    return { files, services, builder: services.shared.workspace.DocumentBuilder, analysis: services.integ.analysis.WorkspaceAnalysis, write };
}

/** The same files loaded by a new language server. */
export async function freshLoad(files: Record<string, string>): Promise<Services> {
    const services = createIntegCoreServices();
    await loadWorkspace(services, sources(files));
    return services;
}

