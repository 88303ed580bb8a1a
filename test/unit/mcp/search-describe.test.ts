import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText, openSession, type Session } from './mcp-session.js';

let session: Session;
beforeAll(async () => { session = await openSession(); });
afterAll(async () => { await session.close(); });

describe('search', () => {
    it('matches every word against name, title and kind', async () => {
        const { total, results } = await session.structured('search', { query: 'dealer legacy' });
        expect(total).toBe(1);
        expect(results[0]).toMatchObject({ kind: 'system', name: 'AS400', file: 'systems-sales-marketing.integ', line: 90, detail: 'legacy' });
    });

    it('filters by kind, owner and department', async () => {
        const byOwner = await session.structured('search', { owner: 'derek stone' });
        expect(byOwner.results.map((r: any) => `${r.kind} ${r.name}`)).toEqual(expect.arrayContaining(['system AS400', 'flow DealerOrders']));
        expect(byOwner.results.every((r: any) => r.owner === 'Derek Stone')).toBe(true);
        const systems = await session.structured('search', { kind: 'system', department: 'CustomerService' });
        expect(systems.results.map((r: any) => r.name)).toContain('AS400');
        expect(systems.results.every((r: any) => r.kind === 'system' && r.departments[0] === 'CustomerService')).toBe(true);
    });

    it('says so when nothing matches, and keeps to the limit', async () => {
        const none = await session.call('search', { query: 'no-such-thing-anywhere' });
        expect(none.structuredContent).toEqual({ total: 0, results: [] });
        expect(none.content[0]).toEqual({ type: 'text', text: 'Nothing matches.' });
        const few = await session.structured('search', { kind: 'flow', limit: 2 });
        expect(few.results).toHaveLength(2);
        expect(few.total).toBeGreaterThan(2);
    });
});

describe('describe', () => {
    it('AS400: its properties, flows in and out, the process on them, its hours and findings with their quick fix', async () => {
        const as400 = await session.structured('describe', { name: 'AS400' });
        expect(as400).toMatchObject({ kind: 'system', name: 'AS400', title: 'AS/400 dealer order entry (1998)', file: 'systems-sales-marketing.integ', line: 90 });
        expect(as400.properties).toMatchObject({ systemKind: 'legacy', department: 'CustomerService', owner: 'Derek Stone', stores: ['Customer', 'Order'], encryption: 'none', users: 25 });
        expect(as400.flowsIn).toEqual([{ name: 'PhoneOrderKeying', from: 'PhoneOrdersSheet', to: 'AS400', style: 'manual', status: 'live', hoursPerWeek: 10 }]);
        expect(as400.flowsOut.map((f: any) => f.name)).toEqual(['DealerOrders']);
        expect(as400.processes).toEqual([{ name: 'OrderToCash', title: 'Order to cash' }]);
        expect(as400.hoursPerWeek).toBe(10);
        expect(as400.findings.map((f: any) => f.ruleId)).toEqual(['security/encryption-at-rest', 'security/sso']);
        expect(as400.findings[0]).toMatchObject({ line: 97, quickFix: 'Set encryption aes256', docs: 'docs/rules.md#securityencryption-at-rest' });
    });

    it('an entity: its fields with classification and regulations, and the flows that carry it', async () => {
        const order = await session.structured('describe', { name: 'Order', kind: 'entity' });
        expect(order.fields).toContainEqual({ name: 'total', classification: 'Financial', regulations: ['SOX'] });
        expect(order.fields).toContainEqual({ name: 'status', regulations: [] });
        expect(order.flowsOut.map((f: any) => f.name)).toEqual(expect.arrayContaining(['DealerOrders', 'PhoneOrderKeying']));
    });

    it('a flow: what it carries, field by field', async () => {
        const flow = await session.structured('describe', { name: 'DealerOrders' });
        expect(flow.carries).toContainEqual({ entity: 'Order', field: 'total', classification: 'Financial', regulations: ['SOX'] });
        expect(flow.processes.map((p: any) => p.name)).toEqual(['OrderToCash']);
    });

    it('an unknown name is an error result naming close matches, and the server answers the next call', async () => {
        expect(errorText(await session.call('describe', { name: 'AS40' }))).toMatch(/no element named 'AS40'; did you mean system AS400/);
        expect(errorText(await session.call('describe', {}))).toMatch(/Invalid arguments for tool describe/);
        expect((await session.structured('describe', { name: 'AS400' })).name).toBe('AS400');
    });
});
