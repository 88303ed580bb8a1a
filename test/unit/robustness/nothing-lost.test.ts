import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IntegCodeActionProvider } from '../../../language-server/src/fixes/integ-code-action-provider.js';
import { IntegFormatter } from '../../../language-server/src/lsp/integ-formatter.js';
import type { Estate } from '../../../language-server/src/model/estate.js';
import { bundle } from './bundles.js';
import { sampleWorkspaces } from './fuzz-inputs.js';
import { FuzzWorkspace } from './pipeline.js';

const SAMPLES = sampleWorkspaces();

/**
 * The estate as `element → property → value` without source positions: what a model means. Elements
 * are keyed `collection:name` (`flows:Sync`); the policy is `policy`, each waiver `waivers:rule@target`.
 */
function meaning(estate: Estate): Map<string, Map<string, string>> {
    const strip = (value: unknown) => JSON.stringify(value, (key, inner) => key === 'source' ? undefined : inner instanceof Map ? [...inner.entries()] : inner);
    const elements = new Map<string, Map<string, string>>();
    const add = (key: string, value: object) => elements.set(key, new Map(Object.entries(value).filter(([k]) => k !== 'source').map(([k, v]) => [k, strip(v)])));
    for (const [collection, value] of Object.entries(estate)) {
        if (value instanceof Map) for (const [name, element] of value) add(`${collection}:${name}`, element as object);
        else if (Array.isArray(value)) value.forEach((item: { rule?: string; target?: string }, i) => add(`${collection}:${item.rule ?? i}@${item.target ?? ''}`, item));
        else if (typeof value === 'object' && value !== null) add(collection, value);
    }
    return elements;
}

/** `element.property` for every property that differs (added, removed or changed). */
function differences(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>): string[] {
    const changed: string[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
        const a = before.get(key) ?? new Map<string, string>(), b = after.get(key) ?? new Map<string, string>();
        for (const property of new Set([...a.keys(), ...b.keys()])) if (a.get(property) !== b.get(property)) changed.push(`${key}.${property}`);
    }
    return changed.sort();
}

/** Every line re-indented by 0–7 spaces (by line number, so the test is repeatable). */
function scrambleIndentation(text: string): string {
    return text.split('\n').map((line, i) => ' '.repeat((i * 5) % 8) + line.trimStart()).join('\n');
}

describe('formatting changes layout, never meaning', () => {
    for (const [folder, files] of SAMPLES) {
        test(`every file of samples/${folder}: same estate after formatting, and formatting is stable`, async () => {
            const workspace = await FuzzWorkspace.create(files);
            const original = meaning(workspace.built().analysis.estate);
            const formatter = new IntegFormatter();
            let formattedFiles = 0;
            for (const uri of Object.keys(files)) {
                // As written, and with the indentation of every line scrambled (which the formatter must repair).
                for (const text of [files[uri], scrambleIndentation(files[uri])]) {
                    const built = await workspace.rebuild(uri, text);
                    const document = built.documents.find(d => d.uri.toString() === uri)!;
                    const edits = await formatter.formatDocument(document, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
                    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'integ', 1, text), edits);
                    if (formatted !== text) formattedFiles++;
                    const after = await workspace.rebuild(uri, formatted);
                    expect(differences(original, meaning(after.analysis.estate)), uri).toEqual([]);
                    const again = await formatter.formatDocument(after.documents.find(d => d.uri.toString() === uri)!, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
                    expect(TextDocument.applyEdits(TextDocument.create(uri, 'integ', 1, formatted), again), `${uri} formatted twice`).toBe(formatted);
                }
            }
            // The scrambled copies always need formatting, so this cannot pass by formatting nothing.
            expect(formattedFiles).toBeGreaterThanOrEqual(Object.keys(files).length);
        }, 300_000);
    }
});

interface FindingData { ruleId: string; element: { kind: string; name: string }; accepted?: boolean; suggestion?: string }

