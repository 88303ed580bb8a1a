import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces `file` (a real path: no symbolic link in it) with `content` in one step: the content
 * goes to a new temporary file beside it, created exclusively (so the name cannot already be a
 * link), flushed, then renamed over `file`. A failed or interrupted run leaves the old file, never
 * half a new one; a hard link to `file` keeps its old content, since `file` becomes a new file.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
    const previous = await fs.stat(file).catch(error => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
    });
    const temporary = path.join(path.dirname(file), `.${path.basename(file).slice(0, 100)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(temporary, 'wx');
    try {
        try {
            await handle.writeFile(content);
            if (previous) await handle.chmod(previous.mode & 0o7777);
            await handle.sync();
        } finally {
            await handle.close();
        }
        await fs.rename(temporary, file);
    } catch (error) {
        const left = await fs.rm(temporary, { force: true }).then(() => false, () => true);
        if (!left) throw error;
        throw new Error(`${error instanceof Error ? error.message : String(error)} (and the temporary file ${temporary} could not be removed)`);
    }
}
