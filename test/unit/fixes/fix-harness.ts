import { expect } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IntegCodeActionProvider } from '../../../language-server/src/fixes/integ-code-action-provider.js';
import { loadTexts, uri } from '../helpers/workspace.js';

export const TODAY = '2027-01-15';
const FILE = 'a.integ';

function isRuleDiagnostic(diagnostic: Diagnostic): boolean {
    return typeof diagnostic.code === 'string' && diagnostic.code.includes('/');
}

/** Parse, link and check errors (not rule findings): a fix must never introduce one. */
function languageErrors(diagnostics: Diagnostic[]): string[] {
    return diagnostics.filter(d => d.severity === 1 && !isRuleDiagnostic(d)).map(d => `${d.range.start.line + 1}: ${d.message}`);
}

export async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
    const workspace = await loadTexts({ [FILE]: text });
    return workspace.diagnostics.get(uri(FILE)) ?? [];
}

export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Unaccepted diagnostics of the rule on the element (whose message includes `about`, when given). */
export function active(diagnostics: Diagnostic[], ruleId: string, element: string, about = ''): Diagnostic[] {
    return diagnostics.filter(d => d.code === ruleId && (d.data as { element?: { name: string }; accepted?: boolean }).element?.name === element
        && !(d.data as { accepted?: boolean }).accepted && messageOf(d).includes(about));
}

/** The code actions offered for the rule's finding on the element. */
export async function actionsFor(text: string, ruleId: string, element: string, about = ''): Promise<CodeAction[]> {
    const workspace = await loadTexts({ [FILE]: text });
    const diagnostics = workspace.diagnostics.get(uri(FILE)) ?? [];
    expect(languageErrors(diagnostics)).toEqual([]);
    const found = active(diagnostics, ruleId, element, about);
    expect(found, `${ruleId} on ${element}`).not.toHaveLength(0);
    const document = workspace.documents.find(d => d.uri.toString() === uri(FILE));
    if (!document) throw new Error('document not loaded');
    const provider = new IntegCodeActionProvider(() => TODAY);
    const actions = await provider.getCodeActions(document, {
        textDocument: { uri: uri(FILE) }, range: found[0].range, context: { diagnostics: [found[0]] }
    });
    return (actions ?? []) as CodeAction[];
}

export function applyAction(text: string, action: CodeAction): string {
    const edits = action.edit?.changes?.[uri(FILE)] ?? [];
    return TextDocument.applyEdits(TextDocument.create(uri(FILE), 'integ', 1, text), edits);
}

/**
 * Applies the action titled `title` to the finding and re-validates: the finding is gone (or
 * accepted), and there are no parse, link or check errors. Returns the fixed text.
 */
export async function applyFix(text: string, ruleId: string, element: string, title: string, about = ''): Promise<string> {
    const actions = await actionsFor(text, ruleId, element, about);
    const action = actions.find(a => a.title === title);
    expect(action, `"${title}" among ${actions.map(a => a.title).join(' | ')}`).toBeDefined();
    expect(action?.kind).toBe('quickfix');
    expect(action?.diagnostics?.[0]?.code).toBe(ruleId);
    const fixed = applyAction(text, action as CodeAction);
    const after = await diagnosticsOf(fixed);
    expect(languageErrors(after)).toEqual([]);
    expect(active(after, ruleId, element, about).map(messageOf)).toEqual([]);
    return fixed;
}
