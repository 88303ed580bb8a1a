import * as vscode from 'vscode';
import { EXPAND_ALL } from '../../language-server/src/diagram/diagram-graph.js';
import { dataNameAt } from './data-at-cursor.js';
import { OPEN_DIAGRAM_VIEW_COMMAND } from './preview/diagram-panel.js';
import type { DiagramViewOptions } from './preview/diagram-messages.js';

/**
 * "Integration: Show Lineage": the diagram of the estate, every department open, following the
 * entity or `Entity.field` under the cursor (what stores or carries it stays bright, the rest dims).
 */
export function registerLineageCommand(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand('integ.showLineage', async (name?: unknown) => {
        const data = typeof name === 'string' ? name : dataAtCursor();
        if (!data) {
            void vscode.window.showInformationMessage('Integration Architect: put the cursor on an entity or an Entity.field to show its lineage.');
            return;
        }
        // The overview of departments draws no single flow: open them all so that each carrying flow is seen.
        const options: DiagramViewOptions = { view: { kind: 'estate' }, state: 'as-is', filters: {}, expand: [EXPAND_ALL], follow: data };
        await vscode.commands.executeCommand(OPEN_DIAGRAM_VIEW_COMMAND, options);
    }));
}

function dataAtCursor(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const position = editor.selection.active;
    return dataNameAt(editor.document.lineAt(position.line).text, position.character);
}
