import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { before, describe, it } from 'mocha';
import { blankCommentsAndStrings, flowsIn, systemNames } from './sample-scan.js';
import { integFiles, relativePath } from './workspace-helpers.js';

interface SystemReference {
    uri: vscode.Uri;
    position: vscode.Position;
}

interface Subject {
    name: string;
    declaration: { uri: vscode.Uri; line: number };
    references: SystemReference[];
    allSystems: string[];
}

/** The system referenced from flow headers in the most files, so rename must work across files. */
async function pickSystem(): Promise<Subject> {
    const documents = await Promise.all((await integFiles()).map(uri => vscode.workspace.openTextDocument(uri)));
    const declarations = new Map<string, { uri: vscode.Uri; line: number }>();
    const references = new Map<string, SystemReference[]>();
    for (const document of documents) {
        const text = document.getText();
        const code = blankCommentsAndStrings(text);
        for (const match of code.matchAll(/\bsystem\s+([A-Za-z_][\w-]*)/g)) {
            declarations.set(match[1], { uri: document.uri, line: document.positionAt(match.index).line });
        }
        for (const flow of flowsIn(text)) {
            const header = code.slice(flow.start, flow.bodyStart);
            const arrow = header.search(/<?->/);
            for (const name of [flow.source, flow.target]) {
                const at = name === flow.source ? header.lastIndexOf(name, arrow) : header.indexOf(name, arrow);
                const list = references.get(name) ?? [];
                list.push({ uri: document.uri, position: document.positionAt(flow.start + at) });
                references.set(name, list);
            }
        }
    }
    const allSystems = documents.flatMap(document => systemNames(document.getText()));
    const spread = (name: string) => new Set((references.get(name) ?? []).map(reference => reference.uri.toString())).size;
    const candidates = [...references.keys()].filter(name => declarations.has(name)).sort((a, b) => spread(b) - spread(a) || a.localeCompare(b));
    assert.ok(candidates.length > 0, 'no flow in the sample refers to a system declared in the workspace');
    const name = candidates[0];
    return { name, declaration: declarations.get(name)!, references: references.get(name)!, allSystems };
}

function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(hover => hover.contents.map(content => typeof content === 'string' ? content : content.value)).join('\n');
}

export function languageFeaturesSuite(): void {
    describe('language features through the vscode.execute*Provider commands', () => {
        let subject: Subject;
        let reference: SystemReference;
        before(async () => {
            subject = await pickSystem();
            reference = subject.references.find(candidate => candidate.uri.toString() !== subject.declaration.uri.toString()) ?? subject.references[0];
        });

        it('completion on a flow end offers the workspace systems', async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', reference.uri, reference.position);
            const labels = new Set(list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label));
            const missing = subject.allSystems.filter(name => !labels.has(name));
            assert.deepEqual(missing, [], `completion at ${relativePath(reference.uri)}:${reference.position.line + 1} lacks systems; offered: ${[...labels].slice(0, 30).join(', ')}`);
        });

        it('hover on a system reference describes that system', async () => {
            const inside = reference.position.translate(0, 1);
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', reference.uri, inside);
            const text = hoverText(hovers ?? []);
            assert.ok(text.includes(subject.name), `hover on ${subject.name} does not mention it: ${JSON.stringify(text)}`);
        });

        it('go to definition on a system reference lands on its declaration', async () => {
            const inside = reference.position.translate(0, 1);
            const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', reference.uri, inside);
            assert.equal(targets?.length, 1, `expected one definition of ${subject.name}, got ${targets?.length ?? 0}`);
            const target = targets[0];
            const uri = 'targetUri' in target ? target.targetUri : target.uri;
            const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
            assert.equal(relativePath(uri), relativePath(subject.declaration.uri), `definition of ${subject.name} is in the wrong file`);
            assert.equal(range.start.line, subject.declaration.line, `definition of ${subject.name} is on the wrong line`);
        });

        it('rename of a system edits its declaration and every flow that names it, across files', async () => {
            const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', reference.uri, reference.position.translate(0, 1), 'RenamedByE2e');
            assert.ok(edit, `rename of ${subject.name} returned no edit`);
            const edited = edit.entries().flatMap(([uri, edits]) => edits.map(textEdit => ({ uri: uri.toString(), line: textEdit.range.start.line, character: textEdit.range.start.character, newText: textEdit.newText })));
            assert.ok(edited.every(item => item.newText === 'RenamedByE2e'), 'a rename edit writes something other than the new name');
            assert.ok(edited.some(item => item.uri === subject.declaration.uri.toString() && item.line === subject.declaration.line), `rename does not touch the declaration of ${subject.name}`);
            for (const expected of subject.references) {
                const found = edited.some(item => item.uri === expected.uri.toString() && item.line === expected.position.line && item.character === expected.position.character);
                assert.ok(found, `rename misses the reference at ${relativePath(expected.uri)}:${expected.position.line + 1}:${expected.position.character + 1}`);
            }
        });
    });
}
