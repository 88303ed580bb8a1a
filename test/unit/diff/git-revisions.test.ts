import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, SYSTEMS, commit, git, integ, tempFolder, writeFiles } from './diff-fixture.js';

/**
 * A repository with one commit per kind of change, each tagged: v1 the estate; v2 adds a system
 * and a flow without authentication; v3 fixes CustomerFeed's TLS; v4 renames Erp to Ledger as
 * the language's rename does (every reference); v5 only reformats; v6 moves the initiative and
 * moves the Customer entity to another file; v7 deletes the new flow.
 */
const POLICY = 'policy { hourly-cost 50 USD }\n';
const PLANNED = 'flow OrderSync "Order sync" : Crm -> Erp { carries Customer.name  style api  auth oauth2  tls 1.2  audit  monitored  owner "Ana"  status planned }\n';
const roadmap = (months: string) => `
roadmap Plan "Plan" {
  start 2027-01
  initiative AutomateOrders "Automate orders" {
    months ${months}
    departments Ops
    replaces Rekey
    delivers OrderSync
    cost 10000 USD
  }
}
`;
const BILLING = 'system Billing "Billing" { kind finance  department Ops  owner "Ben"  hosting saas  encryption aes256 }\n'
    + 'flow BillingFeed "Billing feed" : Crm -> Billing { carries Customer.name  style api  auth none  tls 1.2  audit  monitored  owner "Ben" }\n';

const v1 = { 'people.integ': PEOPLE + POLICY, 'systems.integ': SYSTEMS + PLANNED, 'roadmap.integ': roadmap('1 to 3') };
const v2 = { ...v1, 'billing.integ': BILLING };
const v3 = { ...v2, 'systems.integ': v2['systems.integ'].replace('tls 1.0', 'tls 1.2') };
const renamed = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replace(/\bErp\b/g, 'Ledger')]));
const v4 = renamed(v3);
const reformatted = (text: string) => `// reformatted\n\n${text.replace(/\{ /g, '{\n    ').replace(/ {2}(?=\S)/g, '\n    ').replace(/ \}/g, '\n}\n')}`;
const v5 = Object.fromEntries(Object.entries(v4).map(([name, text]) => [name, reformatted(text)]));
const entity = /entity Customer[^}]*\}\n?/;
const v6: Record<string, string> = {
    ...v5,
    'roadmap.integ': v5['roadmap.integ'].replace(/months\n?\s*1 to 3/, 'months 2 to 6'),
    'systems.integ': v5['systems.integ'].replace(entity, ''),
    'people.integ': v5['people.integ'] + v5['systems.integ'].match(entity)![0]
};
const v7 = { ...v6, 'billing.integ': v6['billing.integ'].replace(/flow BillingFeed[\s\S]*$/, '') };

let repo: string;

beforeAll(async () => {
    repo = await tempFolder('repo');
    git(repo, 'init', '-q');
    for (const [tag, files] of Object.entries({ v1, v2, v3, v4, v5, v6, v7 })) {
        await commit(repo, tag, files);
        git(repo, 'tag', tag);
    }
});

afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
});

