import { join } from 'node:path';
import { folderTexts } from '../helpers/workspace.js';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../language-server/src/model/units.js';
import type { Finding } from '../../../language-server/src/rules/finding.js';
import { runRules } from '../../../language-server/src/rules/run-rules.js';
import { freshLoad, openWorkspace } from '../helpers/open-workspace.js';

const ACME = join(__dirname, '../../../samples/acme');

/** Everything a user sees of a finding, in the order the server publishes them. */
function shown(findings: readonly Finding[]): string[] {
    return findings.map(finding => JSON.stringify(finding));
}

/** A small seeded generator, so that a failure names an edit sequence that can be replayed. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Edits an architect makes while typing: values changed, lines removed or added, names changed, a file reverted. */
const VALUE_CHANGES: Array<[RegExp, string]> = [
    [/tls 1\.[23]/, 'tls 1.0'], [/auth oauth2/, 'auth api-key'], [/style (api|event|webhook)/, 'style manual'],
    [/ -> /, ' <-> '], [/ <-> /, ' -> '], [/encryption aes256/, 'encryption none'], [/kind (erp|crm)/, 'kind spreadsheet'],
    [/\bmonitored\b/, ''], [/\baudit\b/, ''], [/status live/, 'status retired'], [/schedule \w+/, 'schedule realtime'],
    [/stores \w+/, 'stores Invoice'], [/edits \w+/, 'edits Customer'], [/: (PII|Financial|Confidential)$/, ''],
    [/: Internal$/, ': PII'], [/^(flow .*\{)$/, '$1 status retired'], [/^(flow .*\{)$/, '$1 status planned'], [/^\s*carries .*$/, '']
];

function edit(text: string, original: string, next: () => number): string {
    const lines = text.split('\n');
    const at = Math.floor(next() * lines.length);
    const choice = next();
    if (choice < 0.2) lines.splice(at, 1);
    else if (choice < 0.3) lines.splice(at, 0, '');
    else if (choice < 0.35) lines.splice(at, 0, lines[at]);
    else if (choice < 0.45) {
        const declaration = lines.findIndex((line, i) => i >= at && /^(system|entity|flow) \w+/.test(line));
        if (declaration >= 0) lines[declaration] = lines[declaration].replace(/^(\w+) (\w+)/, '$1 $2Renamed');
    } else if (choice < 0.9) {
        const candidates = lines.map((_line, i) => i).filter(i => VALUE_CHANGES.some(([pattern]) => pattern.test(lines[i])));
        const line = candidates[Math.floor(next() * candidates.length)];
        if (line !== undefined) {
            const changes = VALUE_CHANGES.filter(([p]) => p.test(lines[line]));
            const [pattern, replacement] = changes[Math.floor(next() * changes.length)];
            lines[line] = lines[line].replace(pattern, replacement);
        }
    } else {
        return original;
    }
    return lines.join('\n');
}

describe('after each edit, the findings the server keeps are those of a fresh run', () => {
    it('over a seeded sequence of edits across the acme sample', async () => {
        const original = folderTexts(ACME);
        const names = Object.keys(original).sort();
        const workspace = await openWorkspace(original);
        const next = random(8);
        let checkedAgainstFreshLoad = 0;
        for (let step = 1; step <= 150; step++) {
            const name = names[Math.floor(next() * names.length)];
            const text = edit(workspace.files[name], original[name], next);
            await workspace.builder.update([workspace.write(name, text)], []);
            const { estate, findings } = workspace.analysis.result;
            expect(shown(findings), `after edit ${step} of ${name}`).toEqual(shown(runRules(estate, { today: todayIso() })));
            if (step % 10 === 0) {
                const fresh = (await freshLoad(workspace.files)).integ.analysis.WorkspaceAnalysis.result;
                expect(shown(findings), `fresh load after edit ${step}`).toEqual(shown(fresh.findings));
                checkedAgainstFreshLoad++;
            }
        }
        expect(checkedAgainstFreshLoad).toBe(15);
    });
});

/** One file left untouched holds the element whose finding depends on what an edit of the other file changes. */
interface Dependency {
    what: string;
    untouched: string;
    edited: string;
    edit: (text: string) => string;
    /** The rule whose finding on the untouched file's element the edit adds or removes. */
    rule: string;
}

const SECURE = 'style api  tls 1.3  auth oauth2  audit  monitored  owner "Ops"  schedule realtime';

const DEPENDENCIES: Dependency[] = [
    {
        what: 'a system a flow goes to',
        untouched: `system Crm { kind crm }\nentity Order { master Crm  field id: Internal }\nflow CrmToBook : Crm -> Book { carries Order.id  ${SECURE} }\n`,
        edited: 'system Book { kind erp }\n',
        edit: text => text.replace('kind erp', 'kind spreadsheet'),
        rule: 'gap/excel-export'
    },
    {
        what: 'the classification of a carried field, through its entity',
        untouched: `system Crm { kind crm  stores Customer }\nsystem Erp { kind erp  stores Customer }\nflow CrmToErp : Crm -> Erp { carries Customer.email  style api  tls 1.2  auth oauth2  monitored  owner "Ops" }\n`,
        edited: 'entity Customer { master Crm  field email: Internal }\n',
        edit: text => text.replace('email: Internal', 'email: PII'),
        rule: 'security/audit-log'
    },
    {
        what: 'the flows out of a system',
        untouched: 'system Lonely { kind crm  users 0 }\nsystem Other { kind erp }\nentity Order { master Lonely  field id: Internal }\n',
        edited: `flow Out : Lonely -> Other { carries Order.id  ${SECURE} }\n`,
        edit: text => text.replace('{ carries', '{ status retired  carries'),
        rule: 'inventory/disconnected-system'
    },
    {
        what: 'the flows into a system',
        untouched: 'system Lonely { kind crm }\nsystem Other { kind erp  stores Order }\nentity Order { master Other  field id: Internal }\n',
        edited: `flow In : Other -> Lonely { carries Order.id  ${SECURE} }\n`,
        edit: text => text.replace('{ carries', '{ status retired  carries'),
        rule: 'inventory/disconnected-system'
    },
    {
        what: 'the flows carrying an entity',
        untouched: 'system Crm { kind crm  stores Lead }\nsystem Erp { kind erp  stores Lead }\nentity Lead { master Crm  field note }\n',
        edited: `flow Notes : Crm -> Erp { carries Lead.note  ${SECURE} }\n`,
        edit: text => text.replace('{ carries', '{ status retired  carries'),
        rule: 'compliance/unclassified-field'
    },
    {
        what: 'the systems storing an entity',
        untouched: 'entity Part { field sku: Internal }\n',
        edited: 'system Mes { kind erp  stores Part }\nsystem Plm { kind custom  stores Part }\n',
        edit: text => text.replace('system Plm { kind custom  stores Part }', 'system Plm { kind custom }'),
        rule: 'gap/conflicting-master'
    },
    {
        what: 'what a system passes on',
        untouched: `system Crm { kind crm  stores Order }\nsystem Hub { kind custom }\nsystem Erp { kind erp  stores Order }\nentity Order { master Crm  field id: Internal }\nflow CrmToHub : Crm -> Hub { carries Order.id  ${SECURE} }\n`,
        edited: `flow HubToErp : Hub -> Erp { carries Order.id  ${SECURE} }\n`,
        edit: text => text.replace('{ carries', '{ status retired  carries'),
        rule: 'security/least-privilege'
    },
    {
        what: 'what a system passes on through a two-way flow into it',
        untouched: `system Crm { kind crm  stores Order }\nsystem Hub { kind custom }\nsystem Erp { kind erp  stores Order }\nentity Order { master Crm  field id: Internal }\nflow CrmToHub : Crm -> Hub { carries Order.id  ${SECURE} }\n`,
        edited: `flow ErpHub : Erp <-> Hub { carries Order.id  ${SECURE} }\n`,
        edit: text => text.replace('<->', '->'),
        rule: 'security/least-privilege'
    },
    {
        what: 'the entities a system is master of',
        untouched: 'system Ledger { kind finance  encryption aes128 }\nsystem Erp { kind erp  encryption aes256 }\n',
        edited: 'entity Invoice { master Erp  field total: Financial }\n',
        edit: text => text.replace('master Erp', 'master Ledger'),
        rule: 'security/encryption-at-rest'
    },
    {
        what: 'what a flow brings a spreadsheet',
        untouched: 'system Sheet { kind spreadsheet  owner "Ops" }\nsystem Erp { kind erp  stores Invoice  encryption aes256 }\nentity Invoice { master Erp  field total: Financial  field note: Internal }\n',
        edited: `flow Export : Erp -> Sheet { carries Invoice.note  ${SECURE} }\n`,
        edit: text => text.replace('Invoice.note', 'Invoice.total'),
        rule: 'compliance/regulated-in-shadow-it'
    },
    {
        what: 'the flows between two systems',
        untouched: `system Crm { kind crm  stores Order  edits Order }\nsystem Shop { kind custom  stores Order  edits Order }\nentity Order { master Crm  field id: Internal }\nflow CrmToShop : Crm -> Shop { carries Order.id  ${SECURE} }\n`,
        edited: `flow ShopToCrm : Shop -> Crm { carries Order.id  ${SECURE} }\n`,
        edit: text => text.replace('{ carries', '{ status retired  carries'),
        rule: 'gap/one-way'
    }
];

describe('an edit re-checks the elements of untouched files that depend on what it changed', () => {
    it.each(DEPENDENCIES)('$what', async ({ untouched, edited, edit: change, rule }) => {
        const files = { 'untouched.integ': untouched, 'edited.integ': edited };
        const workspace = await openWorkspace(files);
        const onUntouched = () => workspace.analysis.result.findings.filter(f => f.ruleId === rule && f.uri.endsWith('untouched.integ')).map(f => f.message);
        const before = onUntouched();
        await workspace.builder.update([workspace.write('edited.integ', change(edited))], []);
        expect(onUntouched()).not.toEqual(before);
        const fresh = (await freshLoad(workspace.files)).integ.analysis.WorkspaceAnalysis.result;
        expect(shown(workspace.analysis.result.findings)).toEqual(shown(fresh.findings));
    });
});
