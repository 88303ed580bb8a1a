import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SCHEMAS, estateOf, integ, scratch } from './exchange-cli.js';

/** Imports, then loads the written folder as `integ check` would: no language errors allowed. */
async function imported(args: string[], cwd = FIXTURES) {
    const out = join(scratch('tool'), 'model');
    const result = await integ(cwd, 'import', ...args, '-o', out);
    expect(result.code, result.stderr).toBe(0);
    const loaded = await estateOf(out);
    expect(loaded.languageErrors).toEqual([]);
    return { ...result, ...loaded, out };
}

describe('ServiceNow preset', () => {
    it('reads cmdb_ci_business_app and cmdb_rel_ci list exports', async () => {
        const { estate, stdout } = await imported(['csv', 'servicenow/cmdb_ci_business_app.csv', 'servicenow/cmdb_rel_ci.csv', '--preset', 'servicenow']);
        const sap = estate.systems.get('SAPS4HANA')!;
        expect(sap).toMatchObject({ title: 'SAP S/4HANA', department: 'Finance', owner: 'Robert Lang', hosting: 'on-prem', status: 'live', users: 400 });
        expect(estate.systems.get('LegacyQuotingTool')).toMatchObject({ status: 'retired', systemKind: 'custom' });
        expect(estate.departments.get('HumanResources')?.title).toBe('Human Resources');
        const flows = [...estate.flows.values()].map(flow => `${flow.sourceSystem}->${flow.targetSystem}`).sort();
        expect(flows).toEqual(['PlantSchedulingWorkbook->SAPS4HANA', 'SalesforceSalesCloud->SAPS4HANA', 'WorkdayHCM->SAPS4HANA']);
        expect(stdout).toContain('cmdb_rel_ci.csv:5: relationship type "Runs on::Runs" carries no data');
        expect(stdout).toContain('cmdb_rel_ci.csv:6: interface: source "Okta" is not an imported application');
        expect(stdout).toMatch(/^imported 5 systems and 3 flows: \d+ gaps?, \d+ security errors?; open the diagram with/m);
    });

    it('flags the end-user-computing workbook as shadow IT and says so', async () => {
        const { estate, stdout } = await imported(['csv', 'servicenow/cmdb_ci_business_app.csv', '--preset', 'servicenow']);
        expect(estate.systems.get('PlantSchedulingWorkbook')).toMatchObject({ systemKind: 'personal-tool', shadow: true });
        expect(stdout).toMatch(/shadow-IT candidates \(1\):\n {2}PlantSchedulingWorkbook/);
    });

    it('writes values it cannot map as TODO comments on the element', async () => {
        const { out } = await imported(['csv', 'servicenow/cmdb_ci_business_app.csv', '--preset', 'servicenow']);
        const sales = (await import('node:fs')).readFileSync(join(out, 'sales.integ'), 'utf8');
        expect(sales).toMatch(/system SalesforceSalesCloud "Salesforce Sales Cloud" \{\n(?: {2}\/\/ TODO .*\n)* {2}\/\/ TODO kind "COTS": not one of crm, erp/);
        expect(sales).toContain('// TODO vendor: Salesforce, Inc.');
        expect(sales).not.toContain('sys_id');
    });
});

describe('LeanIX preset', () => {
    it('reads Application, Interface and DataObject fact sheets from an Excel export (lifecycle dates, relations, formulas)', async () => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Export');
        sheet.addRow(['id', 'type', 'name', 'description', 'lifecycle:plan', 'lifecycle:phaseIn', 'lifecycle:active', 'lifecycle:phaseOut', 'lifecycle:endOfLife',
            'businessCriticality', 'relApplicationToUserGroup', 'relInterfaceToProviderApplication', 'relInterfaceToConsumerApplication', 'relInterfaceToDataObject', 'frequency', 'dataFlowDirection']);
        sheet.addRow(['0a1b2c3d-0000-4000-8000-000000000001', 'Application', 'HubSpot Marketing', 'Campaigns and leads', '2019-01-01', '2019-03-01', '2019-06-01', '', '', 'businessCritical', 'Marketing']);
        sheet.addRow(['0a1b2c3d-0000-4000-8000-000000000002', 'Application', 'Salesforce', '', '2018-01-01', '', '2018-05-01', '', '', 'missionCritical', 'Sales']);
        sheet.addRow(['0a1b2c3d-0000-4000-8000-000000000003', 'Application', 'New CPQ', '', '2099-01-01', '', '', '', '', '', 'Sales']);
        sheet.addRow(['0a1b2c3d-0000-4000-8000-000000000004', 'Interface', 'Lead handover', '', '', '', '2020-01-01', '', '', '', '', 'HubSpot Marketing', 'Salesforce', 'Lead', 'Daily', 'Bidirectional']);
        sheet.addRow(['0a1b2c3d-0000-4000-8000-000000000005', 'DataObject', 'Lead']);
        sheet.addRow(['0a1b2c3d-0000-4000-8000-000000000006', 'ITComponent', 'PostgreSQL 15']);
        sheet.getCell('C3').value = { formula: 'UPPER("salesforce")', result: 'Salesforce' } as ExcelJS.CellFormulaValue;
        const folder = scratch('leanix');
        await workbook.xlsx.writeFile(join(folder, 'leanix-export.xlsx'));
        const { estate, stderr, stdout } = await imported(['xlsx', 'leanix-export.xlsx', '--preset', 'leanix', '--today', '2026-01-15'], folder);
        expect(estate.systems.get('HubSpotMarketing')).toMatchObject({ department: 'Marketing', status: 'live' });
        expect(estate.systems.get('NewCPQ')?.status).toBe('planned');
        const flow = [...estate.flows.values()][0];
        expect(flow).toMatchObject({ title: 'Lead handover', sourceSystem: 'HubSpotMarketing', targetSystem: 'Salesforce', twoWay: true, schedule: { kind: 'daily' } });
        expect(flow.carries.map(carried => carried.entity)).toEqual(['Lead']);
        expect(stderr).toContain('leanix-export.xlsx[Export]:3:3: warning: a formula; its saved result was imported');
        expect(stdout).toContain('fact sheet type "ITComponent" is not imported');
    });
});

