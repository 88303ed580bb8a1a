import { readFileSync } from 'node:fs';
import { AstUtils, GrammarAST } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { IntegrationGrammar } from '../../language-server/src/generated/grammar.js';
import { loadTexts } from './helpers/workspace.js';

const DOC = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');

interface Example {
    file: string;
    /** 1-based line of the example's first code line in docs/language.md. */
    docLine: number;
    text: string;
}

/** Every ```integ block of the document, in order. */
function examples(markdown: string): Example[] {
    const result: Example[] = [];
    const lines = markdown.split('\n');
    let current: { docLine: number; lines: string[] } | undefined;
    lines.forEach((line, index) => {
        if (current === undefined && line.trim() === '```integ') {
            current = { docLine: index + 2, lines: [] };
        } else if (current !== undefined && line.trim() === '```') {
            result.push({ file: `example-${String(result.length + 1).padStart(2, '0')}.integ`, docLine: current.docLine, text: current.lines.join('\n') });
            current = undefined;
        } else {
            current?.lines.push(line);
        }
    });
    return result;
}

/** Rule findings are expected in examples; anything else (syntax, link, checks, duplicate names) is a language problem. */
function isLanguageProblem(diagnostic: Diagnostic): boolean {
    const data = diagnostic.data as { ruleId?: string } | undefined;
    return data?.ruleId === undefined;
}

/** Loads the examples as one workspace and lists its language problems as `docs/language.md:LINE message`. */
async function languageProblems(list: Example[]): Promise<string[]> {
    const workspace = await loadTexts(Object.fromEntries(list.map(example => [example.file, example.text])));
    const problems: string[] = [];
    for (const example of list) {
        const diagnostics = [...workspace.diagnostics].find(([uri]) => uri.endsWith(`/${example.file}`))?.[1] ?? [];
        for (const diagnostic of diagnostics.filter(isLanguageProblem)) {
            problems.push(`docs/language.md:${example.docLine + diagnostic.range.start.line} ${diagnostic.message}`);
        }
    }
    return problems;
}

/** Text inside inline code spans and fenced blocks, without `//` comments. */
function codeText(markdown: string): string {
    const fenced = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map(match => match[1]);
    const outside = markdown.replace(/```[a-z]*\n[\s\S]*?```/g, '');
    const inline = [...outside.matchAll(/`([^`\n]+)`/g)].map(match => match[1]);
    return [...fenced, ...inline].join('\n').replace(/\/\/[^\n]*/g, '');
}

const DOC_EXAMPLES = examples(DOC);

describe('docs/language.md', () => {
    test('has an example for each part of the language', () => {
        const declarations = ['policy', 'department', 'regulation', 'classification', 'entity', 'platform', 'system', 'flow', 'process', 'roadmap', 'initiative', 'accept'];
        const missing = declarations.filter(keyword => !DOC_EXAMPLES.some(example => new RegExp(`^\\s*${keyword}\\b`, 'm').test(example.text)));
        expect(missing).toEqual([]);
    });

    test('every example loads without syntax, link, check or duplicate-name errors', async () => {
        expect(await languageProblems(DOC_EXAMPLES)).toEqual([]);
    });

    test('the same check reports a broken example', async () => {
        const broken: Example[] = [
            { file: 'broken-a.integ', docLine: 10, text: 'system Crm { kind mainframe }' },
            { file: 'broken-b.integ', docLine: 20, text: 'flow Lost : Crm -> Nowhere\nsystem Crm' }
        ];
        const problems = await languageProblems(broken);
        expect(problems.some(problem => problem.startsWith('docs/language.md:10 '))).toBe(true);
        expect(problems.some(problem => problem.startsWith('docs/language.md:20 ') && problem.includes('Nowhere'))).toBe(true);
        expect(problems.some(problem => problem.includes("Duplicate name 'Crm'"))).toBe(true);
    });

    test('mentions every keyword of the grammar in code', () => {
        const keywords = new Set(AstUtils.streamAllContents(IntegrationGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
        const code = codeText(DOC);
        const words = new Set(code.match(/[A-Za-z_]\w*(?:-[A-Za-z0-9_]\w*)*/g) ?? []);
        const missing = [...keywords].filter(keyword => /^[A-Za-z_]/.test(keyword) ? !words.has(keyword) : !code.includes(keyword));
        expect(missing).toEqual([]);
    });
});
