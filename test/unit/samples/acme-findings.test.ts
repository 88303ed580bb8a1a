import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { CATALOGUE } from '../../../language-server/src/rules/catalogue.js';

interface Expected { file: string; line: number; column: number; severity: string; ruleId: string; message: string; accepted: boolean }

/** The reviewed findings of the demo estate: `integ check samples/acme` must produce exactly these. */
const expected: Expected[] = JSON.parse(readFileSync('samples/acme/expected-findings.json', 'utf8'));

async function checkAcme(): Promise<{ code: number; findings: Expected[] }> {
    let stdout = '';
    const code = await runCli(['check', '.', '--format', 'json'], { stdout: { write: text => (stdout += text) }, stderr: { write: () => true }, cwd: 'samples/acme' });
    const findings = (JSON.parse(stdout) as Expected[]).map(({ file, line, column, severity, ruleId, message, accepted }) => ({ file, line, column, severity, ruleId, message, accepted }));
    return { code, findings };
}

test('integ check samples/acme reports exactly the expected findings, no missing, no extra', async () => {
    const { code, findings } = await checkAcme();
    const key = (f: Expected) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}${f.accepted ? ' accepted' : ''} ${f.message}`;
    const actual = new Set(findings.map(key));
    const wanted = new Set(expected.map(key));
    expect([...wanted].filter(k => !actual.has(k)), 'missing').toEqual([]);
    expect([...actual].filter(k => !wanted.has(k)), 'extra').toEqual([]);
    expect(code).toBe(1);
});

test('the demo estate exercises every rule of the catalogue and has no language errors', () => {
    const fired = new Set(expected.map(f => f.ruleId));
    expect(CATALOGUE.map(rule => rule.id).filter(id => !fired.has(id))).toEqual([]);
    expect(expected.filter(f => !f.ruleId.includes('/'))).toEqual([]);
});
