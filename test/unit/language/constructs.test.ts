import { describe, expect, test } from 'vitest';
import { languageDiagnostics, loadTexts } from '../helpers/workspace.js';

/** Loads one file and fails with the diagnostics when it does not parse and link cleanly. */
async function clean(text: string) {
    const ws = await loadTexts({ 'model.integ': text });
    expect(languageDiagnostics(ws)).toEqual([]);
    return ws.analysis.estate;
}

const SYSTEMS = `
department Sales "Sales" { champions "Ana Ruiz", "Li Wei" }
entity Customer { master Crm  field name: PII  field email: PII  field segment }
system Crm "CRM" { kind crm  department Sales  stores Customer }
system Erp "ERP" { kind erp  stores Customer  edits Customer }
`;

describe('every construct of the language parses and resolves', () => {
    test('policy with every setting', async () => {
        const estate = await clean(`policy {
  wip-limit 3
  champions 2 to 4 per department
  parallel-run 1 to 6 weeks
  min-tls 1.3
  downtime-budget 4 hours per month
  hourly-cost 60 USD
  rule "security/sso" off
  rule "gap/batch" error
}`);
        expect(estate.policy).toMatchObject({
            wipLimit: 3, champions: { min: 2, max: 4 }, parallelRunWeeks: { min: 1, max: 6 }, minTls: 1.3,
            downtimeBudgetHoursPerMonth: 4, hourlyCost: { amount: 60, currency: 'USD' },
            ruleSeverity: { 'security/sso': 'off', 'gap/batch': 'error' }
        });
    });

    test('policy defaults are the article figures', async () => {
        const estate = await clean('');
        expect(estate.policy).toMatchObject({ wipLimit: 2, champions: { min: 2, max: 3 }, parallelRunWeeks: { min: 2, max: 4 }, minTls: 1.2, downtimeBudgetHoursPerMonth: 2 });
    });

    test('department with champions and head', async () => {
        const estate = await clean('department Ops "Operations" { champions "Sam", "Mia"  head "Kim Lee" }\ndepartment Bare');
        expect(estate.departments.get('Ops')).toMatchObject({ title: 'Operations', champions: ['Sam', 'Mia'], head: 'Kim Lee' });
        expect(estate.departments.get('Bare')).toMatchObject({ title: 'Bare', champions: [] });
    });

    test('regulation with retention', async () => {
        const estate = await clean('regulation CCPA "California Consumer Privacy Act" { retention 2 years }');
        expect(estate.regulations.get('CCPA')).toMatchObject({ retentionMonths: 24 });
    });

    test('classification with level, regulations and requirements', async () => {
        const estate = await clean(`classification Payroll "Payroll data" {
  level restricted
  regulations GDPR, SOX
  requires tls 1.3, encryption aes256, audit, oauth2, retention 18 months
}`);
        expect(estate.classifications.get('Payroll')).toMatchObject({
            level: 'restricted', regulations: ['GDPR', 'SOX'],
            requires: { minTls: 1.3, encryption: 'aes256', audit: true, oauth2: true, retentionMonths: 18 }
        });
    });

    test('entity with master, freshness and classified fields', async () => {
        const estate = await clean(SYSTEMS + 'entity Lead { master Crm, Erp  freshness 2 hours  field source  field phone: PII }');
        expect(estate.entities.get('Lead')).toMatchObject({
            masters: ['Crm', 'Erp'], freshnessMinutes: 120,
            fields: [{ name: 'source' }, { name: 'phone', classification: 'PII' }]
        });
    });

    test('platform with every property', async () => {
        const estate = await clean(`platform Hub "Integration hub" {
  kind esb
  supports open-api, webhooks, bulk, connectors, sso
  agreements dpa, baa
  best-for "Legacy estates"
  volume moderate
  price 1000 to 5000 USD per month
}`);
        expect(estate.platforms.get('Hub')).toMatchObject({
            platformKind: 'esb', supports: ['open-api', 'webhooks', 'bulk', 'connectors', 'sso'], agreements: ['dpa', 'baa'],
            bestFor: 'Legacy estates', volume: 'moderate', price: { min: 1000, max: 5000, currency: 'USD', per: 'month' }
        });
    });

    test('system with every property', async () => {
        const estate = await clean(SYSTEMS + `system Sheet "Pricing sheet" {
  kind spreadsheet
  department Sales
  owner "Li Wei"
  hosting desktop
  shadow
  stores Customer
  edits Customer
  encryption none
  supports bulk, sso-saml, sso-oidc
  users 4
  status retired
}`);
        expect(estate.systems.get('Sheet')).toMatchObject({
            systemKind: 'spreadsheet', department: 'Sales', owner: 'Li Wei', hosting: 'desktop', shadow: true,
            stores: ['Customer'], edits: ['Customer'], encryption: 'none', supports: ['bulk', 'sso-saml', 'sso-oidc'], users: 4, status: 'retired'
        });
        expect(estate.systems.get('Crm')).toMatchObject({ status: 'live', shadow: false });
    });

    test('one-way flow with every property', async () => {
        const estate = await clean(SYSTEMS + `flow Sync "Customer sync" : Crm -> Erp {
  carries Customer.name, Customer.email
  style api
  schedule every 15 minutes
  via MuleSoft
  auth oauth2
  secrets vault
  tls 1.2
  audit retention 7 years
  monitored
  reconciled
  owner "Integration team"
  effort 12 hours per week
  errors 3%
  downtime 3 hours per month
  volume 5000 per day
  status planned
}`);
        expect(estate.flows.get('Sync')).toMatchObject({
            sourceSystem: 'Crm', targetSystem: 'Erp', twoWay: false,
            carries: [{ entity: 'Customer', fields: ['name', 'email'], all: false }],
            style: 'api', schedule: { kind: 'every', stalenessMinutes: 15 }, via: 'MuleSoft', auth: 'oauth2', secrets: 'vault',
            tls: 1.2, audit: true, auditRetentionMonths: 84, monitored: true, reconciled: true, owner: 'Integration team',
            effortHoursPerWeek: 12, errorRatePercent: 3, downtimeHoursPerMonth: 3, volumePerDay: 5000, status: 'planned'
        });
    });

    test('two-way flow carrying Entity.* and each schedule', async () => {
        const schedules = ['realtime', 'hourly', 'daily', 'nightly', 'weekly', 'monthly', 'on-demand'];
        const flows = schedules.map((s, i) => `flow F${i} : Crm <-> Erp { carries Customer.*  style batch  schedule ${s}  tls none }`).join('\n');
        const estate = await clean(SYSTEMS + flows);
        expect(estate.flows.get('F0')).toMatchObject({ twoWay: true, carries: [{ entity: 'Customer', fields: ['name', 'email', 'segment'], all: true }], tls: 'none' });
        expect(schedules.map((_, i) => estate.flows.get(`F${i}`)?.schedule?.stalenessMinutes)).toEqual([0, 60, 1440, 1440, 10080, 43200, undefined]);
    });

    test('every flow style, auth kind and secret store', async () => {
        const styles = ['manual', 'email', 'file', 'batch', 'api', 'webhook', 'event', 'cdc', 'script', 'shared-db'];
        const auths = ['oauth2', 'mtls', 'api-key', 'basic', 'shared-account', 'none'];
        const secrets = ['vault', 'platform', 'env', 'hardcoded'];
        const flows = styles.map((style, i) => `flow S${i} : Crm -> Erp { style ${style}  auth ${auths[i % auths.length]}  secrets ${secrets[i % secrets.length]} }`).join('\n');
        const estate = await clean(SYSTEMS + flows);
        expect(styles.map((_, i) => estate.flows.get(`S${i}`)?.style)).toEqual(styles);
    });

    test('process with rank, needs, owner and steps', async () => {
        const estate = await clean(SYSTEMS + `flow Sync : Crm -> Erp { style api }
process LeadToOrder "Lead to order" { rank 3  needs every 1 hour  owner "Ana Ruiz"  steps Sync }`);
        expect(estate.processes.get('LeadToOrder')).toMatchObject({ rank: 3, needs: { kind: 'every', stalenessMinutes: 60 }, owner: 'Ana Ruiz', steps: ['Sync'] });
    });

    test('roadmap with initiatives and targets; months across a year boundary', async () => {
        const estate = await clean(SYSTEMS + `flow Old : Crm -> Erp { style manual  effort 10 hours per week }
flow New : Crm -> Erp { style api  status planned }
roadmap R "Roadmap" {
  start 2026-11
  initiative A "First" {
    priority 1
    months 2 to 4
    depends-on B
    departments Sales
    replaces Old
    delivers New
    platform Boomi
    parallel-run 3 weeks
    retrospective 30 days
    cost 80000 USD
    targets { manual-hours -50%  error-rate below 1%  report-time -75%  productivity +15%  downtime below 2 hours per month }
  }
  initiative B { months 1 }
}`);
        expect(estate.initiatives.get('A')).toMatchObject({
            roadmap: 'R', priority: 1, months: { from: 2, to: 4 },
            startMonth: { year: 2026, month: 12 }, endMonth: { year: 2027, month: 2 },
            dependsOn: ['B'], departments: ['Sales'], replaces: ['Old'], delivers: ['New'], platform: 'Boomi',
            parallelRunWeeks: 3, retrospectiveDays: 30, cost: { amount: 80000, currency: 'USD' },
            targets: { manualHoursPercent: -50, errorRateBelowPercent: 1, reportTimePercent: -75, productivityPercent: 15, downtimeBelowHoursPerMonth: 2 }
        });
        expect(estate.initiatives.get('B')).toMatchObject({ months: { from: 1, to: 1 }, startMonth: { year: 2026, month: 11 } });
        expect(estate.roadmaps.get('R')).toMatchObject({ start: { year: 2026, month: 11 }, initiatives: ['A', 'B'] });
    });

    test('accept waiver on any declaration, with ticket and until', async () => {
        const estate = await clean(SYSTEMS + `accept "security/sso" on Crm "Vendor has no SSO" { ticket "OPS-7"  until 2027-06 }
accept "gap/conflicting-master" on Customer "Being fixed"`);
        expect(estate.waivers).toEqual([
            expect.objectContaining({ rule: 'security/sso', target: 'Crm', reason: 'Vendor has no SSO', ticket: 'OPS-7', until: '2027-06-30' }),
            expect.objectContaining({ rule: 'gap/conflicting-master', target: 'Customer', until: undefined })
        ]);
    });

    test('keywords are usable as names and titles keep escaped quotes', async () => {
        const estate = await clean(`entity Order { field status  field kind  field field }
system Make "The \\"Make\\" tool" { kind custom  stores Order }
system policy { stores Order }
flow flow : Make -> policy { carries Order.status, Order.field }`);
        expect(estate.systems.get('Make')?.title).toBe('The "Make" tool');
        expect(estate.flows.get('flow')).toMatchObject({ sourceSystem: 'Make', targetSystem: 'policy', carries: [{ fields: ['status', 'field'] }] });
    });

    test('hyphenated names stay one name while -> still splits', async () => {
        const estate = await clean(`regulation EU-AI-Act
classification Model-Data { regulations EU-AI-Act }
system A-1 { }
system B_2 { }
flow X : A-1->B_2 { }`);
        expect(estate.classifications.get('Model-Data')?.regulations).toEqual(['EU-AI-Act']);
        expect(estate.flows.get('X')).toMatchObject({ sourceSystem: 'A-1', targetSystem: 'B_2' });
    });

    test('comments of both kinds are ignored', async () => {
        const estate = await clean('/* block\n comment */ system A { // line comment\n kind crm /* inline */ }');
        expect(estate.systems.get('A')?.systemKind).toBe('crm');
    });
});