describe('Archi preset and ArchiMate exchange files', () => {
    it("reads Archi's CSV trio: components, data objects, groupings, flows, access and properties", async () => {
        const { estate, stdout } = await imported(['csv', 'archi/elements.csv', 'archi/relations.csv', 'archi/properties.csv', '--preset', 'archi']);
        expect(estate.systems.get('SalesforceSalesCloud')).toMatchObject({ department: 'Sales', owner: 'Dana Whitfield', hosting: 'saas', status: 'live', stores: ['Customer'] });
        expect(estate.systems.get('CloseWorkbook')).toMatchObject({ department: 'Finance', systemKind: 'spreadsheet', shadow: true });
        const sync = estate.flows.get('CustomerSync')!;
        expect(sync).toMatchObject({ sourceSystem: 'SalesforceSalesCloud', targetSystem: 'SAPS4HANA', style: 'api', schedule: { text: 'every 15 minutes' } });
        expect(sync.carries.map(carried => carried.entity)).toEqual(['Customer']);
        expect(estate.flows.get('SAPS4HANAToCloseWorkbook')).toBeDefined();
        expect(stdout).toContain('a serving relationship read as data flowing to the served application');
        expect(stdout).toMatch(/1 BusinessProcess element: the language has no place for them/);
    });

    it('reads an exchange file as Archi writes it (a fixture that itself validates against the schemas)', async () => {
        const fixture = join(FIXTURES, 'archimate/archi-export.xml');
        const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'archimate3_Diagram.xsd'), fixture], { env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') }, encoding: 'utf8' });
        expect(lint.status, lint.stderr).toBe(0);
        const { estate } = await imported(['archimate', 'archimate/archi-export.xml']);
        expect(estate.systems.get('SalesforceSalesCloud')).toMatchObject({ stores: ['Customer'], edits: ['Customer'], department: 'Sales', owner: 'Dana Whitfield' });
        expect(estate.systems.get('SAPS4HANA')).toMatchObject({ stores: ['Invoice'], edits: [], department: 'FinanceControlling' });
        expect(estate.departments.get('FinanceControlling')?.title).toBe('Finance & Controlling');
        expect(estate.systems.get('ExpensesSpreadsheet')).toMatchObject({ systemKind: 'spreadsheet', shadow: true });
    });

    it("imports Archi's own test file (business role and process only) as an empty model, saying what was skipped", async () => {
        const folder = scratch('sample1');
        copyFileSync(join(SCHEMAS, 'example-Sample1.xml'), join(folder, 'example-Sample1.xml'));
        const result = await integ(folder, 'import', 'archimate', 'example-Sample1.xml', '-o', 'model');
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('1 BusinessRole element');
        expect(result.stdout).toMatch(/^imported 0 systems and 0 flows/m);
    });
});

describe('header guessing', () => {
    it('maps the columns of an arbitrary spreadsheet and says what it guessed', async () => {
        const { estate, stdout } = await imported(['csv', 'generic/applications.csv', 'generic/interfaces.csv']);
        expect(stdout).toContain('"Application Name" → name');
        expect(stdout).toContain('"Integration type" → style');
        expect(estate.systems.get('FinanceERP')).toMatchObject({ department: 'Finance', owner: 'Tom Berg', hosting: 'on-prem', users: 1200 });
        expect(estate.systems.get('BudgetWorkbookXlsx')).toMatchObject({ systemKind: 'spreadsheet', shadow: true });
        expect(estate.flows.get('CRMOnlineToFinanceERP')).toMatchObject({ style: 'api', auth: 'oauth2' });
        expect(stdout).toMatch(/interfaces\.csv:4: interface: target "Billing Gateway" is not an imported application/);
    });

    it('takes --map over the guess', async () => {
        const folder = scratch('map');
        writeFileSync(join(folder, 'apps.csv'), 'Anwendung,Bereich\nSAP,Finanzen\n');
        const { estate, stderr } = await imported(['csv', 'apps.csv', '--map', 'Anwendung=name', '--map', 'Bereich=department', '--map', 'Kosten=users'], folder);
        expect(estate.systems.get('SAP')?.department).toBe('Finanzen');
        expect(stderr).toContain('warning: --map "Kosten=users": no table has a column "Kosten" (columns: Anwendung, Bereich)');
    });
});
