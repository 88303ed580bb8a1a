import { describe, expect, test } from 'vitest';
import { at, check } from './rule-check.js';

const MODEL = `
department Sales "Sales"
entity Customer { master Crm  field name: PII  field email: PII  field segment }
system Crm { kind crm  department Sales  owner "Ana"  stores Customer  encryption aes256 }
system Erp { kind erp  department Sales  owner "Eva"  stores Customer  encryption aes256 }
flow Sync : Crm -> Erp {
  carries Customer.email
  style api
  auth oauth2
  secrets vault
  tls 1.2
  audit
  monitored
  owner "Eva"
}
`;

describe('security/tls', () => {
    test('fires as an error when PII moves over TLS 1.1, on the tls value', async () => {
        const text = MODEL.replace('tls 1.2', 'tls 1.1');
        const { findings, diagnostics } = await check(text, 'security/tls');
        expect(findings.map(f => f.message)).toEqual(['Customer.email (PII, GDPR) moves over TLS 1.1; PII requires TLS 1.2+ (security/tls)']);
        expect(findings[0].severity).toBe('error');
        expect(diagnostics[0].range.start).toEqual({ line: at(text, 'tls 1.1').line, character: at(text, 'tls 1.1').character + 4 });
        expect(findings[0].data).toMatchObject({ requiredTls: 1.2, actualTls: 1.1 });
    });

    test('names how many more fields are concerned and says when there is no TLS at all', async () => {
        const text = MODEL.replace('tls 1.2', 'tls none').replace('carries Customer.email', 'carries Customer.name, Customer.email');
        const { findings } = await check(text, 'security/tls');
        expect(findings.map(f => f.message)).toEqual(['Customer.name (PII, GDPR) and 1 more field move without TLS; PII requires TLS 1.2+ (security/tls)']);
    });

    test("applies the policy's min-tls to any data", async () => {
        const text = 'policy { min-tls 1.3 }\n' + MODEL.replace('carries Customer.email', 'carries Customer.segment');
        const { findings } = await check(text, 'security/tls');
        expect(findings.map(f => f.message)).toEqual(['Sync moves data over TLS 1.2; the policy requires TLS 1.3+ (security/tls)']);
    });

    test('does not fire at TLS 1.2 or above', async () => {
        expect((await check(MODEL, 'security/tls')).findings).toEqual([]);
        expect((await check(MODEL.replace('tls 1.2', 'tls 1.3'), 'security/tls')).findings).toEqual([]);
    });

    test('checks planned flows but not retired ones', async () => {
        const planned = MODEL.replace('tls 1.2', 'tls 1.0\n  status planned');
        expect((await check(planned, 'security/tls')).findings).toHaveLength(1);
        const retired = MODEL.replace('tls 1.2', 'tls 1.0\n  status retired');
        expect((await check(retired, 'security/tls')).findings).toEqual([]);
    });
});

describe('security/no-auth', () => {
    test('fires on an automated flow with auth none, on the auth value', async () => {
        const text = MODEL.replace('auth oauth2', 'auth none');
        const { findings, diagnostics } = await check(text, 'security/no-auth');
        expect(findings.map(f => f.message)).toEqual(['Sync from Crm to Erp has no authentication; anyone who reaches the endpoint can read or write its data (security/no-auth)']);
        expect(diagnostics[0].range.start).toEqual({ line: at(text, 'auth none').line, character: at(text, 'auth none').character + 5 });
    });

    test('does not fire with OAuth 2.0, nor on a manual flow', async () => {
        expect((await check(MODEL, 'security/no-auth')).findings).toEqual([]);
        expect((await check(MODEL.replace('style api\n  auth oauth2', 'style manual\n  auth none'), 'security/no-auth')).findings).toEqual([]);
    });
});

