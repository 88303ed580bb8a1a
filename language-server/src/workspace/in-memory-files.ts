import type { FileSystemNode, FileSystemProvider, URI } from 'langium';

/** Files held in memory, read the way Langium reads a changed document: editor buffers, or a scratch workspace. */
export class InMemoryFiles implements FileSystemProvider {
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
