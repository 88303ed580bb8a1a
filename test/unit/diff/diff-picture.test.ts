import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integ, tempFolder, writeFiles } from './diff-fixture.js';

/**
 * Base → head: Alpha is renamed Wms (every reference rewritten, as the language's rename does), Bi
 * is added with a flow to it, Feed's TLS changes, Legacy (to the renamed system) is removed, and so
 * is Fax, with no flow.
 */
const BASE = `
department Ops "Ops" { champions "Ana", "Ben" }
system Crm "CRM" { kind crm  department Ops  owner "Ana"  hosting saas }
system Erp "ERP" { kind erp  department Ops  owner "Ben"  hosting saas }
system Alpha "Warehouse" { kind custom  department Ops  owner "Ben" }
flow Feed "Order feed" : Crm -> Erp { style api  auth oauth2  tls 1.2  owner "Ana" }
flow Stock "Stock levels" : Erp -> Alpha { style batch  owner "Ben" }
flow Legacy "Legacy export" : Crm -> Alpha { style file  owner "Ana" }
system Fax "Fax server" { kind legacy  department Ops  owner "Ben" }
`;
const HEAD = BASE.replace(/\bAlpha\b/g, 'Wms').replace('tls 1.2', 'tls 1.3')
    .replace(/flow Legacy .*\n/, '').replace(/system Fax .*\n/, '')
    + 'system Bi "Reporting" { kind custom  department Ops  owner "Ana" }\nflow Report "Sales report" : Erp -> Bi { style api  auth oauth2  tls 1.2  owner "Ana" }\n';

let cwd: string;

beforeAll(async () => {
    cwd = await tempFolder('picture');
    await writeFiles(cwd, { 'before/estate.integ': BASE, 'after/estate.integ': HEAD });
});

afterAll(async () => {
    await fs.rm(cwd, { recursive: true, force: true });
});

/** The classes of the node or edge with this id in the picture. */
function classesOf(svg: string, id: string): string[] {
    const match = new RegExp(`<g class='([^']*)' data-id='${id}'`).exec(svg);
    expect(match, id).not.toBeNull();
    return match![1].split(' ');
}

describe('integ diff -o diff.svg: the change as a picture', () => {
    let svg: string;

    beforeAll(async () => {
        const result = await integ(cwd, 'diff', 'before', 'after', '-o', 'diff.svg');
        expect(result.code).toBe(0);
        svg = await fs.readFile(path.join(cwd, 'diff.svg'), 'utf8');
    });

    it('marks each system and flow with what the change does to it', () => {
        expect(svg.startsWith("<svg xmlns='http://www.w3.org/2000/svg' class='integ-diagram lens-style comparing'")).toBe(true);
        expect(classesOf(svg, 'system:Bi')).toContain('diff-added');
        expect(classesOf(svg, 'flow:Report')).toContain('diff-added');
        expect(classesOf(svg, 'flow:Legacy')).toContain('diff-removed');
        expect(classesOf(svg, 'system:Fax')).toContain('diff-removed');
        expect(classesOf(svg, 'flow:Feed')).toContain('diff-changed');
        expect(classesOf(svg, 'flow:Stock')).toContain('diff-unchanged');
        expect(classesOf(svg, 'system:Crm')).toContain('diff-unchanged');
    });

    it('draws a renamed system once, under its new name, as renamed: not removed and added', () => {
        expect(classesOf(svg, 'system:Wms')).toContain('diff-renamed');
        expect(svg).not.toContain("data-id='system:Alpha'");
        expect(svg).toContain('renamed from Alpha');
        // The removed flow still ends at the system under its new name.
        expect(svg).toMatch(/data-id='flow:Legacy' data-from='system:Crm' data-to='system:Wms'/);
    });

    it('says what changed on hover and on the line, and has a legend for the marks', () => {
        expect(svg).toMatch(/<title>Order feed \(Feed\)\n[^<]*changed: tls 1\.2 → 1\.3/);
        // One line or two, as the layout had room: the mark's word comes first.
        expect(svg).toMatch(/>changed ·(?: |<\/text><text[^>]*>)Order feed</);
        expect(svg).toMatch(/>removed ·(?: |<\/text><text[^>]*>)Legacy export</);
        expect(svg).toContain('Estate diff before → after');
        for (const label of ['added', 'removed', 'changed or renamed (hover for what)', 'unchanged']) expect(svg).toContain(`>${label}</text>`);
        expect(svg).toContain(".comparing .integ-edge.diff-removed path.line { stroke-width: 2.2; stroke-dasharray: 6 4; }");
    });

    it('takes the format from the extension as before: md, json and anything else as text', async () => {
        for (const [file, check] of [
            ['diff.md', (text: string) => expect(text).toMatch(/^\*\*Estate diff\*\* `before` → `after`: /)],
            ['diff.json', (text: string) => expect(JSON.parse(text).summary).toMatchObject({ added: 2, removed: 2, renamed: 1, changed: 1 })],
            ['diff.out', (text: string) => expect(text).toMatch(/^integ diff before → after: 2 added, 2 removed, 1 renamed, 1 changed;/)]
        ] as const) {
            expect((await integ(cwd, 'diff', 'before', 'after', '-o', file)).code).toBe(0);
            check(await fs.readFile(path.join(cwd, file), 'utf8'));
        }
        const toStdout = await integ(cwd, 'diff', 'before', 'after', '--format', 'svg');
        expect(toStdout.stdout).toMatch(/^<svg [^>]*comparing/);
    });
});

/** Three departments of five systems: more than one picture opens, so the estate view folds departments. */
const LARGE = ['Sales', 'Finance', 'Ops'].map(department => `department ${department}\n`
    + [1, 2, 3, 4, 5].map(i => `system ${department}${i} { kind custom  department ${department}  owner "Ana" }\n`).join('')
    + `flow ${department}Feed : ${department}1 -> ${department}2 { style api  auth oauth2  tls 1.2  owner "Ana" }\n`).join('')
    + 'flow Across : Sales1 -> Finance1 { style api  auth oauth2  tls 1.2  owner "Ana" }\n';

describe('integ diff -o diff.svg of an estate too large to open whole', () => {
    it('opens the departments the change touches and folds the others, each marked', async () => {
        await writeFiles(cwd, { 'large-before/estate.integ': LARGE, 'large-after/estate.integ': LARGE.replace('system Ops3 { kind custom', 'system Ops3 { kind legacy') });
        const result = await integ(cwd, 'diff', 'large-before', 'large-after', '-o', 'large.svg');
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Departments the change does not touch are folded into one box each.');
        expect(result.stderr).not.toContain('click');
        const svg = await fs.readFile(path.join(cwd, 'large.svg'), 'utf8');
        expect(classesOf(svg, 'system:Ops3')).toContain('diff-changed');
        expect(classesOf(svg, 'system:Ops1')).toContain('diff-unchanged');
        expect(classesOf(svg, 'dept:Sales')).toContain('diff-unchanged');
        expect(classesOf(svg, 'dept:Finance')).toContain('diff-unchanged');
        expect(svg).not.toContain("data-id='system:Sales1'");
    });
});
