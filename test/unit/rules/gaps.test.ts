import { describe, expect, test } from 'vitest';
import { at, check } from './rule-check.js';

const SYSTEMS = `
department Sales "Sales"
department Finance "Finance"
entity Customer { master Salesforce  freshness 15 minutes  field name  field segment }
system Salesforce { kind crm  department Sales  owner "Ana"  stores Customer  edits Customer }
system SAP { kind erp  department Finance  owner "Eva"  stores Customer }
`;

const SECURE = 'auth oauth2  tls 1.2  monitored  owner "Eva"';

describe('gap/no-integration', () => {
    const bad = SYSTEMS + 'flow Rekey : Salesforce -> SAP { carries Customer.name  style manual  effort 12 hours per week }\n';

    test('fires on manual re-entry with the written effort, on the style', async () => {
        const { findings, diagnostics } = await check(bad, 'gap/no-integration');
        expect(findings.map(f => f.message)).toEqual(['Manual re-entry from Salesforce to SAP costs 12 h/week (gap/no-integration)']);
        expect(diagnostics[0].range.start).toEqual(at(bad, 'manual'));
        expect(findings[0].data).toMatchObject({ hoursPerWeek: 12, estimated: false });
    });

    test("uses the article's 10–20 h/week when no effort is written, also for e-mail", async () => {
        const text = bad.replace('style manual  effort 12 hours per week', 'style email');
        const { findings } = await check(text, 'gap/no-integration');
        expect(findings.map(f => f.message)).toEqual(["Manual re-entry by e-mail from Salesforce to SAP costs an estimated 10–20 h/week (the article's figure per team) (gap/no-integration)"]);
    });

    test('does not fire once the flow is an API integration', async () => {
        const { findings } = await check(bad.replace('style manual', `style api  ${SECURE}`), 'gap/no-integration');
        expect(findings).toEqual([]);
    });

    test('does not fire on a planned manual flow (the as-is estate only)', async () => {
        const { findings } = await check(bad.replace('style manual', 'style manual  status planned'), 'gap/no-integration');
        expect(findings).toEqual([]);
    });
});

describe('gap/batch', () => {
    const bad = SYSTEMS + `flow Nightly : Salesforce -> SAP { carries Customer.name  style batch  schedule nightly  ${SECURE} }\n`;

    test("fires when the schedule is staler than the entity's freshness, on the schedule", async () => {
        const { findings, diagnostics } = await check(bad, 'gap/batch');
        expect(findings.map(f => f.message)).toEqual(["Nightly runs nightly (data up to 1 day old), but Customer may be at most 15 minutes old: decisions on yesterday's numbers (gap/batch)"]);
        expect(diagnostics[0].range.start).toEqual(at(bad, 'nightly'));
        expect(findings[0].data).toMatchObject({ stalenessMinutes: 1440, requiredMinutes: 15 });
    });

    test('fires when a process that uses the flow needs fresher data', async () => {
        const text = bad.replace('freshness 15 minutes  ', '').replace('schedule nightly', 'schedule every 2 hours')
            + 'process Quote { needs hourly  steps Nightly }\n';
        const { findings } = await check(text, 'gap/batch');
        expect(findings.map(f => f.message)).toEqual(['Nightly runs every 2 hours (data up to 2 hours old), but process Quote needs data at most 1 hour old: decisions on stale data (gap/batch)']);
    });

    test('does not fire when the schedule meets the freshness', async () => {
        const { findings } = await check(bad.replace('schedule nightly', 'schedule every 15 minutes'), 'gap/batch');
        expect(findings).toEqual([]);
    });

    test('does not fire without a freshness or process need', async () => {
        const { findings } = await check(bad.replace('freshness 15 minutes  ', ''), 'gap/batch');
        expect(findings).toEqual([]);
    });
});

