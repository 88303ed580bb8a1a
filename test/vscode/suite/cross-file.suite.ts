import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { afterEach, describe, it } from 'mocha';
import { flowsIn, lineOf } from './sample-scan.js';
import { diagnosticsOf, fileUri, integFiles, loadExpectedFindings, openEditor, relativePath, revert, waitFor } from './workspace-helpers.js';

export function crossFileSuite(): void {
    describe('cross-file findings', () => {
        const touched: vscode.Uri[] = [];
        afterEach(async () => {
            for (const uri of touched.splice(0)) await revert(uri);
        });

        it('a flow added in a second file removes a gap/one-way finding from the first, untouched file', async () => {
            const oneWay = loadExpectedFindings().find(finding => finding.ruleId === 'gap/one-way');
            assert.ok(oneWay, 'the expected findings contain no gap/one-way finding to resolve');
            const firstUri = fileUri(oneWay.file);
            const first = await vscode.workspace.openTextDocument(firstUri);
            const text = first.getText();
            const line = oneWay.line - 1;
            const flow = flowsIn(text).find(candidate => lineOf(text, candidate.start) <= line && line <= lineOf(text, candidate.end));
            assert.ok(flow, `no flow declaration around ${oneWay.file}:${oneWay.line}`);
            assert.ok(flow.carries.length > 0, `flow ${flow.name} carries nothing`);

            const secondUri = (await integFiles()).find(uri => uri.toString() !== firstUri.toString());
            assert.ok(secondUri, 'the sample has only one .integ file: no cross-file edit possible');
            const onFlow = (diagnostic: vscode.Diagnostic) => diagnostic.range.start.line === line;
            await waitFor(() => diagnosticsOf(firstUri, 'gap/one-way').some(onFlow) || undefined, () => `gap/one-way not shown at ${oneWay.file}:${oneWay.line}`);

            const backFlow = [
                '',
                `flow E2eBackflow "Changes flow back" : ${flow.target} -> ${flow.source} {`,
                `  carries ${flow.carries.join(', ')}`,
                '  style api',
                '  schedule realtime',
                '  auth oauth2',
                '  secrets vault',
                '  tls 1.2',
                '  audit',
                '  monitored',
                '  status live',
                '}',
                ''
            ].join('\n');
            const second = await openEditor(secondUri);
            touched.push(secondUri);
            const end = second.document.lineAt(second.document.lineCount - 1).range.end;
            assert.ok(await second.edit(edit => edit.insert(end, backFlow)), 'the editor refused the edit');

            await waitFor(
                () => diagnosticsOf(firstUri, 'gap/one-way').some(onFlow) ? undefined : true,
                () => `gap/one-way is still shown at ${oneWay.file}:${oneWay.line} after adding ${flow.target} -> ${flow.source} in ${relativePath(secondUri)}`
            );
            assert.ok(!first.isDirty, `${oneWay.file} was modified, so the test proves nothing about cross-file updates`);

            await revert(secondUri);
            touched.splice(0);
            await waitFor(
                () => diagnosticsOf(firstUri, 'gap/one-way').some(onFlow) || undefined,
                () => `gap/one-way did not come back at ${oneWay.file}:${oneWay.line} after the back-flow was removed`
            );
        });
    });
}