describe('quick fixes change only the element they fix (and an accept adds only its waiver)', () => {
    for (const [folder, files] of SAMPLES) {
        test(`every kind of quick fix offered on samples/${folder}`, async () => {
            const workspace = await FuzzWorkspace.create(files);
            const baseline = workspace.built();
            const original = meaning(baseline.analysis.estate);
            const provider = new IntegCodeActionProvider(() => '2026-11-26');
            // One representative per rule and fix title: re-analysing the workspace per action is the cost here.
            const seen = new Set<string>();
            const problems: string[] = [];
            let applied = 0;
            for (const document of baseline.documents) {
                const uri = document.uri.toString();
                const diagnostics = (baseline.analysis.diagnostics.get(uri) ?? []).filter((d: Diagnostic) => (d.data as FindingData | undefined)?.ruleId);
                for (const diagnostic of diagnostics) {
                    const data = diagnostic.data as FindingData;
                    const current = await workspace.rebuild(uri, files[uri]);
                    const actions = (await provider.getCodeActions(current.documents.find(d => d.uri.toString() === uri)!, {
                        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
                    }) ?? []) as CodeAction[];
                    for (const action of actions) {
                        const key = `${data.ruleId}|${action.title.replace(data.element.name, '<element>')}`;
                        if (seen.has(key)) continue;
                        seen.add(key);
                        const edited = Object.keys(action.edit?.changes ?? {});
                        if (edited.some(u => u !== uri)) problems.push(`${key}: edits other files ${edited.join(', ')}`);
                        const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'integ', 1, files[uri]), action.edit?.changes?.[uri] ?? []);
                        const after = await workspace.rebuild(uri, fixed);
                        applied++;
                        const changes = differences(original, meaning(after.analysis.estate));
                        if (changes.length === 0) problems.push(`${key} on ${data.element.name}: changed nothing`);
                        const unclaimed = changes.filter(change => !claims(change, data));
                        if (unclaimed.length > 0) problems.push(`${key} on ${data.element.name}: also changed ${unclaimed.join(', ')}`);
                    }
                }
            }
            expect(problems).toEqual([]);
            expect(applied).toBeGreaterThan(0);
        }, 300_000);
    }
});

/**
 * A fix may change its finding's element, and an accept fix adds a waiver for that element. A
 * finding on a policy setting may change the policy; one on a waiver may change that waiver, which
 * a corrected rule id turns into the waiver of the suggested rule.
 */
function claims(change: string, data: FindingData): boolean {
    const [element] = change.split('.');
    if (data.element.kind === 'policy') return element === 'policy';
    if (data.element.kind === 'waiver') {
        const [rule, target] = data.element.name.split(' on ');
        return element === `waivers:${rule}@${target}` || element === `waivers:${data.suggestion}@${target}`;
    }
    return element.endsWith(`:${data.element.name}`) || element === `waivers:${data.ruleId}@${data.element.name}`;
}

describe('the CLI writes only where it is told', () => {
    let cli: string;
    beforeAll(async () => {
        cli = (await bundle()).cli;
    });

    function listing(folder: string): Map<string, string> {
        const files = new Map<string, string>();
        const walk = (dir: string) => {
            for (const name of readdirSync(dir)) {
                const path = join(dir, name);
                if (statSync(path).isDirectory()) walk(path); else files.set(path, readFileSync(path, 'utf8'));
            }
        };
        walk(folder);
        return files;
    }

    test('refuses to overwrite a .integ file with -o: exit 2, file unchanged, nothing else written', () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-out-'));
        const model = 'system A { kind crm }\n';
        writeFileSync(join(folder, 'estate.integ'), model);
        for (const command of ['check', 'report', 'diagram', 'roadmap']) {
            const before = listing(folder);
            const run = spawnSync(process.execPath, [cli, command, '-o', 'estate.integ'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
            expect(run.status, `${command}: ${run.stderr}`).toBe(2);
            expect(run.stderr).toContain('estate.integ');
            expect(listing(folder), command).toEqual(before);
        }
        expect(readFileSync(join(folder, 'estate.integ'), 'utf8')).toBe(model);
    });

    test('with -o, the only new file is the output path', () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-out-'));
        writeFileSync(join(folder, 'estate.integ'), 'system A { kind crm }\nsystem B { kind erp }\nflow F : A -> B { style manual }\n');
        for (const [command, output] of [['check', 'out/check.json'], ['report', 'report.md'], ['diagram', 'd.svg'], ['roadmap', 'roadmap.html']]) {
            const before = listing(folder);
            const run = spawnSync(process.execPath, [cli, command, '-o', output], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
            expect([0, 1], `${command}: ${run.stderr}`).toContain(run.status);
            const after = listing(folder);
            const added = [...after.keys()].filter(path => !before.has(path));
            const changed = [...before.keys()].filter(path => after.get(path) !== before.get(path));
            expect(added, command).toEqual([join(folder, output)]);
            expect(changed, command).toEqual([]);
        }
    });
});
