import * as vscode from 'vscode';
import { SHOW_RULE_DOC_COMMAND } from '../../language-server/src/lsp/protocol.js';

/**
 * Opens a rule's section of the rules reference shipped in the VSIX (docs/rules.md) as a Markdown
 * preview: the link on a finding's code, offline. The preview scrolls to the URI's fragment.
 */
export function registerRuleDoc(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand(SHOW_RULE_DOC_COMMAND, async (_ruleId?: unknown, anchor?: unknown) => {
        const reference = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
        // The anchor comes from a link: only a heading id (letters, digits, dashes) becomes the fragment.
        const section = typeof anchor === 'string' && /^[a-z0-9-]{1,100}$/.test(anchor) ? reference.with({ fragment: anchor }) : reference;
        await vscode.commands.executeCommand('markdown.showPreview', section);
    }));
}
