import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../language-server/src/rules/catalogue.js';
import { errorText, openSession, type Session } from './mcp-session.js';

let session: Session;
beforeAll(async () => { session = await openSession({ allowEdits: true }); });
afterAll(async () => { await session.close(); });

describe('diagram', () => {
    it('draws a system and its neighbours as SVG, in the structured result and as an attached resource', async () => {
        const result = await session.call('diagram', { view: 'system:AS400' });
        const diagram = result.structuredContent as any;
        expect(diagram).toMatchObject({ nodes: 3, edges: 2, fallback: false });
        expect(diagram.title).toMatch(/AS\/400 dealer order entry/);
        expect(diagram.svg).toMatch(/^<svg[^>]*xmlns='http:\/\/www.w3.org\/2000\/svg'/);
        expect(result.content[1]).toMatchObject({ type: 'resource', resource: { mimeType: 'image/svg+xml', text: diagram.svg } });
    });

    it('an unknown view or system is an error result', async () => {
        expect(errorText(await session.call('diagram', { view: 'galaxy' }))).toMatch(/^unknown view 'galaxy'; use estate, process:<name>/);
        expect(errorText(await session.call('diagram', { view: 'system:Nowhere' }))).toMatch(/Nowhere/);
    });
});

describe('roadmap', () => {
    it('lists the schedule, work in progress per month against the WIP limit, and the totals', async () => {
        const roadmap = await session.structured('roadmap', { today: '2027-02-01' });
        const crmToErp = roadmap.initiatives.find((i: any) => i.name === 'CrmToErp');
        expect(crmToErp).toMatchObject({ start: '2027-01', end: '2027-03', priority: 1, replaces: ['OrderReentry', 'OrderStatusEmail'] });
        expect(roadmap.wipLimit).toBe(2);
        const march = roadmap.months.find((m: any) => m.month === '2027-03');
        expect(march).toEqual({ month: '2027-03', inFlight: 3, names: ['CrmToErp', 'ErpToFinance', 'HrToPayroll'], overLimit: true });
        expect(roadmap.months.every((m: any) => m.overLimit === m.inFlight > roadmap.wipLimit)).toBe(true);
        expect(roadmap.totals.hoursPerWeek).toBe(roadmap.initiatives.reduce((sum: number, i: any) => sum + i.hoursPerWeek, 0));
        expect(roadmap.totals.coveragePercentAfter).toBeGreaterThan(roadmap.totals.coveragePercentBefore);
    });
});

describe('resources', () => {
    it('offer each rule\'s section of docs/rules.md and the language reference', async () => {
        const { resources } = await session.client.listResources();
        const uris = resources.map(resource => resource.uri);
        expect(uris).toContain('integ://docs/rules/security/sso');
        expect(uris).toContain('integ://docs/language');
        expect(uris.filter(uri => uri.startsWith('integ://docs/rules/')).sort()).toEqual(CATALOGUE.map(rule => `integ://docs/rules/${rule.id}`).sort());
        const sso = await session.client.readResource({ uri: 'integ://docs/rules/security/sso' });
        const text = (sso.contents[0] as { text: string }).text;
        expect(text.startsWith('## security/sso\n')).toBe(true);
        expect(text).not.toMatch(/\n## /);
    });
});

describe('propose_edit', () => {
    it('returns the quick fix as a workspace edit and writes nothing', async () => {
        const proposal = await session.structured('propose_edit', { rule: 'security/encryption-at-rest', element: 'AS400' });
        expect(proposal.title).toBe('Set encryption aes256');
        const edit = { range: { start: { line: 96, character: 13 }, end: { line: 96, character: 17 } }, newText: 'aes256' };
        expect(proposal.files).toEqual({ 'systems-sales-marketing.integ': [edit] });
        expect(Object.values(proposal.edit.changes)).toEqual([[edit]]);
        expect(Object.keys(proposal.edit.changes)[0]).toMatch(/^file:\/\/.*\/samples\/acme\/systems-sales-marketing\.integ$/);
        // Not applied: the workspace still reports the finding.
        const { findings } = await session.structured('findings', { rule: 'security/encryption-at-rest', element: 'AS400' });
        expect(findings).toHaveLength(1);
    });

    it('a finding without a quick fix, or a fix title not offered, is an error result', async () => {
        expect(errorText(await session.call('propose_edit', { rule: 'security/sso', element: 'AS400' }))).toMatch(/has no quick fix/);
        expect(errorText(await session.call('propose_edit', { rule: 'security/encryption-at-rest', element: 'AS400', fix: 'Delete it' })))
            .toBe("no fix titled 'Delete it'; the fixes offered are: Set encryption aes256");
        expect(errorText(await session.call('propose_edit', { rule: 'security/sso', element: 'Nobody' }))).toMatch(/^no security\/sso finding on 'Nobody'/);
    });
});
