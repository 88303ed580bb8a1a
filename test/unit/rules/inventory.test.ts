import { describe, expect, test } from 'vitest';
import { at, check } from './rule-check.js';

const BASE = `
department Ops "Operations"
entity Order { master Erp  field number }
system Erp { kind erp  department Ops  owner "Eva"  stores Order }
system Crm { kind crm  department Ops  owner "Ana"  stores Order }
flow OrderFeed : Erp -> Crm { carries Order.number  style api  auth oauth2  tls 1.2  monitored  owner "Eva" }
`;

describe('inventory/shadow-it-unowned', () => {
    const bad = BASE + 'system Workbook "Orders workbook" { kind spreadsheet  stores Order }\nflow ToBook : Erp -> Workbook { carries Order.number  style file  auth oauth2  tls 1.2 }\n';

    test('fires on a spreadsheet without department or owner, on its name', async () => {
        const { findings, diagnostics } = await check(bad, 'inventory/shadow-it-unowned');
        expect(findings.map(f => f.message)).toEqual(['Shadow IT Workbook (spreadsheet) has no department or owner; nobody answers for its data (inventory/shadow-it-unowned)']);
        expect(findings[0].severity).toBe('warning');
        expect(diagnostics[0].range.start).toEqual({ line: at(bad, 'Workbook "').line, character: at(bad, 'Workbook "').character });
    });

    test('fires on a system marked shadow whatever its kind', async () => {
        const text = bad.replace('kind spreadsheet', 'kind custom  shadow');
        const { findings } = await check(text, 'inventory/shadow-it-unowned');
        expect(findings.map(f => f.element.name)).toEqual(['Workbook']);
    });

    test('does not fire once the spreadsheet has an owner', async () => {
        const { findings } = await check(bad.replace('kind spreadsheet', 'kind spreadsheet  owner "Sam"'), 'inventory/shadow-it-unowned');
        expect(findings).toEqual([]);
    });

    test('does not fire once the spreadsheet has a department', async () => {
        const { findings } = await check(bad.replace('kind spreadsheet', 'kind spreadsheet  department Ops'), 'inventory/shadow-it-unowned');
        expect(findings).toEqual([]);
    });
});

describe('inventory/disconnected-system', () => {
    const bad = BASE + 'system Legacy { kind legacy  department Ops  owner "Kim" }\n';

    test('fires as information on a system without live flow', async () => {
        const { findings, diagnostics } = await check(bad, 'inventory/disconnected-system');
        expect(findings.map(f => f.message)).toEqual(['Legacy has no live flow and counts against integration coverage (the article: only 29% of applications are integrated) (inventory/disconnected-system)']);
        expect(findings[0].severity).toBe('info');
        expect(diagnostics[0].range.start).toEqual(at(bad, 'Legacy {'));
    });

    test('a planned flow does not connect it today', async () => {
        const text = bad + 'flow LegacyFeed : Legacy -> Erp { carries Order.number  style api  auth oauth2  tls 1.2  status planned }\n';
        const { findings } = await check(text, 'inventory/disconnected-system');
        expect(findings.map(f => f.element.name)).toEqual(['Legacy']);
    });

    test('does not fire once a live flow touches it', async () => {
        const text = bad + 'flow LegacyFeed : Erp -> Legacy { carries Order.number  style api  auth oauth2  tls 1.2  monitored  owner "Kim" }\n';
        const { findings } = await check(text, 'inventory/disconnected-system');
        expect(findings).toEqual([]);
    });
});

describe('inventory/incomplete-flow', () => {
    test('fires on a flow without style', async () => {
        const text = BASE.replace('style api  ', '');
        const { findings, diagnostics } = await check(text, 'inventory/incomplete-flow');
        expect(findings.map(f => f.message)).toEqual(['Flow OrderFeed has no style; it cannot be classified as manual, batch, one-way or fragile (inventory/incomplete-flow)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'OrderFeed'));
    });

    test('fires on an automated flow without auth and tls', async () => {
        const text = BASE.replace('auth oauth2  tls 1.2  ', '');
        const { findings } = await check(text, 'inventory/incomplete-flow');
        expect(findings.map(f => f.message)).toEqual(['Automated flow OrderFeed (api) has no auth or tls; it cannot be checked against OAuth 2.0 and TLS 1.2+ (inventory/incomplete-flow)']);
        expect(findings[0].data).toEqual({ missing: ['auth', 'tls'] });
    });

    test('does not fire on a manual flow without auth and tls', async () => {
        const text = BASE.replace('style api  auth oauth2  tls 1.2', 'style manual');
        const { findings } = await check(text, 'inventory/incomplete-flow');
        expect(findings).toEqual([]);
    });

    test('does not fire on a complete flow, nor on a retired one', async () => {
        expect((await check(BASE, 'inventory/incomplete-flow')).findings).toEqual([]);
        const retired = BASE.replace('style api  ', 'status retired  ');
        expect((await check(retired, 'inventory/incomplete-flow')).findings).toEqual([]);
    });
});

describe('inventory/empty-flow', () => {
    test('fires on a flow that carries nothing', async () => {
        const text = BASE.replace('carries Order.number  ', '');
        const { findings, diagnostics } = await check(text, 'inventory/empty-flow');
        expect(findings.map(f => f.message)).toEqual(['Flow OrderFeed from Erp to Crm carries no data; no data rule can check it (inventory/empty-flow)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'OrderFeed'));
    });

    test('does not fire when the flow carries a field', async () => {
        expect((await check(BASE, 'inventory/empty-flow')).findings).toEqual([]);
    });
});