describe('security/oauth2', () => {
    test('is an error for an API key on regulated data', async () => {
        const text = MODEL.replace('auth oauth2', 'auth api-key');
        const { findings, diagnostics } = await check(text, 'security/oauth2');
        expect(findings.map(f => f.message)).toEqual(['Sync carries Customer.email (PII, GDPR) and authenticates with an API key; PII requires OAuth 2.0 (or mTLS) for system-to-system connections (security/oauth2)']);
        expect(findings[0].severity).toBe('error');
        expect(diagnostics[0].range.start.line).toBe(at(text, 'auth api-key').line);
    });

    test('is a warning for basic auth on unregulated data', async () => {
        const text = MODEL.replace('auth oauth2', 'auth basic').replace('carries Customer.email', 'carries Customer.segment');
        const { findings } = await check(text, 'security/oauth2');
        expect(findings.map(f => f.message)).toEqual(['Sync authenticates with basic auth; the article requires OAuth 2.0 for system-to-system connections (security/oauth2)']);
        expect(findings[0].severity).toBe('warning');
    });

    test('does not fire for oauth2 or mtls', async () => {
        expect((await check(MODEL, 'security/oauth2')).findings).toEqual([]);
        expect((await check(MODEL.replace('auth oauth2', 'auth mtls'), 'security/oauth2')).findings).toEqual([]);
    });
});

describe('security/shared-credentials', () => {
    test('fires on a shared account', async () => {
        const text = MODEL.replace('auth oauth2', 'auth shared-account');
        const { findings, diagnostics } = await check(text, 'security/shared-credentials');
        expect(findings.map(f => f.message)).toEqual(['Sync uses a shared account; no audit log can tell who moved the data (the article: never use shared credentials) (security/shared-credentials)']);
        expect(diagnostics[0].range.start.line).toBe(at(text, 'shared-account').line);
        expect(findings[0].severity).toBe('error');
    });

    test('does not fire with OAuth 2.0', async () => {
        expect((await check(MODEL, 'security/shared-credentials')).findings).toEqual([]);
    });
});

describe('security/hardcoded-secret', () => {
    test('fires on hardcoded secrets, on the value', async () => {
        const text = MODEL.replace('secrets vault', 'secrets hardcoded');
        const { findings, diagnostics } = await check(text, 'security/hardcoded-secret');
        expect(findings.map(f => f.message)).toEqual(['Sync has hardcoded secrets; they leak with every copy of the code and cannot be rotated (the article: never use hardcoded API keys) (security/hardcoded-secret)']);
        expect(diagnostics[0].range.start).toEqual({ line: at(text, 'hardcoded').line, character: at(text, 'hardcoded').character });
    });

    test('does not fire with a vault', async () => {
        expect((await check(MODEL, 'security/hardcoded-secret')).findings).toEqual([]);
    });
});

