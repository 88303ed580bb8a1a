import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError, describe } from './collect-files.js';

/**
 * Writes one output file, only at the path the user gave, and never over a model file: a slip such
 * as `-o acme.integ` must not destroy the estate.
 */
export async function writeOutput(target: string, content: string | Uint8Array): Promise<void> {
    if (target.toLowerCase().endsWith('.integ')) {
        throw new UsageError(`${target}: refusing to write output over a .integ model file`);
    }
    const stat = await fs.stat(target).catch(() => undefined);
    if (stat?.isDirectory()) {
        throw new UsageError(`${target}: is a folder; give a file name`);
    }
    try {
        await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
        await fs.writeFile(target, content);
    } catch (error) {
        throw new UsageError(`${target}: ${describe(error)}`);
    }
}
