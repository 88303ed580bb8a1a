// Inputs for the exchange figures of `npm run bench` (section `exchange`): a 10,000-row application
// inventory with a 10,000-row interfaces table, shaped like a spreadsheet export, and two estates
// of 1,000 systems that differ in 20 declarations, for `integ diff`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeEstate } from './gen-estate.mjs';

export const INVENTORY_ROWS = 10_000;
const KINDS = ['crm', 'erp', 'finance', 'hr', 'marketing', 'analytics', 'Excel', 'custom', 'legacy', 'COTS'];
const STYLES = ['REST', 'SFTP', 'manual entry', 'batch', 'Kafka', 'e-mail'];
const SCHEDULES = ['realtime', 'nightly', 'every 15 minutes', 'Weekly', 'on demand'];

/** Writes applications.csv and interfaces.csv into `folder`; returns their paths. */
export function writeInventory(folder, rows = INVENTORY_ROWS) {
    mkdirSync(folder, { recursive: true });
    const name = i => `App ${i} ${i % 7 === 0 ? 'Workbook' : 'Suite'}`;
    const apps = ['Application Name;Business Unit;Application Owner;Type;Deployment;Lifecycle;Number of users;Vendor'];
    for (let i = 0; i < rows; i++) {
        apps.push(`${name(i)};Department ${i % 40};Owner ${i % 300};${KINDS[i % KINDS.length]};${i % 3 ? 'SaaS' : 'on premise'};${i % 11 ? 'Active' : 'Retired'};${i % 500};Vendor ${i % 90}`);
    }
    const interfaces = ['From;To;Data;Integration type;Frequency;Authentication'];
    for (let i = 0; i < rows; i++) {
        const source = (i * 7919) % rows;
        const target = (source + 1 + (i % 13)) % rows;
        interfaces.push(`${name(source)};${name(target)};Record ${i % 60};${STYLES[i % STYLES.length]};${SCHEDULES[i % SCHEDULES.length]};${i % 4 ? 'OAuth 2.0' : 'basic'}`);
    }
    const files = [join(folder, 'applications.csv'), join(folder, 'interfaces.csv')];
    writeFileSync(files[0], apps.join('\n') + '\n');
    writeFileSync(files[1], interfaces.join('\n') + '\n');
    return files;
}

/** Writes `base/` and `head/` under `folder`: the generated estate, and the same with 10 systems added and 10 retitled. */
export function writeDiffPair(folder, estateFiles) {
    const base = join(folder, 'base');
    const head = join(folder, 'head');
    writeEstate(base, estateFiles);
    let retitled = 0;
    writeEstate(head, estateFiles.map((file, index) => ({
        name: file.name,
        text: (index === 0 ? file.text + Array.from({ length: 10 }, (_, i) => `system Added${i} "Added ${i}" { kind custom }\n`).join('') : file.text)
            .replace(/^system (\w+) "([^"]+)"/gm, (whole, systemName, title) => (retitled < 10 && index === 1 ? (retitled++, `system ${systemName} "${title} (new title)"`) : whole))
    })));
    return { base, head };
}
