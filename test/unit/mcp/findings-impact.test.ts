import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText, openSession, type Session } from './mcp-session.js';

let session: Session;
beforeAll(async () => { session = await openSession(); });
afterAll(async () => { await session.close(); });

const TODAY = '2026-01-15';
const label = (finding: { ruleId: string; element: { name: string } }) => `${finding.ruleId} ${finding.element.name}`;

describe('findings', () => {
    it('by rule: only that rule, each with its docs section and resource', async () => {
        const { total, findings, fixFirst } = await session.structured('findings', { rule: 'security/sso' });
        expect(total).toBe(findings.length);
        expect(total).toBeGreaterThan(3);
        expect(new Set(findings.map((f: any) => f.ruleId))).toEqual(new Set(['security/sso']));
        expect(findings.every((f: any) => f.docs === 'docs/rules.md#securitysso' && f.docsResource === 'integ://docs/rules/security/sso')).toBe(true);
        expect(fixFirst.length).toBeGreaterThan(0);
        expect(fixFirst.every((row: any) => row.ruleId === 'security/sso')).toBe(true);
    });

    it('by element, area, severity and file together', async () => {
        const { findings } = await session.structured('findings', { element: 'AS400', area: 'security', severity: 'error', file: 'systems-sales-marketing.integ' });
        expect(findings.map(label)).toEqual(['security/encryption-at-rest AS400']);
        expect(findings[0]).toMatchObject({ area: 'security', severity: 'error', quickFix: 'Set encryption aes256', line: 97 });
    });

    it('ranks what to fix first: the gap costing the most manual hours leads', async () => {
        const { fixFirst } = await session.structured('findings', { area: 'gap' });
        const hours = fixFirst.map((row: any) => row.hoursPerWeek);
        expect(hours[0]).toBeGreaterThan(0);
        expect(hours).toEqual([...hours].sort((a, b) => b - a));
    });

    it('a misspelt rule or an unknown area is an error result that says what was meant', async () => {
        expect(errorText(await session.call('findings', { rule: 'security/ssso' }))).toBe("no rule 'security/ssso'; did you mean security/sso?");
        expect(errorText(await session.call('findings', { area: 'safety' }))).toMatch(/^no area 'safety'; areas are inventory, gap, security/);
        expect(errorText(await session.call('findings', { severity: 'fatal' }))).toMatch(/Invalid arguments for tool findings/);
    });
});

describe('impact', () => {
    it('retiring AS400: its two flows, the process on them, and exactly the 14 findings on AS400 and those flows resolved', async () => {
        const impact = await session.structured('impact', { change: 'retire-system', system: 'AS400', today: TODAY });
        expect(impact.change).toBe('retire AS400');
        expect(impact.flows.map((f: any) => [f.how, f.before.name, f.before.from, f.before.to])).toEqual([
            ['retired', 'DealerOrders', 'AS400', 'Epicor'],
            ['retired', 'PhoneOrderKeying', 'PhoneOrdersSheet', 'AS400']
        ]);
        expect(impact.processes).toEqual([{ name: 'OrderToCash', title: 'Order to cash', steps: ['DealerOrders', 'PhoneOrderKeying'] }]);
        // By hand from samples/acme/expected-findings.json: every open finding whose element is AS400,
        // DealerOrders or PhoneOrderKeying, and nothing else; retiring them opens nothing new.
        expect(impact.findings.resolved.map(label).sort()).toEqual([
            'gap/batch DealerOrders', 'gap/batch PhoneOrderKeying', 'gap/fragile DealerOrders', 'gap/no-integration PhoneOrderKeying',
            'gap/one-way DealerOrders', 'gap/one-way PhoneOrderKeying', 'roadmap/unaddressed-gap DealerOrders', 'roadmap/unaddressed-gap PhoneOrderKeying',
            'security/audit-log DealerOrders', 'security/audit-log PhoneOrderKeying', 'security/encryption-at-rest AS400', 'security/oauth2 DealerOrders',
            'security/sso AS400', 'security/tls DealerOrders'
        ]);
        expect(impact.findings.introduced).toEqual([]);
        // PhoneOrderKeying is keyed by hand, `effort 10 hours per week`; DealerOrders is a batch job.
        expect(impact.hoursPerWeek).toEqual({ before: 10, after: 0, delta: -10 });
        expect(impact.estate.manualHoursPerWeek.delta).toBe(-10);
        expect(impact.estate.openErrors.delta).toBe(-5);
    });

    it('automating a manual flow resolves its re-entry gap and names what the new style still lacks', async () => {
        const impact = await session.structured('impact', { change: 'change-flow-style', flow: 'PhoneOrderKeying', style: 'api', today: TODAY });
        expect(impact.findings.resolved.map(label)).toEqual(['gap/no-integration PhoneOrderKeying']);
        expect(impact.findings.introduced.map(label)).toEqual(['gap/fragile PhoneOrderKeying', 'inventory/incomplete-flow PhoneOrderKeying']);
        expect(impact.hoursPerWeek).toEqual({ before: 10, after: 0, delta: -10 });
        expect(impact.processes.map((p: any) => p.name)).toEqual(['OrderToCash']);
    });

    it('replacing AS400 with Epicor moves its flows over; the one that would run from Epicor to itself is retired', async () => {
        const impact = await session.structured('impact', { change: 'replace-system', system: 'AS400', replacement: 'Epicor', today: TODAY });
        expect(impact.flows.map((f: any) => [f.how, f.after.name, f.after.from, f.after.to])).toEqual([
            ['retired', 'DealerOrders', 'Epicor', 'Epicor'],
            ['redirected', 'PhoneOrderKeying', 'PhoneOrdersSheet', 'Epicor']
        ]);
        expect(impact.findings.resolved.map(label)).toContain('security/sso AS400');
        expect(impact.hoursPerWeek.after).toBe(10);
    });

    it('a change missing what it needs, or naming what does not exist, is an error result', async () => {
        expect(errorText(await session.call('impact', { change: 'retire-system' }))).toBe('retire-system needs system');
        expect(errorText(await session.call('impact', { change: 'replace-system', system: 'AS400', replacement: 'Nowhere' }))).toMatch(/^no system named 'Nowhere'/);
        expect(errorText(await session.call('impact', { change: 'change-flow-style', flow: 'DealerOrders', style: 'batch' }))).toBe('flow DealerOrders already has style batch');
        expect(errorText(await session.call('impact', { change: 'explode' }))).toMatch(/Invalid arguments for tool impact/);
    });
});
