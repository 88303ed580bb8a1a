import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadTexts, uri } from '../helpers/workspace.js';

const MODEL = `
department Sales "Sales"
entity Customer { master Crm  field email: PII }
system Crm { kind crm  department Sales  owner "Ana"  stores Customer  encryption aes256 }
system Erp { kind erp  department Sales  owner "Eva"  stores Customer  encryption aes256 }
flow Sync : Crm -> Erp { carries Customer.email  style api  auth api-key  secrets vault  tls 1.1  audit  monitored  owner "Eva" }
`;

async function load(text: string) {
    const ws = await loadTexts({ 'a.integ': text });
    expect(ws.documents[0].diagnostics?.filter(d => d.severity === 1) ?? []).toEqual([]);
    return { findings: ws.analysis.findings, diagnostics: ws.diagnostics.get(uri('a.integ')) ?? [] };
}

describe('policy per-rule severity', () => {
    test('by default security/tls is an error', async () => {
        const { findings } = await load(MODEL);
        expect(findings.filter(f => f.ruleId === 'security/tls').map(f => f.severity)).toEqual(['error']);
    });

    test('rule "security/tls" off removes the finding and its diagnostic', async () => {
        const { findings, diagnostics } = await load('policy { rule "security/tls" off }\n' + MODEL);
        expect(findings.filter(f => f.ruleId === 'security/tls')).toEqual([]);
        expect(diagnostics.filter(d => d.code === 'security/tls')).toEqual([]);
        expect(findings.filter(f => f.ruleId === 'security/oauth2')).toHaveLength(1);
    });

    test('rule "security/tls" warning lowers the severity shown', async () => {
        const { findings, diagnostics } = await load('policy { rule "security/tls" warning }\n' + MODEL);
        expect(findings.filter(f => f.ruleId === 'security/tls').map(f => f.severity)).toEqual(['warning']);
        expect(diagnostics.filter(d => d.code === 'security/tls').map(d => d.severity)).toEqual([DiagnosticSeverity.Warning]);
    });

    test('rule "gap/fragile" error raises a warning rule to an error', async () => {
        const { findings } = await load('policy { rule "gap/fragile" error }\n' + MODEL.replace('  monitored', ''));
        expect(findings.filter(f => f.ruleId === 'gap/fragile').map(f => f.severity)).toEqual(['error']);
    });
});

describe('accept waivers', () => {
    const waived = MODEL + 'accept "security/oauth2" on Sync "Vendor API only offers API keys" { ticket "OPS-12"  until 2099-06-30 }\n';

    test('turn the finding into an accepted one, shown as information with the reason', async () => {
        const { findings, diagnostics } = await load(waived);
        const oauth = findings.filter(f => f.ruleId === 'security/oauth2');
        expect(oauth).toHaveLength(1);
        expect(oauth[0].accepted).toEqual({ reason: 'Vendor API only offers API keys', ticket: 'OPS-12', until: '2099-06-30' });
        const shown = diagnostics.filter(d => d.code === 'security/oauth2');
        expect(shown.map(d => d.severity)).toEqual([DiagnosticSeverity.Information]);
        expect(shown[0].message).toMatch(/^accepted: Vendor API only offers API keys/);
    });

    test('leave other rules on the same element untouched', async () => {
        const { findings } = await load(waived);
        const tls = findings.filter(f => f.ruleId === 'security/tls');
        expect(tls.map(f => [f.severity, f.accepted])).toEqual([['error', undefined]]);
    });

    test('an expired waiver accepts nothing', async () => {
        const { findings } = await load(waived.replace('2099-06-30', '2020-01-31'));
        const oauth = findings.filter(f => f.ruleId === 'security/oauth2');
        expect(oauth.map(f => [f.severity, f.accepted])).toEqual([['error', undefined]]);
    });
});
