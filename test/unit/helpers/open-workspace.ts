import { URI } from 'langium';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { InMemoryFiles } from '../../../language-server/src/workspace/in-memory-files.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { uri } from './workspace.js';

export type Services = ReturnType<typeof createIntegCoreServices>;

function sources(files: Record<string, string>): Array<{ uri: string; text: string }> {
    return Object.entries(files).map(([name, text]) => ({ uri: uri(name), text }));
}

/** One language server's workspace over editor buffers; `write` changes a buffer (undefined deletes the file) and names its URI. */
export async function openWorkspace(initial: Record<string, string>) {
    const buffers = new InMemoryFiles();
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

