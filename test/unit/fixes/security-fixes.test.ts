import { describe, expect, it } from 'vitest';
import { actionsFor, applyFix } from './fix-harness.js';

const SYSTEMS = `system Crm { kind crm  encryption aes256  stores Customer }
system Erp { kind erp  encryption aes256  stores Customer }
entity Customer { master Crm  field email: PII }
`;

const flow = (body: string) => `${SYSTEMS}flow Sync : Crm -> Erp {
  carries Customer.email
  style api
  ${body}
}
`;

describe('security quick fixes', () => {
    it('sets tls 1.2 in place of an older version', async () => {
        const text = flow('auth oauth2\n  tls 1.1\n  audit');
        const fixed = await applyFix(text, 'security/tls', 'Sync', 'Set tls 1.2');
        expect(fixed).toBe(text.replace('tls 1.1', 'tls 1.2'));
    });

    it('sets tls 1.2 in place of none', async () => {
        const text = flow('auth oauth2  tls none  audit');
        expect(await applyFix(text, 'security/tls', 'Sync', 'Set tls 1.2')).toBe(text.replace('tls none', 'tls 1.2'));
    });

    it('sets auth oauth2 for auth none, shared-account and api-key', async () => {
        for (const [auth, rule] of [['none', 'security/no-auth'], ['shared-account', 'security/shared-credentials'], ['api-key', 'security/oauth2']]) {
            const text = flow(`auth ${auth}  tls 1.2  audit`);
            expect(await applyFix(text, rule, 'Sync', 'Set auth oauth2')).toBe(text.replace(`auth ${auth}`, 'auth oauth2'));
        }
    });

    it('offers mtls as the alternative to an API key, oauth2 preferred', async () => {
        const actions = await actionsFor(flow('auth api-key  tls 1.2  audit'), 'security/oauth2', 'Sync');
        expect(actions.map(a => [a.title, a.isPreferred ?? false])).toEqual([
            ['Set auth oauth2', true], ['Set auth mtls', false], ['Accept (waive) this finding: security/oauth2 on Sync', false]
        ]);
        await applyFix(flow('auth api-key  tls 1.2  audit'), 'security/oauth2', 'Sync', 'Set auth mtls');
    });

    it('sets secrets vault', async () => {
        const text = flow('auth oauth2  tls 1.2  audit  secrets hardcoded');
        expect(await applyFix(text, 'security/hardcoded-secret', 'Sync', 'Set secrets vault')).toBe(text.replace('secrets hardcoded', 'secrets vault'));
    });

    it('adds audit on its own line before the closing brace', async () => {
        const text = flow('auth oauth2\n  tls 1.2');
        const fixed = await applyFix(text, 'security/audit-log', 'Sync', 'Add audit');
        expect(fixed).toBe(text.replace('  tls 1.2\n}', '  tls 1.2\n  audit\n}'));
    });

    it('sets encryption aes256 on a one-line system, replacing or inserting', async () => {
        const replaced = SYSTEMS.replace('kind erp  encryption aes256', 'kind erp  encryption aes128');
        expect(await applyFix(replaced, 'security/encryption-at-rest', 'Erp', 'Set encryption aes256')).toBe(SYSTEMS);
        const missing = SYSTEMS.replace('kind erp  encryption aes256  stores Customer', 'kind erp  stores Customer');
        expect(await applyFix(missing, 'security/encryption-at-rest', 'Erp', 'Set encryption aes256'))
            .toBe(SYSTEMS.replace('kind erp  encryption aes256  stores Customer', 'kind erp  stores Customer  encryption aes256'));
    });

    it('adds auth oauth2 and tls 1.2 to an automated flow that has neither', async () => {
        const text = `system Crm\nsystem Erp\nflow Sync : Crm -> Erp { style api }\n`;
        expect(await applyFix(text, 'inventory/incomplete-flow', 'Sync', 'Add auth oauth2 and tls 1.2'))
            .toBe(`system Crm\nsystem Erp\nflow Sync : Crm -> Erp { style api  auth oauth2  tls 1.2 }\n`);
    });
});