describe('security/encryption-at-rest', () => {
    test('fires on a system storing PII with AES-128, on the encryption', async () => {
        const text = MODEL.replace('stores Customer  encryption aes256 }\nflow', 'stores Customer  encryption aes128 }\nflow');
        const { findings, diagnostics } = await check(text, 'security/encryption-at-rest');
        expect(findings.map(f => f.message)).toEqual(['Erp stores Customer.name (PII, GDPR) and 1 more field with encryption aes128; PII requires AES-256 at rest (security/encryption-at-rest)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'aes128'));
    });

    test('fires without encryption, on the name', async () => {
        const text = MODEL.replace('stores Customer  encryption aes256 }\nflow', 'stores Customer }\nflow');
        const { findings, diagnostics } = await check(text, 'security/encryption-at-rest');
        expect(findings.map(f => f.message)).toEqual(['Erp stores Customer.name (PII, GDPR) and 1 more field without encryption at rest; PII requires AES-256 at rest (security/encryption-at-rest)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'Erp {'));
    });

    test('does not fire with AES-256, nor for unregulated data', async () => {
        expect((await check(MODEL, 'security/encryption-at-rest')).findings).toEqual([]);
        const unregulated = MODEL.replace('field name: PII  field email: PII', 'field name  field email').replace(/ encryption aes256/g, '');
        expect((await check(unregulated, 'security/encryption-at-rest')).findings).toEqual([]);
    });
});

describe('security/least-privilege', () => {
    const bad = MODEL.replace('system Erp { kind erp  department Sales  owner "Eva"  stores Customer  encryption aes256 }',
        'system Erp { kind erp  department Sales  owner "Eva"  encryption aes256 }');

    test('fires when the target neither stores nor passes on the field, on carries', async () => {
        const { findings, diagnostics } = await check(bad, 'security/least-privilege');
        expect(findings.map(f => f.message)).toEqual(['Sync carries Customer.email, which Erp neither stores nor passes on; integrations should only access the fields they need (security/least-privilege)']);
        expect(diagnostics[0].range.start).toEqual({ line: at(bad, 'carries').line, character: at(bad, 'carries').character + 8 });
        expect(findings[0].data).toEqual({ receiver: 'Erp', fields: ['Customer.email'] });
    });

    test('names Entity.* when the whole entity is carried for nothing', async () => {
        const text = bad.replace('carries Customer.email', 'carries Customer.*');
        const { findings } = await check(text, 'security/least-privilege');
        expect(findings.map(f => f.message)).toEqual(['Sync carries Customer.*, which Erp neither stores nor passes on; integrations should only access the fields they need (security/least-privilege)']);
    });

    test('does not fire when the target passes the field on', async () => {
        const text = bad + 'system Bi { kind analytics  department Sales  owner "Li"  stores Customer  encryption aes256 }\n'
            + 'flow Onward : Erp -> Bi { carries Customer.email  style api  auth oauth2  tls 1.2  audit  monitored  owner "Li" }\n';
        expect((await check(text, 'security/least-privilege')).findings).toEqual([]);
    });

    test('does not fire when the target stores the entity', async () => {
        expect((await check(MODEL, 'security/least-privilege')).findings).toEqual([]);
    });

    test('for a two-way flow both ends receive the data', async () => {
        const text = bad.replace('Crm -> Erp', 'Crm <-> Erp');
        const { findings } = await check(text, 'security/least-privilege');
        expect(findings.map(f => f.data?.receiver)).toEqual(['Erp']);
    });
});

describe('security/audit-log', () => {
    const bad = MODEL.replace('  audit\n', '');

    test('fires as an error when PII moves without audit', async () => {
        const { findings, diagnostics } = await check(bad, 'security/audit-log');
        expect(findings.map(f => f.message)).toEqual(['Sync moves Customer.email (PII, GDPR) from Crm to Erp without an audit log; PII requires every movement to be logged with timestamp, source, destination and user (security/audit-log)']);
        expect(findings[0].severity).toBe('error');
        expect(diagnostics[0].range.start).toEqual(at(bad, 'Sync'));
    });

    test('does not fire with audit, nor for unregulated data', async () => {
        expect((await check(MODEL, 'security/audit-log')).findings).toEqual([]);
        expect((await check(bad.replace('carries Customer.email', 'carries Customer.segment'), 'security/audit-log')).findings).toEqual([]);
    });
});

describe('security/sso', () => {
    const bad = MODEL.replace('owner "Ana"  stores Customer', 'owner "Ana"  users 120  supports open-api, bulk  stores Customer');

    test('fires on a system with users and no SSO, on supports', async () => {
        const { findings, diagnostics } = await check(bad, 'security/sso');
        expect(findings.map(f => f.message)).toEqual(['Crm has 120 users but no SSO (SAML or OIDC); their accounts cannot be switched off centrally (security/sso)']);
        expect(diagnostics[0].range.start).toEqual(at(bad, 'open-api'));
    });

    test('does not fire with SAML SSO, nor without users', async () => {
        expect((await check(bad.replace('open-api, bulk', 'open-api, sso-saml'), 'security/sso')).findings).toEqual([]);
        expect((await check(MODEL, 'security/sso')).findings).toEqual([]);
    });
});
