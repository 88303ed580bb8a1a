import { describe, expect, test } from 'vitest';
import { loadTexts } from '../helpers/workspace.js';

const MODEL = `
system Crm { kind crm  users 10 }
system Erp { kind erp }
flow Sync : Crm -> Erp { style api  auth oauth2  tls 1.2  monitored  owner "Eva" }
`;

async function policyFindings(files: Record<string, string>, ruleId: string) {
    const ws = await loadTexts(files);
    for (const document of ws.documents) expect(document.diagnostics?.filter(d => d.severity === 1) ?? []).toEqual([]);
    return { all: ws.analysis.findings, found: ws.analysis.findings.filter(f => f.ruleId === ruleId) };
}

describe('policy/conflict', () => {
    const files = {
        'a.integ': 'policy {\n  rule "security/sso" info\n}\n' + MODEL,
        'b.integ': 'policy {\n  wip-limit 2\n  rule "security/sso" off\n}\n'
    };

    test('fires on both settings, each naming the other and the one that applies', async () => {
        const { found } = await policyFindings(files, 'policy/conflict');
        expect(found.map(f => [f.uri.replace('file:///ws/', ''), f.range.start, f.severity, f.message])).toEqual([
            ['a.integ', { line: 1, character: 2 }, 'error',
                'rule "security/sso" info contradicts rule "security/sso" off at b.integ:3; the one at b.integ:3 applies because policy blocks apply in file-name order and the last wins (policy/conflict)'],
            ['b.integ', { line: 2, character: 2 }, 'error',
                'rule "security/sso" off contradicts rule "security/sso" info at a.integ:2; this one applies because policy blocks apply in file-name order and the last wins (policy/conflict)']
        ]);
        expect(found.map(f => f.element)).toEqual([{ kind: 'policy', name: 'rule "security/sso"' }, { kind: 'policy', name: 'rule "security/sso"' }]);
        expect(found[0].related?.map(r => [r.uri, r.range.start.line])).toEqual([['file:///ws/b.integ', 2]]);
    });

    test('the last written still applies: the rule stays off', async () => {
        const { all } = await policyFindings(files, 'policy/conflict');
        expect(all.filter(f => f.ruleId === 'security/sso')).toEqual([]);
    });

    test('compares settings by meaning, not by how they are written', async () => {
        const same = { 'a.integ': 'policy { downtime-budget 2 hours per month }\n', 'b.integ': 'policy { downtime-budget 120 minutes per month }\n' };
        expect((await policyFindings(same, 'policy/conflict')).found).toEqual([]);
        const different = { 'a.integ': 'policy { downtime-budget 2 hours per month }\n', 'b.integ': 'policy { downtime-budget 1 hour per month }\n' };
        expect((await policyFindings(different, 'policy/conflict')).found.map(f => f.message)).toEqual([
            'downtime-budget 2 hours per month contradicts downtime-budget 1 hour per month at b.integ:1; the one at b.integ:1 applies because policy blocks apply in file-name order and the last wins (policy/conflict)',
            'downtime-budget 1 hour per month contradicts downtime-budget 2 hours per month at a.integ:1; this one applies because policy blocks apply in file-name order and the last wins (policy/conflict)'
        ]);
    });

    test('does not fire for different settings, nor for the same value twice', async () => {
        const files2 = { 'a.integ': 'policy { rule "security/sso" info }\n', 'b.integ': 'policy { rule "security/sso" info  rule "gap/batch" off }\n' };
        expect((await policyFindings(files2, 'policy/conflict')).found).toEqual([]);
    });
});

describe('policy/unknown-rule', () => {
    test('fires on the rule id with the nearest catalogue rule', async () => {
        const text = 'policy {\n  rule "security/least-privelege" info\n}\n' + MODEL;
        const { found } = await policyFindings({ 'a.integ': text }, 'policy/unknown-rule');
        expect(found.map(f => f.message)).toEqual(['policy sets unknown rule "security/least-privelege"; it changes nothing. Did you mean "security/least-privilege"? (policy/unknown-rule)']);
        expect(found[0].severity).toBe('warning');
        expect(found[0].range).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 33 } });
        expect(found[0].data).toEqual({ rule: 'security/least-privelege', suggestion: 'security/least-privilege' });
    });

    test('does not fire while the setting is half typed, nor does a conflict', async () => {
        const ws = await loadTexts({ 'a.integ': 'policy { rule "security/ssso" }\npolicy { downtime-budget 2 hours }\npolicy { downtime-budget 1 hour per month }\n' });
        expect(ws.documents[0].diagnostics?.filter(d => d.severity === 1).length).toBeGreaterThan(0);
        expect(ws.analysis.findings.filter(f => f.ruleId.startsWith('policy/'))).toEqual([]);
    });

    test('does not fire for catalogue rules', async () => {
        expect((await policyFindings({ 'a.integ': 'policy { rule "security/sso" off }\n' + MODEL }, 'policy/unknown-rule')).found).toEqual([]);
    });
});
