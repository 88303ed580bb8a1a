import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSides } from '../../../language-server/src/cli/diff-sides.js';
import { loadFiles } from '../../../language-server/src/cli/load-files.js';
import { diffEstates } from '../../../language-server/src/diff/estate-diff.js';
import { diffJson } from '../../../language-server/src/diff/diff-json.js';
import { PEOPLE, SYSTEMS, tempFolder, writeFiles } from './diff-fixture.js';

/**
 * `integ diff` builds the head as an edit of the base (only changed files parsed again). Each case
 * changes files so that an unchanged file's references resolve differently in the head; the diff
 * must be the one two separate builds give.
 */
const FLOWS = 'flow Orders "Orders" : Erp -> Billing { carries Customer.name  style api  via MuleSoft  auth oauth2  tls 1.2  audit  monitored  owner "Ana" }\n';
const BILLING = 'system Billing "Billing" { kind finance  department Ops  owner "Ana"  hosting saas  stores Customer  encryption aes256 }\n';

const CASES: Record<string, { base: Record<string, string>; head: Record<string, string> }> = {
    'a system moves to a new file with other properties': {
        base: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS, 'billing.integ': BILLING, 'flows.integ': FLOWS },
        head: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS, 'flows.integ': FLOWS, 'sub/moved.integ': BILLING.replace('encryption aes256', 'owner "Ben"') }
    },
    'a deleted file leaves a flow of an unchanged file without its target': {
        base: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS, 'billing.integ': BILLING, 'flows.integ': FLOWS },
        head: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS, 'flows.integ': FLOWS }
    },
    'a new user platform captures the library one an unchanged flow goes through': {
        base: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS + BILLING, 'flows.integ': FLOWS },
        head: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS + BILLING, 'flows.integ': FLOWS, 'platforms.integ': 'platform MuleSoft "In-house Mule" { kind ipaas }\n' }
    },
    'a file whose name a URI must escape changes': {
        base: { 'people.integ': PEOPLE, 'estate (copy) #2.integ': SYSTEMS + BILLING, 'flows.integ': FLOWS },
        head: { 'people.integ': PEOPLE, 'estate (copy) #2.integ': SYSTEMS.replace('tls 1.0', 'tls 1.2') + BILLING, 'flows.integ': FLOWS }
    },
    'a file with syntax errors appears beside unchanged ones': {
        base: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS + BILLING, 'flows.integ': FLOWS },
        head: { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS.replace('system Erp "ERP" {', 'system "ERP" {') + BILLING, 'flows.integ': FLOWS }
    }
};

const folders: string[] = [];
afterAll(async () => {
    for (const folder of folders) await fs.rm(folder, { recursive: true, force: true });
});

describe('integ diff builds the head as an edit of the base', () => {
    for (const [name, sides] of Object.entries(CASES)) {
        it(`${name}: the same diff as two separate builds`, async () => {
            const cwd = await tempFolder('edit');
            folders.push(cwd);
            await writeFiles(path.join(cwd, 'base'), sides.base);
            await writeFiles(path.join(cwd, 'head'), sides.head);
            const [base, head] = await loadSides('base', 'head', [], cwd, () => undefined);
            const separate = await Promise.all(['base', 'head'].map(folder => loadFiles([folder], cwd)));
            const expected = diffEstates(
                { ...separate[0].analysis, label: 'base' },
                { ...separate[1].analysis, label: 'head' }, '2026-12-01');
            const got = diffEstates(base, head, '2026-12-01');
            expect(got.summary.empty).toBe(false);
            expect(diffJson(got)).toBe(diffJson(expected));
            expect(head.files).toBe(Object.keys(sides.head).length);
        });
    }

    it('names the head file with syntax errors as the user wrote its path', async () => {
        const cwd = await tempFolder('broken');
        folders.push(cwd);
        const sides = CASES['a file with syntax errors appears beside unchanged ones'];
        await writeFiles(path.join(cwd, 'base'), sides.base);
        await writeFiles(path.join(cwd, 'head'), sides.head);
        const [base, head] = await loadSides('base', 'head', [], cwd, () => undefined);
        expect(base.brokenFiles).toEqual([]);
        expect(head.brokenFiles).toEqual([path.join('head', 'systems.integ')]);
    });
});
