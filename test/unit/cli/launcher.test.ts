import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

const root = join(__dirname, '..', '..', '..');
const launcher = createRequire(__filename)(join(root, 'bin', 'load-cli.cjs')) as {
    CODE_CACHE: string;
    compileCli(useCodeCache?: boolean): { cachedDataRejected?: boolean };
};

describe('the integ launcher (bin/integ.cjs, dist/ as `npm ci` builds it)', () => {
    it('prints what the CLI prints and exits with its code', async () => {
        let expected = '';
        const code = await runCli(['check', 'samples/reference', '--format', 'json'], {
            cwd: root, stdout: { write: (text: string) => { expected += text; } }, stderr: { write: () => undefined }
        });
        const run = spawnSync(process.execPath, [join(root, 'bin', 'integ.cjs'), 'check', 'samples/reference', '--format', 'json'], { cwd: root, encoding: 'utf8' });
        expect(code).toBe(1);
        expect(run.status).toBe(code);
        expect(run.stdout).toBe(expected);
        expect(run.stderr).toBe('');
    });

    it('compiles the CLI from the code cache the build made, which V8 accepts', () => {
        expect(existsSync(launcher.CODE_CACHE)).toBe(true);
        expect(launcher.compileCli().cachedDataRejected).toBe(false);
    });
});
