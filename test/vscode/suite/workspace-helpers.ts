import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';

/** One expected finding as `integ check --format json` and samples/acme/expected-findings.json give it. */
export interface ExpectedFinding {
    file: string;
    line: number;
    ruleId: string;
    message?: string;
}

export const EXTENSION_ID = 'integration-architect.integration-architect';

export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the test workspace has no folder open');
    return folder.uri;
}

/** Workspace-relative path with forward slashes, the form the CLI and expected-findings.json use. */
export function relativePath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false).split('\\').join('/');
}

export function fileUri(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Language errors have no catalogue id; they are compared as one kind. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return typeof code === 'string' && code.includes('/') ? code : 'language';
}

function normaliseRuleId(ruleId: string): string {
    return ruleId.includes('/') ? ruleId : 'language';
}

export function findingKey(file: string, line: number, ruleId: string): string {
    return `${file}:${line} ${ruleId}`;
}

/** Every diagnostic on a .integ file, as sorted `file:line ruleId` keys (1-based lines). */
export function currentFindingKeys(): string[] {
    const keys: string[] = [];
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
        if (!uri.path.endsWith('.integ')) continue;
        for (const diagnostic of diagnostics) {
            keys.push(findingKey(relativePath(uri), diagnostic.range.start.line + 1, ruleIdOf(diagnostic)));
        }
    }
    return keys.sort();
}

export function expectedFindingKeys(expected: ExpectedFinding[]): string[] {
    return expected.map(finding => findingKey(finding.file.split('\\').join('/'), finding.line, normaliseRuleId(finding.ruleId))).sort();
}

/** The runner writes the expected findings for the copied workspace and passes the path. */
export function loadExpectedFindings(): ExpectedFinding[] {
    const path = process.env.INTEG_E2E_EXPECTED;
    if (!path) throw new Error('INTEG_E2E_EXPECTED is not set: start the suite through test/vscode/run-*.mjs');
    return JSON.parse(readFileSync(path, 'utf8')) as ExpectedFinding[];
}

/** Multiset difference, for readable failure messages. */
export function difference(left: string[], right: string[]): string[] {
    const remaining = new Map<string, number>();
    for (const key of right) remaining.set(key, (remaining.get(key) ?? 0) + 1);
    const result: string[] = [];
    for (const key of left) {
        const count = remaining.get(key) ?? 0;
        if (count > 0) remaining.set(key, count - 1);
        else result.push(key);
    }
    return result;
}

export function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value other than undefined; on timeout throws what `explain` says. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, explain: () => string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${explain()}`);
        await sleep(100);
    }
}

export async function integFiles(): Promise<vscode.Uri[]> {
    const files = await vscode.workspace.findFiles('**/*.integ');
    return files.sort((a, b) => a.path.localeCompare(b.path));
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
}

export function diagnosticsOf(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(diagnostic => ruleIdOf(diagnostic) === ruleId);
}

/** Throws away unsaved test edits so the next test starts from the copied sample again. */
export async function revert(uri: vscode.Uri): Promise<void> {
    await openEditor(uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
}