describe('gap/one-way', () => {
    const ONE_WAY = `
department Sales "Sales"
entity Customer { master Crm  field name }
system Crm { kind crm  department Sales  stores Customer }
system Erp { kind erp  department Sales  stores Customer  edits Customer }
flow CustomerSync : Crm -> Erp { carries Customer.name  style api  ${SECURE} }
`;

    test('fires when the target edits the entity and nothing carries it back', async () => {
        const { findings, diagnostics } = await check(ONE_WAY, 'gap/one-way');
        expect(findings.map(f => f.message)).toEqual(['Erp edits Customer, but no flow carries Customer back from Erp to Crm: changes in Erp never come back (gap/one-way)']);
        expect(diagnostics[0].range.start).toEqual(at(ONE_WAY, 'CustomerSync'));
        expect(findings[0].data).toEqual({ entity: 'Customer', from: 'Erp', to: 'Crm' });
    });

    test('does not fire when the flow is two-way', async () => {
        const { findings } = await check(ONE_WAY.replace('Crm -> Erp', 'Crm <-> Erp'), 'gap/one-way');
        expect(findings).toEqual([]);
    });

    test('does not fire when a live flow carries the entity back', async () => {
        const text = ONE_WAY + `flow CustomerBack : Erp -> Crm { carries Customer.name  style api  ${SECURE} }\n`;
        const { findings } = await check(text, 'gap/one-way');
        expect(findings).toEqual([]);
    });

    test('a planned back-flow does not close the gap today', async () => {
        const text = ONE_WAY + `flow CustomerBack : Erp -> Crm { carries Customer.name  style api  ${SECURE}  status planned }\n`;
        const { findings } = await check(text, 'gap/one-way');
        expect(findings.map(f => f.element.name)).toEqual(['CustomerSync']);
    });

    test('does not fire when the target does not edit the entity', async () => {
        const { findings } = await check(ONE_WAY.replace('  edits Customer', ''), 'gap/one-way');
        expect(findings).toEqual([]);
    });
});

