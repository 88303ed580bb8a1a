import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integ, tempFolder, writeFiles } from './diff-fixture.js';

const ESTATE = `
department Ops "Ops" { champions "Ana", "Ben" }
system Alpha "CRM" { kind crm  department Ops  owner "Ana"  hosting saas }
system Beta "ERP" { kind erp  department Ops  owner "Ben"  hosting saas }
system Gamma { kind custom  department Ops  owner "Ben" }
system Old "Old tool" { kind custom  department Ops  owner "Ben" }
flow Feed "Order feed" : Alpha -> Beta { style api  auth oauth2  tls 1.2  owner "Ana" }
`;

/** Every reference rewritten, as the language's rename does; Old is replaced by a different system. */
const RENAMED = ESTATE.replace(/\bAlpha\b/g, 'Crm').replace(/\bBeta\b/g, 'Erp').replace(/\bFeed\b/g, 'OrderFeed').replace(/\bGamma\b/g, 'Delta')
    .replace('system Old "Old tool" { kind custom', 'system New "New tool" { kind legacy');

let cwd: string;

beforeAll(async () => {
    cwd = await tempFolder('renames');
    await writeFiles(cwd, { 'before/estate.integ': ESTATE, 'after/estate.integ': RENAMED });
});

afterAll(async () => {
    await fs.rm(cwd, { recursive: true, force: true });
});

describe('integ diff: renames', () => {
    it('recognises renamed systems, a flow renamed between them, and a declaration whose title is its name', async () => {
        const result = await integ(cwd, 'diff', 'before', 'after', '--format', 'json');
        expect(result.code).toBe(0);
        const diff = JSON.parse(result.stdout);
        expect(diff.declarations).toEqual([
            { change: 'renamed', kind: 'system', name: 'Crm', from: 'Alpha', title: 'CRM' },
            { change: 'renamed', kind: 'system', name: 'Delta', from: 'Gamma', title: 'Delta' },
            { change: 'renamed', kind: 'system', name: 'Erp', from: 'Beta', title: 'ERP' },
            { change: 'added', kind: 'system', name: 'New', title: 'New tool' },
            { change: 'removed', kind: 'system', name: 'Old', title: 'Old tool' },
            { change: 'renamed', kind: 'flow', name: 'OrderFeed', from: 'Feed', title: 'Order feed' }
        ]);
    });

    it('carries findings over a rename: none introduced or resolved by renaming alone', async () => {
        const diff = JSON.parse((await integ(cwd, 'diff', 'before', 'after', '--format', 'json')).stdout);
        const renamedNames = new Set(['Crm', 'Erp', 'Delta', 'OrderFeed', 'Alpha', 'Beta', 'Gamma', 'Feed']);
        const touching = [...diff.findings.introduced, ...diff.findings.resolved].filter((f: { element: { name: string } }) => renamedNames.has(f.element.name));
        expect(touching).toEqual([]);
        // There are findings to carry: Feed is not monitored, Gamma has no flow.
        const checked = JSON.parse((await integ(cwd, 'check', 'before', '--format', 'json')).stdout) as Array<{ ruleId: string; message: string }>;
        expect(checked.some(f => f.ruleId === 'gap/fragile' && f.message.startsWith('Feed '))).toBe(true);
        expect(checked.some(f => f.ruleId === 'inventory/disconnected-system' && f.message.startsWith('Gamma '))).toBe(true);
    });

    it('says so in one line per rename', async () => {
        const { stdout } = await integ(cwd, 'diff', 'before', 'after');
        expect(stdout.split('\n')[0]).toMatch(/^integ diff before → after: 1 added, 1 removed, 4 renamed;/);
        expect(stdout).toContain('\n  renamed system Alpha → Crm\n');
        expect(stdout).toContain('\n  renamed flow Feed → OrderFeed\n');
    });
});
