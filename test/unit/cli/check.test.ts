import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { CATALOGUE } from '../../../language-server/src/rules/catalogue.js';

let root: string;

/** Writes the files under a fresh folder of `root` and returns its path. */
function folderWith(name: string, files: Record<string, string>): string {
    const folder = join(root, name);
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
    return folder;
}

async function check(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', ...args], {
        cwd,
        stdout: { write: (text: string) => { stdout += text; } },
        stderr: { write: (text: string) => { stderr += text; } }
    });
    return { code, stdout, stderr };
}

// Only an info finding (no live flow): clean.
const CLEAN = 'system Crm "CRM" { kind crm  department Sales  owner "Ana" }\ndepartment Sales\n';
// Manual re-entry both ways: several warnings, no error.
const WARNINGS = `department Ops
system Crm { kind crm  department Ops }
system Erp { kind erp  department Ops }
flow Reentry : Crm -> Erp { style manual }
flow Rekey : Erp -> Crm { style email }
`;
// A shared account is an error finding.
const ERROR = `system Crm { kind crm }
system Erp { kind erp }
flow Push : Crm -> Erp { style api  auth shared-account  tls 1.2  monitored  owner "Ops" }
`;

beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'integ-check-'));
});

afterAll(() => {
    rmSync(root, { recursive: true, force: true });
});

describe('integ check exit codes', () => {
    it('exits 0 for a model without error findings', async () => {
        const folder = folderWith('clean', { 'estate.integ': CLEAN });
        const result = await check(folder);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^estate\.integ:1:8 info .*\[inventory\/disconnected-system\]$/m);
        expect(result.stdout).toMatch(/^0 errors, 0 warnings, 1 infos$/m);
    });

    it('exits 1 on an error finding', async () => {
        const folder = folderWith('error', { 'estate.integ': ERROR });
        const result = await check(folder, join(folder, 'estate.integ'));
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^estate\.integ:3:\d+ error Push uses a shared account.*\[security\/shared-credentials\]$/m);
    });

    it('exits 1 on a syntax error, with file:line:col', async () => {
        const folder = folderWith('syntax', { 'broken.integ': 'system Crm {\n  kind crm\n  flow\n' });
        const result = await check(folder);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^broken\.integ:\d+:\d+ error .*\[syntax\]$/m);
    });

    it('exits 2 for an unknown option, an unreadable path and a folder without .integ files', async () => {
        const empty = folderWith('empty', { 'notes.txt': 'no model here' });
        const unknown = await check(empty, '--strict');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('unknown option --strict');
        const missing = await check(empty, 'missing.integ');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('missing.integ');
        const none = await check(empty);
        expect(none.code).toBe(2);
        expect(none.stderr).toContain('no .integ files found');
        const badMax = await check(empty, '--max-warnings', 'many');
        expect(badMax.code).toBe(2);
    });
});

describe('integ check --max-warnings', () => {
    it('fails only when the warnings exceed the maximum', async () => {
        const folder = folderWith('warnings', { 'estate.integ': WARNINGS });
        const plain = await check(folder);
        expect(plain.code).toBe(0);
        const warnings = Number(/(\d+) warnings/.exec(plain.stdout)?.[1]);
        expect(warnings).toBeGreaterThan(1);
        expect((await check(folder, '--max-warnings', String(warnings))).code).toBe(0);
        expect((await check(folder, `--max-warnings=${warnings - 1}`)).code).toBe(1);
        expect((await check(folder, '--max-warnings', '0')).code).toBe(1);
    });

    it('does not count accepted findings', async () => {
        const folder = folderWith('accepted-warnings', {
            'estate.integ': `${WARNINGS}accept "gap/no-integration" on Reentry "Migrating in Q2" { until 2099-12-31 }\n`
        });
        const before = Number(/(\d+) warnings/.exec((await check(folderWith('warnings-again', { 'estate.integ': WARNINGS }))).stdout)?.[1]);
        const after = await check(folder);
        expect(Number(/(\d+) warnings/.exec(after.stdout)?.[1])).toBe(before - 1);
        expect(after.stdout).toMatch(/, 1 accepted$/m);
    });
});

describe('integ check output', () => {
    it('lists findings sorted by file, then line', async () => {
        const folder = folderWith('sorted', { 'b.integ': ERROR, 'a.integ': WARNINGS });
        const result = await check(folder);
        const locations = result.stdout.trim().split('\n').slice(0, -1).map(line => {
            const match = /^(\S+?):(\d+):(\d+) /.exec(line);
            return { file: match?.[1] ?? '', line: Number(match?.[2]), column: Number(match?.[3]) };
        });
        expect(locations.length).toBeGreaterThan(3);
        expect(new Set(locations.map(l => l.file))).toEqual(new Set(['a.integ', 'b.integ']));
        const sorted = [...locations].sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line || x.column - y.column);
        expect(locations).toEqual(sorted);
    });

    it('--format json includes accepted findings, flagged as such', async () => {
        const folder = folderWith('json', {
            'estate.integ': `${ERROR}accept "security/shared-credentials" on Push "Vendor limitation" { ticket "OPS-1"  until 2099-12-31 }\n`
        });
        const result = await check(folder, '--format', 'json');
        expect(result.code).toBe(0);
        const records = JSON.parse(result.stdout) as Array<{ ruleId: string; accepted: boolean; severity: string; file: string; line: number }>;
        const shared = records.filter(r => r.ruleId === 'security/shared-credentials');
        expect(shared).toEqual([expect.objectContaining({ accepted: true, file: 'estate.integ', line: 3, acceptedReason: 'Vendor limitation' })]);
        expect(records.filter(r => r.ruleId !== 'security/shared-credentials').every(r => r.accepted === false)).toBe(true);
    });

    it('--format sarif carries the rule metadata with help text and helpUri', async () => {
        const folder = folderWith('sarif', { 'estate.integ': ERROR });
        const result = await check(folder, '--format', 'sarif');
        const log = JSON.parse(result.stdout);
        const rules = log.runs[0].tool.driver.rules as Array<{ id: string; help: { text: string }; helpUri: string }>;
        for (const entry of CATALOGUE) {
            const rule = rules.find(r => r.id === entry.id);
            expect(rule, entry.id).toBeDefined();
            expect(rule?.help.text).toBe(entry.rationale);
            expect(rule?.helpUri).toMatch(new RegExp(`docs/rules\\.md#${entry.anchor}$`));
        }
        const result0 = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'security/shared-credentials');
        expect(result0.level).toBe('error');
        expect(rules[result0.ruleIndex].id).toBe('security/shared-credentials');
        expect(result0.locations[0].physicalLocation.artifactLocation.uri).toBe('estate.integ');
        expect(result0.locations[0].physicalLocation.region.startLine).toBe(3);
    });
});

describe('integ check as a process', () => {
    it('sets the exit code and prints to stdout', async () => {
        const bundle = join(root, 'cli.cjs');
        await esbuild.build({
            entryPoints: ['language-server/src/cli/main.ts'], outfile: bundle, bundle: true, platform: 'node', target: 'node20',
            format: 'cjs', logLevel: 'error', define: { 'import.meta.url': 'importMetaUrl' },
            banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).toString();" }
        });
        const folder = folderWith('process', { 'estate.integ': ERROR });
        const run = spawnSync(process.execPath, [bundle, 'check', '--max-warnings', '0'], { cwd: folder, encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('[security/shared-credentials]');
        const clean = spawnSync(process.execPath, [bundle, 'check'], { cwd: folderWith('process-clean', { 'estate.integ': CLEAN }), encoding: 'utf8' });
        expect(clean.status).toBe(0);
    });
});