describe('gap/fragile', () => {
    const good = SYSTEMS + `flow Sync : Salesforce -> SAP { carries Customer.name  style api  ${SECURE} }\n`;

    test('fires on a script, on the style', async () => {
        const text = good.replace('style api', 'style script');
        const { findings, diagnostics } = await check(text, 'gap/fragile');
        expect(findings.map(f => f.message)).toEqual(['Sync is a custom script that breaks when either system updates; its owner is Eva: expect outages and firefighting (gap/fragile)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'script'));
    });

    test('fires on an automated flow that is not monitored, naming the owner it found, on the name', async () => {
        const text = good.replace('  monitored  owner "Eva"', '');
        const { findings, diagnostics } = await check(text, 'gap/fragile');
        expect(findings.map(f => f.message)).toEqual(['Sync is not monitored; its owner is Eva (owner of its target SAP): expect outages and firefighting (gap/fragile)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'Sync :'));
        expect(findings[0].data).toEqual({ script: false, monitored: false, owner: 'Eva', ownerFrom: 'consumer' });
    });

    test('does not fire on a monitored, owned API flow', async () => {
        expect((await check(good, 'gap/fragile')).findings).toEqual([]);
    });
});

describe('gap/fragile infers ownership and monitoring', () => {
    /** Two systems, a platform and a flow between them, each owner written only where asked. */
    const estate = (options: { flow?: string; platform?: string; target?: string; source?: string; via?: string; monitored?: boolean }) => `
entity Customer { master Crm  field name }
platform Hub { kind ipaas${options.platform ? `  owner "${options.platform}"` : ''} }
system Crm { kind crm  stores Customer${options.source ? `  owner "${options.source}"` : ''} }
system Erp { kind erp  stores Customer${options.target ? `  owner "${options.target}"` : ''} }
flow Sync : Crm -> Erp { carries Customer.name  style api  auth oauth2  tls 1.2${options.via ? `  via ${options.via}` : ''}${options.monitored === false ? '' : '  monitored'}${options.flow ? `  owner "${options.flow}"` : ''} }
`;
    const everyone = { flow: 'Flo', platform: 'Pat', target: 'Tara', source: 'Sam', via: 'Hub' };

    test.each([
        ['the flow names its owner', everyone, 'Flo', 'flow'],
        ['else the platform it runs via', { ...everyone, flow: undefined }, 'Pat (owner of its platform Hub)', 'platform'],
        ['else the target system, which consumes the data', { ...everyone, flow: undefined, platform: undefined }, 'Tara (owner of its target Erp)', 'consumer'],
        ['else the source system', { ...everyone, flow: undefined, platform: undefined, target: undefined }, 'Sam (owner of its source Crm)', 'producer']
    ])('%s', async (_step, owners, named, from) => {
        expect((await check(estate(owners), 'gap/fragile')).findings).toEqual([]);
        const { findings } = await check(estate({ ...owners, monitored: false }), 'gap/fragile');
        expect(findings.map(f => f.message)).toEqual([`Sync is not monitored; its owner is ${named}: expect outages and firefighting (gap/fragile)`]);
        expect(findings[0].data).toMatchObject({ ownerFrom: from });
    });

    test('reports no owner only when nobody along the chain is named', async () => {
        const { findings } = await check(estate({ via: 'Hub' }), 'gap/fragile');
        expect(findings.map(f => f.message)).toEqual(['Sync has no owner (none on the flow, its platform or either system): expect outages and firefighting (gap/fragile)']);
        expect(findings[0].data).toEqual({ script: false, monitored: true, owner: undefined, ownerFrom: undefined });
    });

    test('a flow via a platform that declares monitored is monitored', async () => {
        const text = estate({ target: 'Tara', via: 'Hub', monitored: false }).replace('kind ipaas', 'kind ipaas  monitored');
        expect((await check(text, 'gap/fragile')).findings).toEqual([]);
    });

    test.each(['MuleSoft', 'Boomi', 'Workato'])('the standard library\'s iPaaS %s monitors what it runs', async platform => {
        expect((await check(estate({ target: 'Tara', via: platform, monitored: false }), 'gap/fragile')).findings).toEqual([]);
    });

    test.each(['Zapier', 'Make'])('the standard library\'s %s does not', async platform => {
        const { findings } = await check(estate({ target: 'Tara', via: platform, monitored: false }), 'gap/fragile');
        expect(findings.map(f => f.data?.monitored)).toEqual([false]);
    });
});

describe('gap/conflicting-master', () => {
    const bad = SYSTEMS.replace('master Salesforce  ', '');

    test('fires as an error on an entity stored twice without master', async () => {
        const { findings, diagnostics } = await check(bad, 'gap/conflicting-master');
        expect(findings.map(f => f.message)).toEqual(['Customer is stored in Salesforce and SAP but has no master: every copy can claim to be right (gap/conflicting-master)']);
        expect(findings[0].severity).toBe('error');
        expect(findings[0].data).toEqual({ candidates: ['Salesforce', 'SAP'] });
        expect(diagnostics[0].range.start).toEqual(at(bad, 'Customer {'));
    });

    test('fires on two masters, on the masters', async () => {
        const text = SYSTEMS.replace('master Salesforce', 'master Salesforce, SAP');
        const { findings, diagnostics } = await check(text, 'gap/conflicting-master');
        expect(findings.map(f => f.message)).toEqual(['Customer has 2 masters (Salesforce and SAP); exactly one system of record can resolve conflicts (gap/conflicting-master)']);
        expect(diagnostics[0].range.start).toEqual(at(text, 'Salesforce, SAP'));
    });

    test('does not fire with exactly one master', async () => {
        expect((await check(SYSTEMS, 'gap/conflicting-master')).findings).toEqual([]);
    });
});

describe('gap/excel-export', () => {
    const bad = SYSTEMS + `system Sheet { kind spreadsheet  department Sales  owner "Li" }
flow Export : Salesforce -> Sheet { carries Customer.segment  style file  ${SECURE} }
`;

    test('fires on a flow into a spreadsheet, on the target', async () => {
        const { findings, diagnostics } = await check(bad, 'gap/excel-export');
        expect(findings.map(f => f.message)).toEqual(['Export exports Customer from Salesforce into spreadsheet Sheet; the copy is stale from the moment it is taken (gap/excel-export)']);
        const arrow = at(bad, '-> Sheet');
        expect(diagnostics[0].range.start).toEqual({ line: arrow.line, character: arrow.character + 3 });
    });

    test('does not fire when the target is a real system', async () => {
        const { findings } = await check(bad.replace('kind spreadsheet', 'kind analytics'), 'gap/excel-export');
        expect(findings).toEqual([]);
    });
});

describe('gap/shared-database', () => {
    const bad = SYSTEMS + `flow Shared : Salesforce -> SAP { carries Customer.name  style shared-db  ${SECURE} }\n`;

    test('fires on a shared database between two departments, on the style', async () => {
        const { findings, diagnostics } = await check(bad, 'gap/shared-database');
        expect(findings.map(f => f.message)).toEqual(['Salesforce (Sales) and SAP (Finance) share a database; a schema change by either department breaks the other (gap/shared-database)']);
        expect(diagnostics[0].range.start).toEqual(at(bad, 'shared-db'));
    });

    test('does not fire within one department', async () => {
        const text = bad.replace('kind erp  department Finance', 'kind erp  department Sales');
        expect((await check(text, 'gap/shared-database')).findings).toEqual([]);
    });
});
