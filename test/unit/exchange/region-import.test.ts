import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estateOf, filesOf, integ, scratch } from './exchange-cli.js';

describe('importing where a system is hosted', () => {
    it('a "Hosting country" column becomes region; a value that is no region is a TODO, not a guess', async () => {
        const folder = scratch('region');
        writeFileSync(join(folder, 'apps.csv'), 'name,department,Hosting country\nCRM,Sales,US\nERP,Finance,Germany\n');
        const result = await integ(folder, 'import', 'csv', 'apps.csv', '-o', 'model');
        expect(result.code, result.stderr).toBe(0);
        const { estate, languageErrors } = await estateOf(join(folder, 'model'));
        expect(languageErrors).toEqual([]);
        expect(estate.systems.get('CRM')?.region).toBe('us');
        expect(estate.systems.get('ERP')?.region).toBeUndefined();
        expect(Object.values(filesOf(join(folder, 'model'))).join('\n')).toContain('// TODO region "Germany": not eu, eea, uk or an ISO 3166 country code');
    });

    it('what an export writes of processors, agreements, purposes and safeguards comes back on import', async () => {
        const folder = scratch('processors');
        writeFileSync(join(folder, 'estate.integ'), `entity Customer { master Shop  field email: PII }
system Shop { kind custom  region de  stores Customer }
system Crm { kind crm  region us  processor "CRM Inc."  agreements dpa, baa  stores Customer }
flow ShopToCrm : Shop -> Crm { carries Customer.email  style api  purpose "Answer customers"  transfer scc }
`);
        expect((await integ(folder, 'export', 'csv', 'estate.integ', '-o', 'csv')).code).toBe(0);
        const result = await integ(folder, 'import', 'csv', 'csv/applications.csv', 'csv/interfaces.csv', 'csv/data-objects.csv', '-o', 'model');
        expect(result.code, result.stderr).toBe(0);
        const { estate, languageErrors } = await estateOf(join(folder, 'model'));
        expect(languageErrors).toEqual([]);
        expect(estate.systems.get('Crm')).toMatchObject({ region: 'us', processor: 'CRM Inc.', agreements: ['dpa', 'baa'] });
        expect(estate.flows.get('ShopToCrm')).toMatchObject({ purpose: 'Answer customers', transfer: 'scc' });
    });
});
