import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

interface Issue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number } };
}

let root: string;

function folderWith(name: string, files: Record<string, string>): string {
    const folder = join(root, name);
    for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, file)), { recursive: true });
        writeFileSync(join(folder, file), text);
    }
    return folder;
}

async function codeQuality(cwd: string): Promise<{ code: number; issues: Issue[] }> {
    let stdout = '';
    const code = await runCli(['check', '--format', 'codequality'], { cwd, stdout: { write: (text: string) => { stdout += text; } }, stderr: { write: () => true } });
    return { code, issues: JSON.parse(stdout) as Issue[] };
}

/** A shared account (an error), manual re-entry (a warning), a waived finding, in a subfolder. */
const ESTATE = `department Ops
system Crm { kind crm  department Ops }
system Erp { kind erp  department Ops }
flow Push : Crm -> Erp { style api  auth shared-account  tls 1.2  monitored  owner "Ops" }
flow Rekey : Erp -> Crm { style manual }
accept "gap/no-integration" on Rekey "Ends with the ERP upgrade"
`;

beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'integ-codequality-'));
});

afterAll(() => {
    rmSync(root, { recursive: true, force: true });
});

describe('integ check --format codequality (GitLab Code Quality report)', () => {
    it('writes one issue per open finding with the fields GitLab reads', async () => {
        const { code, issues } = await codeQuality(folderWith('fields', { 'models/estate.integ': ESTATE }));
        expect(code).toBe(1);
        for (const issue of issues) {
            expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
            expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
            expect(['info', 'minor', 'major']).toContain(issue.severity);
        }
        const shared = issues.find(issue => issue.check_name === 'security/shared-credentials');
        expect(shared).toMatchObject({ severity: 'major', location: { path: 'models/estate.integ', lines: { begin: 4 } } });
        expect(shared!.description).not.toMatch(/\(security\/shared-credentials\)$/);
        expect(issues.some(issue => issue.severity === 'minor')).toBe(true);
        expect(new Set(issues.map(issue => issue.fingerprint)).size).toBe(issues.length);
    });

    it('leaves waived findings out: GitLab has no suppressions and would show them open', async () => {
        const folder = folderWith('waived', { 'estate.integ': ESTATE });
        let json = '';
        await runCli(['check', '--format', 'json'], { cwd: folder, stdout: { write: (text: string) => { json += text; } }, stderr: { write: () => true } });
        expect(JSON.parse(json)).toContainEqual(expect.objectContaining({ ruleId: 'gap/no-integration', accepted: true }));
        const { issues } = await codeQuality(folder);
        expect(issues.some(issue => issue.check_name === 'gap/no-integration' && issue.description.includes('Rekey'))).toBe(false);
    });

    it('keeps a finding\'s fingerprint when its declaration moves down the file', async () => {
        const before = await codeQuality(folderWith('before', { 'estate.integ': ESTATE }));
        const after = await codeQuality(folderWith('after', { 'estate.integ': `// a comment\n\n${ESTATE}` }));
        expect(after.issues.map(issue => issue.location.lines.begin)).toEqual(before.issues.map(issue => issue.location.lines.begin + 2));
        expect(after.issues.map(issue => issue.fingerprint)).toEqual(before.issues.map(issue => issue.fingerprint));
    });
});
