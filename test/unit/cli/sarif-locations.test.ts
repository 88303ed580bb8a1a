import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

interface SarifResult {
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
}

async function sarif(cwd: string, ...paths: string[]): Promise<SarifResult[]> {
    let stdout = '';
    await runCli(['check', ...paths, '--format', 'sarif'], { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
    return JSON.parse(stdout).runs[0].results as SarifResult[];
}

/** The file a result points at, as a code-scanning upload resolves it: relative URIs against the checked-out root. */
function pointsAt(result: SarifResult, root: string): string {
    const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
    return fileURLToPath(uriBaseId === '%SRCROOT%' ? new URL(uri, pathToFileURL(`${root}/`)) : new URL(uri));
}

/** File names whose characters mean something in a URI. */
const NAMES = ['a#b.integ', 'with space.integ', 'q?x.integ', '100%.integ', 'x:y.integ', 'é.integ', 'sub dir/c#d.integ', 'semi;colon@at.integ'];

function folderWithModels(): string {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'integ-sarif-')));
    NAMES.forEach((name, i) => {
        mkdirSync(join(folder, name, '..'), { recursive: true });
        writeFileSync(join(folder, name), `system S${i} { kind crm }\nflow F${i} : S${i} -> Nowhere${i} { }\n`);
    });
    return folder;
}

describe('SARIF locations point at the files (item 10)', () => {
    test('artifactLocation.uri is percent-encoded: `#`, `?`, `%`, spaces and `:` in a path lead to that file', async () => {
        const folder = folderWithModels();
        const results = await sarif(folder);
        for (const name of NAMES) {
            const about = results.filter(r => r.message.text === `Unknown system 'Nowhere${NAMES.indexOf(name)}'.`);
            expect(about, name).toHaveLength(1);
            expect(pointsAt(about[0], folder), name).toBe(join(folder, name));
        }
    });

    test('a file outside the working folder is an absolute file: URI', async () => {
        const folder = folderWithModels();
        const elsewhere = mkdtempSync(join(tmpdir(), 'integ-cwd-'));
        const results = await sarif(elsewhere, folder);
        expect(results.length).toBeGreaterThanOrEqual(NAMES.length);
        for (const result of results) {
            expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBeUndefined();
            expect(NAMES.map(name => join(folder, name))).toContain(pointsAt(result, '/nowhere'));
        }
    });

    test('model text in a message cannot become a SARIF link: square brackets are escaped', async () => {
        const folder = realpathSync(mkdtempSync(join(tmpdir(), 'integ-sarif-')));
        writeFileSync(join(folder, 'estate.integ'), 'system A { kind crm }\nsystem B { kind erp }\nflow F : A -> B { style manual }\naccept "gap/no-integration" on F "[details](https://evil.example/login)" { until 2099-01-01 }\n');
        const accepted = (await sarif(folder)).filter(r => r.message.text.includes('details'));
        expect(accepted.map(r => r.message.text)).toEqual([expect.stringContaining('accepted: \\[details\\](https://evil.example/login) — ')]);
    });
});
