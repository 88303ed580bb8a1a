import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EvidenceRequest, type EvidenceFormat, type EvidenceKind } from '../../language-server/src/lsp/protocol.js';

const DOCUMENTS: ReadonlyArray<{ evidence: EvidenceKind; label: string; detail: string }> = [
    { evidence: 'gdpr-ropa', label: 'Record of processing activities (GDPR Art. 30)', detail: 'Each processing of personal data: purposes, data, recipients, retention' },
    { evidence: 'pci-dataflow', label: 'Account data flows (PCI DSS)', detail: 'Systems and flows that store, send or receive cardholder data, with their findings' },
    { evidence: 'sox-lineage', label: 'Financial data lineage to the general ledger (SOX)', detail: 'Where financial data comes from and the controls on each hop' },
    { evidence: 'hipaa-phi', label: 'Protected health information (HIPAA)', detail: 'Where health information is stored and sent' }
];

const FORMATS: ReadonlyArray<{ format: EvidenceFormat; label: string; filter: string }> = [
    { format: 'md', label: 'Markdown', filter: 'Markdown' },
    { format: 'html', label: 'HTML (the PCI document embeds its diagram)', filter: 'HTML' },
    { format: 'csv', label: 'CSV (one row per record)', filter: 'CSV' }
];

/**
 * "Integration: Export Evidence…": the document `integ evidence` writes, compiled by the language
 * server from the workspace as it stands (unsaved edits included), written where the save dialog says.
 */
export function registerEvidenceExport(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('integ.exportEvidence', () => exportEvidence(client)));
}

async function exportEvidence(client: BaseLanguageClient): Promise<void> {
    const document = await vscode.window.showQuickPick(DOCUMENTS.map(d => ({ ...d, description: d.evidence })), { title: 'Export evidence: which document?' });
    if (!document) return;
    const format = await vscode.window.showQuickPick(FORMATS.map(f => ({ ...f, description: `.${f.format}` })), { title: `Export ${document.evidence} as` });
    if (!format) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // The dialog asks before replacing an existing file; nothing is written without it.
    const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${document.evidence}.${format.format}`) : undefined,
        filters: { [format.filter]: [format.format] },
        title: `Export ${document.label}`,
        saveLabel: 'Export'
    });
    if (!target) return;
    if (target.path.toLowerCase().endsWith('.integ')) {
        void vscode.window.showErrorMessage('Refusing to write evidence over a .integ model file.');
        return;
    }
    let text: string;
    let hasErrors: boolean;
    try {
        ({ text, hasErrors } = await client.sendRequest(EvidenceRequest, { kind: document.evidence, format: format.format, root: folder?.toString() }));
    } catch (error) {
        void vscode.window.showErrorMessage(`Integration Architect: the evidence could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (error) {
        void vscode.window.showErrorMessage(`Integration Architect: ${vscode.workspace.asRelativePath(target)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const caveat = hasErrors ? ' The workspace has syntax errors: the document may be incomplete.' : '';
    const open = await vscode.window.showInformationMessage(`Evidence written to ${vscode.workspace.asRelativePath(target)}.${caveat}`, 'Open');
    if (!open) return;
    if (format.format === 'html') await vscode.env.openExternal(target);
    else await vscode.window.showTextDocument(target);
}
