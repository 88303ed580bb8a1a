import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lspWorkspace } from './lsp-workspace.js';
import { loadTexts } from '../helpers/workspace.js';
import type { Estate } from '../../../language-server/src/model/estate.js';

async function format(text: string): Promise<string> {
    const { integ, documents } = await lspWorkspace({ 'f.integ': text });
    const document = documents.get('f.integ')!;
    const edits = await integ.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return edits.length === 0 ? text : edits[0].newText;
}

function sampleFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return sampleFiles(path);
        return name.endsWith('.integ') ? [path] : [];
    });
}

/** The estate without source positions (formatting moves text, never meaning). */
function meaning(estate: Estate): string {
    return JSON.stringify(estate, (key, value) => {
        if (key === 'source') return undefined;
        return value instanceof Map ? [...value.entries()] : value;
    });
}

describe('document formatting', () => {
    it('indents by brace depth with two spaces, one property per line, and keeps one-line blocks', async () => {
        const text = [
            'system   CRM "CRM" {',
            '        kind crm department Sales',
            '    users 5 }',
            'system Sheet { kind spreadsheet  shadow }',
            'department Sales',
            'flow F : CRM ->   Sheet { carries Customer.name , Customer.*',
            ' style manual }',
            'entity Customer {',
            'field name : PII',
            '}'
        ].join('\n');
        expect(await format(text)).toBe([
            'system CRM "CRM" {',
            '  kind crm',
            '  department Sales',
            '  users 5',
            '}',
            'system Sheet { kind spreadsheet  shadow }',
            'department Sales',
            'flow F : CRM -> Sheet {',
            '  carries Customer.name, Customer.*',
            '  style manual',
            '}',
            'entity Customer {',
            '  field name: PII',
            '}',
            ''
        ].join('\n'));
    });

    it('keeps comments where they were and at most one blank line', async () => {
        const text = [
            '// estate',
            '',
            '',
            'system A {   // the CRM',
            '      /* kind */ kind crm',
            '// owner next',
            '  owner "Ana"',
            '}'
        ].join('\n');
        expect(await format(text)).toBe([
            '// estate',
            '',
            'system A {   // the CRM',
            '  /* kind */ kind crm',
            '  // owner next',
            '  owner "Ana"',
            '}',
            ''
        ].join('\n'));
    });

    it('nests initiatives and targets inside a roadmap', async () => {
        const text = 'roadmap R {\nstart 2027-01\ninitiative I { priority 1\nmonths 1 to 3\ntargets { manual-hours -50%  error-rate below 1% } }\n}\n';
        expect(await format(text)).toBe('roadmap R {\n  start 2027-01\n  initiative I {\n    priority 1\n    months 1 to 3\n    targets { manual-hours -50%  error-rate below 1% }\n  }\n}\n');
    });

    it('leaves a file with syntax errors alone', async () => {
        expect(await format('system A {\n kind crm\n')).toBe('system A {\n kind crm\n');
    });

    const root = join(__dirname, '../../../samples');
    for (const path of sampleFiles(root)) {
        it(`is idempotent and keeps the meaning of ${relative(root, path)}`, async () => {
            const original = readFileSync(path, 'utf8');
            const once = await format(original);
            const twice = await format(once);
            expect(twice).toBe(once);
            const before = await loadTexts({ 'x.integ': original });
            const after = await loadTexts({ 'x.integ': once });
            expect(meaning(after.analysis.estate)).toBe(meaning(before.analysis.estate));
            expect(after.diagnostics.get('file:///ws/x.integ')!.filter(d => d.severity === 1).length)
                .toBe(before.diagnostics.get('file:///ws/x.integ')!.filter(d => d.severity === 1).length);
        });
    }

    it('does not depend on how the source was indented (random re-indentation of a sample)', async () => {
        const original = readFileSync(join(root, 'reference/reference.integ'), 'utf8');
        const canonical = await format(original);
        const lines = original.split('\n');
        // Lines inside a block comment keep their text: only code lines are re-indented.
        let inComment = false;
        const codeLine = lines.map(line => {
            const code = !inComment;
            if (line.includes('/*') && !line.includes('*/')) inComment = true;
            if (line.includes('*/')) inComment = false;
            return code;
        });
        await fc.assert(fc.asyncProperty(
            fc.array(fc.tuple(fc.nat(8), fc.nat(3)), { minLength: lines.length, maxLength: lines.length }),
            async shifts => {
                const perturbed = lines.map((line, i) => codeLine[i] && line.trim() !== ''
                    ? ' '.repeat(shifts[i][0]) + line.trimStart() + ' '.repeat(shifts[i][1])
                    : line).join('\n');
                expect(await format(perturbed)).toBe(canonical);
            }
        ), { numRuns: 15 });
    });
});