async function jsonDiff(...args: string[]) {
    const result = await integ(repo, 'diff', '--format', 'json', ...args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
}

const brief = (findings: Array<{ ruleId: string; severity: string; element: { kind: string; name: string } }>) =>
    findings.map(f => `${f.severity} ${f.ruleId} ${f.element.kind} ${f.element.name}`);

describe('integ diff between git revisions', () => {
    it('shows an added system and flow and the findings the flow brings, and fails a new-errors gate', async () => {
        const diff = await jsonDiff('v1', 'v2');
        expect(diff.declarations).toEqual([
            { change: 'added', kind: 'system', name: 'Billing', title: 'Billing' },
            { change: 'added', kind: 'flow', name: 'BillingFeed', title: 'Billing feed' }
        ]);
        expect(brief(diff.findings.introduced)).toContain('error security/no-auth flow BillingFeed');
        expect(diff.findings.resolved).toEqual([]);
        expect(diff.summary.newErrors).toBeGreaterThan(0);

        const gated = await integ(repo, 'diff', 'v1', 'v2', '--fail-on', 'new-errors');
        expect(gated.code).toBe(1);
        expect(gated.stdout.split('\n')[0]).toBe('integ diff v1 → v2: 2 added; 1 new error, 1 new warning, 0 findings resolved.');
        expect(gated.stdout).toContain('\nFindings introduced\n  error security/no-auth on flow BillingFeed (auth): BillingFeed from Crm to Billing has no authentication');
    });

    it('shows a TLS fix as one changed property and a resolved error, and passes the gate', async () => {
        const diff = await jsonDiff('v2', 'v3');
        expect(diff.declarations).toEqual([{
            change: 'changed', kind: 'flow', name: 'CustomerFeed', title: 'Customer feed',
            properties: [{ property: 'tls', before: '1.0', after: '1.2' }]
        }]);
        expect(brief(diff.findings.resolved)).toEqual(['error security/tls flow CustomerFeed']);
        expect(diff.findings.introduced).toEqual([]);
        expect(diff.impact.regulatedFlowsOutOfCompliance.delta).toBe(-1);
        expect(diff.impact.openErrors.delta).toBe(-1);
        expect((await integ(repo, 'diff', 'v2', 'v3', '--fail-on', 'new-errors')).code).toBe(0);
        expect((await integ(repo, 'diff', 'v2', 'v3', '--fail-on', 'new-warnings')).code).toBe(0);
        const text = (await integ(repo, 'diff', 'v2', 'v3')).stdout;
        expect(text).toContain('\nDeclarations\n  changed flow CustomerFeed (Customer feed)\n      tls: 1.0 → 1.2\n');
    });

    it('shows a rename that rewrote every reference as one rename, with no finding introduced or resolved', async () => {
        const diff = await jsonDiff('v3', 'v4');
        expect(diff.declarations).toEqual([{ change: 'renamed', kind: 'system', name: 'Ledger', from: 'Erp', title: 'ERP' }]);
        expect(diff.findings).toEqual({ introduced: [], resolved: [], severityChanged: [] });
        expect((await integ(repo, 'diff', 'v3', 'v4')).stdout).toContain('\n  renamed system Erp → Ledger\n');
    });

    it('finds nothing when only the formatting changed', async () => {
        const diff = await jsonDiff('v4', 'v5');
        expect(diff.summary.empty).toBe(true);
        expect(diff.declarations).toEqual([]);
        expect((await integ(repo, 'diff', 'v4', 'v5')).stdout).toBe("integ diff v4 → v5: No changes to the estate's declarations or findings.\n");
        expect((await integ(repo, 'diff', 'v4', 'v5', '--format', 'md')).stdout).toBe("**Estate diff** `v4` → `v5`: No changes to the estate's declarations or findings.\n");
    });

    it('shows a moved initiative with its new months and roadmap length, and a declaration moved to another file as unchanged', async () => {
        const diff = await jsonDiff('v5', 'v6');
        expect(diff.declarations).toEqual([{
            change: 'changed', kind: 'initiative', name: 'AutomateOrders', title: 'Automate orders',
            properties: [{ property: 'months', before: '1 to 3', after: '2 to 6' }]
        }]);
        expect(diff.impact.roadmap.months).toEqual({ before: 3, after: 5, delta: 2 });
        expect(diff.impact.roadmap.hoursSavedPerWeek).toEqual({ before: 10, after: 10, delta: 0 });
        expect(diff.impact.roadmap.cost).toEqual({ before: 10000, after: 10000, delta: 0 });
        const text = (await integ(repo, 'diff', 'v5', 'v6')).stdout;
        expect(text).toMatch(/\n {2}roadmap: months +3 → 5 \(\+2\)\n/);
        expect(text).toMatch(/\n {2}roadmap: cost +10,000 USD → 10,000 USD \(no change\)\n/);
        expect(text).toContain('\n  changed initiative AutomateOrders (Automate orders)\n      months: 1 to 3 → 2 to 6\n');
    });

    it('reports the roadmap figures `integ report` shows for the same estate', async () => {
        const report = JSON.parse((await integ(repo, 'report', '--format', 'json')).stdout).roadmap;
        const roadmap = (await jsonDiff('v6')).impact.roadmap;
        expect(roadmap.hoursSavedPerWeek.after).toBe(report.hoursPerWeek);
        expect(roadmap.cost.after).toBe(report.cost.amount);
        expect(roadmap.currency).toBe(report.cost.currency);
        expect(roadmap.paybackMonths.after).toBe(report.paybackMonths);
        expect(report.paybackMonths).toBeGreaterThan(0);
    });

    it('shows a deleted flow as removed, with its findings resolved', async () => {
        const diff = await jsonDiff('v6', 'v7');
        expect(diff.declarations).toEqual([{ change: 'removed', kind: 'flow', name: 'BillingFeed', title: 'Billing feed' }]);
        expect(brief(diff.findings.resolved)).toContain('error security/no-auth flow BillingFeed');
        // Billing's only flow is gone: the rules now see a system nothing connects.
        expect(brief(diff.findings.introduced)).toEqual(['info inventory/disconnected-system system Billing']);
    });

    it('adds up a series of commits across files into one diff', async () => {
        const diff = await jsonDiff('v1', 'v7');
        expect(diff.declarations.map((c: { change: string; kind: string; name: string }) => `${c.change} ${c.kind} ${c.name}`)).toEqual([
            'added system Billing', 'renamed system Ledger', 'changed flow CustomerFeed', 'changed initiative AutomateOrders'
        ]);
        expect(brief(diff.findings.resolved)).toEqual(['error security/tls flow CustomerFeed']);
    });
});

describe('integ diff against the working tree', () => {
    it('is empty for a clean working tree, shows an uncommitted edit, and never touches the checkout', async () => {
        const clean = await integ(repo, 'diff', 'HEAD');
        expect(clean.code).toBe(0);
        expect(clean.stdout.split('\n')[0]).toBe("integ diff HEAD → working tree: No changes to the estate's declarations or findings.");

        const file = path.join(repo, 'billing.integ');
        const committed = await fs.readFile(file, 'utf8');
        await fs.appendFile(file, 'system Archive "Archive" { kind custom  department Ops  owner "Ben"  hosting cloud  encryption aes256 }\n');
        try {
            const edited = await jsonDiff('HEAD');
            expect(edited.head).toBe('working tree');
            expect(edited.declarations).toEqual([{ change: 'added', kind: 'system', name: 'Archive', title: 'Archive' }]);
            const older = await jsonDiff('HEAD~6');
            expect(older.base).toBe('HEAD~6');
            expect(older.declarations.map((c: { name: string }) => c.name)).toContain('Archive');
            expect(git(repo, 'status', '--porcelain')).toBe(' M billing.integ\n');
            expect(git(repo, 'rev-parse', 'HEAD')).toBe(git(repo, 'rev-parse', 'v7'));
        } finally {
            await fs.writeFile(file, committed);
        }
    });

    it('reads only the files under the paths given after --, a folder new since the revision included', async () => {
        await writeFiles(repo, { 'extra/more.integ': 'system Extra "Extra" { kind custom }\n' });
        try {
            expect((await jsonDiff('HEAD', '--', 'extra')).declarations).toEqual([{ change: 'added', kind: 'system', name: 'Extra', title: 'Extra' }]);
        } finally {
            await fs.rm(path.join(repo, 'extra'), { recursive: true, force: true });
        }
    });
});

describe('integ diff with bad input', () => {
    const oneLineError = async (cwd: string, args: string[], message: string) => {
        const result = await integ(cwd, 'diff', ...args);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')[0]).toBe(`integ diff: ${message}`);
        expect(result.stderr).not.toMatch(/\n\s+at /);
    };

    it('names an unknown revision', () => oneLineError(repo, ['no-such-branch'], 'no-such-branch: no such folder, and not a revision of this git repository'));
    it('refuses a revision that looks like an option', () => oneLineError(repo, ['--', 'x'], 'needs a base to compare with: a folder or a git revision'));
    it('says when neither revision has model files under the paths given', () => oneLineError(repo, ['v1', 'v2', '--', 'nowhere'], 'no .integ files in v1 or v2 under nowhere'));
    it('names a missing folder', () => oneLineError(repo, ['v1', 'missing/'], 'missing/: no such folder, and not a revision of this git repository'));
    it('says when the working folder is not in a git repository', async () => {
        const plain = await tempFolder('plain');
        try {
            await oneLineError(plain, ['HEAD~1'], 'HEAD~1: no such folder, and the working folder is not in a git repository');
        } finally {
            await fs.rm(plain, { recursive: true, force: true });
        }
    });
    it('needs a base', () => oneLineError(repo, [], 'needs a base to compare with: a folder or a git revision'));
    it('compares two sides only', () => oneLineError(repo, ['v1', 'v2', 'v3'], 'compares two sides, got 3 (narrow with -- paths…)'));
    it('names an unknown --fail-on', () => oneLineError(repo, ['v1', '--fail-on', 'errors'], "--fail-on must be one of new-errors, new-warnings (got 'errors')"));
});
