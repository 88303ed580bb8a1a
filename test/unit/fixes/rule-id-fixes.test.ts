import { describe, expect, it } from 'vitest';
import { actionsFor, applyFix } from './fix-harness.js';

const MODEL = `system Crm { kind crm  users 10 }
system Erp { kind erp }
flow Sync : Crm -> Erp { style api  auth api-key  tls 1.2  monitored  owner "Eva" }
`;

describe('a misspelt rule id', () => {
    it('in a policy is replaced by the nearest rule, which then applies', async () => {
        const text = `policy { rule "security/oauth" off }\n${MODEL}`;
        const fixed = await applyFix(text, 'policy/unknown-rule', 'rule "security/oauth"', 'Change to "security/oauth2"');
        expect(fixed).toBe(`policy { rule "security/oauth2" off }\n${MODEL}`);
    });

    it('in an accept is replaced by the nearest rule', async () => {
        const text = `${MODEL}accept "security/oauth" on Sync "Vendor API only offers API keys"\n`;
        const fixed = await applyFix(text, 'waiver/unknown-rule', 'security/oauth on Sync', 'Change to "security/oauth2"');
        expect(fixed).toBe(`${MODEL}accept "security/oauth2" on Sync "Vendor API only offers API keys"\n`);
    });

    it('without a near rule gets no replacement, and findings on a policy or an accept no waiver', async () => {
        const actions = await actionsFor(`policy { rule "nonsense" off }\n${MODEL}`, 'policy/unknown-rule', 'rule "nonsense"');
        expect(actions).toEqual([]);
    });
});
