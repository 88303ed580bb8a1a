import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { loadFiles } from '../../../language-server/src/cli/load-files.js';
import type { Estate } from '../../../language-server/src/model/estate.js';

export const FIXTURES = resolve(__dirname, '../../fixtures/exchange');
export const SAMPLES = resolve(__dirname, '../../../samples');
/**
 * The ArchiMate schemas of the workplace's shared reference data, never copied into the project: next
 * to the checkout (`../shared`), or where INTEG_SHARED_DIR says, or the workplace's own copy when the
 * checkout is a clone elsewhere.
 */
export const SCHEMAS = [process.env.INTEG_SHARED_DIR, resolve(__dirname, '../../../../shared'), '/work/shared']
    .filter((folder): folder is string => folder !== undefined)
    .map(folder => join(folder, 'schemas/archimate-3.1'))
    .find(folder => existsSync(join(folder, 'archimate3_Diagram.xsd'))) ?? resolve(__dirname, '../../../../shared/schemas/archimate-3.1');

export interface CliResult { code: number; stdout: string; stderr: string }

export async function integ(cwd: string, ...args: string[]): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { cwd, stdout: { write: text => { stdout += text; } }, stderr: { write: text => { stderr += text; } } });
    return { code, stdout, stderr };
}

export function scratch(name: string): string {
    return mkdtempSync(join(tmpdir(), `integ-${name}-`));
}

/** Systems, flows and entities of a folder's estate with what differs by file left out (locations): what a round trip must keep. */
export async function estateOf(folder: string): Promise<{ estate: Estate; comparable: unknown; languageErrors: string[] }> {
    const loaded = await loadFiles([folder], folder);
    const own = <T extends { source: { builtin: boolean } }>(items: Iterable<T>) => [...items].filter(item => !item.source.builtin);
    const strip = <T extends { source: unknown }>(item: T) => {
        const { source: _source, ...rest } = item;
        return rest;
    };
    const { estate } = loaded.analysis;
    const comparable = {
        systems: own(estate.systems.values()).map(strip).sort(byName),
        flows: own(estate.flows.values()).map(strip).sort(byName),
        entities: own(estate.entities.values()).map(entity => ({ ...strip(entity), fields: entity.fields.map(strip) })).sort(byName)
    };
    const languageErrors = [...loaded.diagnostics.entries()].flatMap(([uri, list]) => list
        .filter(d => d.severity === 1 && (typeof d.code !== 'string' || !d.code.includes('/')))
        .map(d => `${uri}:${d.range.start.line + 1} ${d.message}`));
    return { estate, comparable, languageErrors };
}

function byName(a: { name: string }, b: { name: string }): number {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function filesOf(folder: string): Record<string, string> {
    return Object.fromEntries(readdirSync(folder).sort().map(name => [name, readFileSync(join(folder, name), 'utf8')]));
}
