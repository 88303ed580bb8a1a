import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { afterEach, describe, it } from 'mocha';
import { carriesClassification, classifiedFields, flowsIn, lineOf, type FlowDeclaration } from './sample-scan.js';
import { diagnosticsOf, integFiles, openEditor, relativePath, revert, waitFor } from './workspace-helpers.js';

interface PiiFlow {
    uri: vscode.Uri;
    flow: FlowDeclaration;
    tls: vscode.Range;
    lines: { first: number; last: number };
}

/** A live or planned flow carrying PII over TLS 1.2+ that has no security/tls finding or waiver yet. */
async function findPiiFlowWithModernTls(): Promise<PiiFlow> {
    const files = await integFiles();
    const documents = await Promise.all(files.map(uri => vscode.workspace.openTextDocument(uri)));
    const entities = new Map<string, Map<string, string | undefined>>();
    for (const document of documents) for (const [name, fields] of classifiedFields(document.getText())) entities.set(name, fields);
    const waived = new Set(documents.flatMap(document => [...document.getText().matchAll(/\baccept\s+"security\/tls"\s+on\s+([\w-]+)/g)].map(match => match[1])));
    for (const document of documents) {
        const text = document.getText();
        for (const flow of flowsIn(text)) {
            if (flow.status === 'retired' || waived.has(flow.name) || !carriesClassification(flow, entities, 'PII')) continue;
            const tls = /\btls\s+(1\.2|1\.3)\b/.exec(flow.body);
            if (!tls) continue;
            const lines = { first: lineOf(text, flow.start), last: lineOf(text, flow.end) };
            const inFlow = (diagnostic: vscode.Diagnostic) => diagnostic.range.start.line >= lines.first && diagnostic.range.start.line <= lines.last;
            if (diagnosticsOf(document.uri, 'security/tls').some(inFlow)) continue;
            const valueStart = flow.bodyStart + tls.index + tls[0].length - tls[1].length;
            const tlsRange = new vscode.Range(document.positionAt(valueStart), document.positionAt(valueStart + tls[1].length));
            return { uri: document.uri, flow, tls: tlsRange, lines };
        }
    }
    throw new Error('the sample has no flow carrying a PII field with `tls 1.2` or `tls 1.3` and no security/tls finding');
}

export function quickFixSuite(): void {
    describe('edit → finding → quick fix', () => {
        const touched: vscode.Uri[] = [];
        afterEach(async () => {
            for (const uri of touched.splice(0)) await revert(uri);
        });

        it('downgrading a PII flow to TLS 1.1 raises security/tls, and its quick fix removes it', async () => {
            const target = await findPiiFlowWithModernTls();
            const editor = await openEditor(target.uri);
            touched.push(target.uri);
            const inFlow = (diagnostic: vscode.Diagnostic) => diagnostic.range.start.line >= target.lines.first && diagnostic.range.start.line <= target.lines.last;
            const where = `flow ${target.flow.name} in ${relativePath(target.uri)}`;

            assert.ok(await editor.edit(edit => edit.replace(target.tls, '1.1')), 'the editor refused the edit');
            const raised = await waitFor(
                () => diagnosticsOf(target.uri, 'security/tls').find(inFlow),
                () => `no security/tls finding appeared on ${where} after setting tls 1.1`
            );
            assert.match(raised.message, /1\.1/, `the security/tls message does not state the TLS version: ${raised.message}`);
            assert.equal(raised.severity, vscode.DiagnosticSeverity.Error, 'security/tls should be an error');

            const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
                'vscode.executeCodeActionProvider', target.uri, raised.range, vscode.CodeActionKind.QuickFix.value
            );
            const fixes = (actions ?? []).filter((action): action is vscode.CodeAction => 'edit' in action && action.edit !== undefined);
            const fix = fixes.find(action => /tls/i.test(action.title) && !/accept|waive/i.test(action.title));
            assert.ok(fix?.edit, `no TLS quick fix offered on ${where}; offered: ${(actions ?? []).map(action => action.title).join(' | ') || 'nothing'}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}" failed`);

            await waitFor(
                () => diagnosticsOf(target.uri, 'security/tls').some(inFlow) ? undefined : true,
                () => `security/tls is still shown on ${where} after applying "${fix.title}"`
            );
            const fixed = editor.document.getText(new vscode.Range(editor.document.lineAt(target.lines.first).range.start, editor.document.lineAt(Math.min(target.lines.last + 1, editor.document.lineCount - 1)).range.end));
            assert.match(fixed, /\btls\s+1\.[23]\b/, `the fix did not write a TLS 1.2+ version into ${where}`);
        });
    });
}
