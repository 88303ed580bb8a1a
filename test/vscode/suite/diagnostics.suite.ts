import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import {
    EXTENSION_ID, currentFindingKeys, difference, expectedFindingKeys, integFiles, loadExpectedFindings, openEditor, relativePath, waitFor
} from './workspace-helpers.js';

/** Baseline: the extension activates and every expected finding of the sample reaches the editor. */
export function diagnosticsSuite(): void {
    describe('activation and workspace diagnostics', () => {
        it('activates when a .integ file is opened', async () => {
            const files = await integFiles();
            assert.ok(files.length > 0, 'the test workspace contains no .integ file');
            const editor = await openEditor(files[0]);
            assert.equal(editor.document.languageId, 'integ', `${relativePath(files[0])} is not recognised as an integ document`);
            const extension = vscode.extensions.getExtension(EXTENSION_ID);
            assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the extension host`);
            await waitFor(() => extension.isActive || undefined, () => 'the extension did not activate');
        });

        it('shows exactly the expected findings (rule id and line) in every file, without opening them', async () => {
            const expected = expectedFindingKeys(loadExpectedFindings());
            assert.ok(expected.length > 0, 'the expected-findings list is empty: nothing would be checked');
            const filesWithFindings = new Set(expected.map(key => key.slice(0, key.indexOf(':'))));
            const same = () => {
                const actual = currentFindingKeys();
                return actual.length === expected.length && difference(actual, expected).length === 0 ? true : undefined;
            };
            await waitFor(same, () => {
                const actual = currentFindingKeys();
                return `diagnostics differ from the expected findings\n  missing: ${difference(expected, actual).join('\n           ') || '-'}\n  extra:   ${difference(actual, expected).join('\n           ') || '-'}`;
            }, 30_000);
            const workspaceFiles = (await integFiles()).map(relativePath);
            for (const file of filesWithFindings) assert.ok(workspaceFiles.includes(file), `expected findings name ${file}, which is not in the workspace`);
        });
    });
}
