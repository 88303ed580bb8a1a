// Import benchmark (not a test): a generated 10,000-row application inventory, with an interfaces
// table of 10,000 rows beside it, imported by the built CLI (`npm run build` first). Budget: 10 s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../bin/integ.cjs', import.meta.url));
const ROWS = 10_000;
const BUDGET_MS = 10_000;
const KINDS = ['crm', 'erp', 'finance', 'hr', 'marketing', 'analytics', 'Excel', 'custom', 'legacy', 'COTS'];
const STYLES = ['REST', 'SFTP', 'manual entry', 'batch', 'Kafka', 'e-mail'];
const SCHEDULES = ['realtime', 'nightly', 'every 15 minutes', 'Weekly', 'on demand'];

const folder = mkdtempSync(join(tmpdir(), 'integ-bench-exchange-'));
try {
    const apps = ['Application Name;Business Unit;Application Owner;Type;Deployment;Lifecycle;Number of users;Vendor'];
    for (let i = 0; i < ROWS; i++) {
        apps.push(`App ${i} ${i % 7 === 0 ? 'Workbook' : 'Suite'};Department ${i % 40};Owner ${i % 300};${KINDS[i % KINDS.length]};${i % 3 ? 'SaaS' : 'on premise'};${i % 11 ? 'Active' : 'Retired'};${i % 500};Vendor ${i % 90}`);
    }
    const interfaces = ['From;To;Data;Integration type;Frequency;Authentication'];
    for (let i = 0; i < ROWS; i++) {
        const source = (i * 7919) % ROWS;
        const target = (source + 1 + (i % 13)) % ROWS;
        interfaces.push(`App ${source} ${source % 7 === 0 ? 'Workbook' : 'Suite'};App ${target} ${target % 7 === 0 ? 'Workbook' : 'Suite'};Record ${i % 60};${STYLES[i % STYLES.length]};${SCHEDULES[i % SCHEDULES.length]};${i % 4 ? 'OAuth 2.0' : 'basic'}`);
    }
    writeFileSync(join(folder, 'applications.csv'), apps.join('\n') + '\n');
    writeFileSync(join(folder, 'interfaces.csv'), interfaces.join('\n') + '\n');
    const started = performance.now();
    const output = execFileSync(process.execPath, [cli, 'import', 'csv', join(folder, 'applications.csv'), join(folder, 'interfaces.csv'), '-o', join(folder, 'model')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const elapsed = performance.now() - started;
    const last = output.trim().split('\n').at(-1);
    console.log(`import csv, ${ROWS.toLocaleString('en')} applications + ${ROWS.toLocaleString('en')} interfaces: ${(elapsed / 1000).toFixed(1)} s (budget ${BUDGET_MS / 1000} s) ${elapsed <= BUDGET_MS ? 'ok' : 'OVER BUDGET'}`);
    console.log(`  ${last}`);
} finally {
    rmSync(folder, { recursive: true, force: true });
}
