import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    FINDING_STATES, FINDINGS_GROUPINGS, FINDINGS_SORTS, FindingsRequest,
    type FindingItem, type FindingState, type FindingsGrouping, type FindingsQuery, type FindingsRequestResult, type FindingsSort
} from '../../../language-server/src/lsp/protocol.js';
import { onModelChanged } from '../preview/model-changed-events.js';
import { applyFindingFix, revealFinding } from './finding-actions.js';
import { describeCounts, findingTreeItem, groupTreeItem, type FindingNode, type GroupNode } from './findings-tree-items.js';

const VIEW_ID = 'integ.findings';
const QUERY_KEY = 'integ.findings.query';
const DEFAULT_QUERY: FindingsQuery = { groupBy: 'rule', sortBy: 'severity', states: [], text: '' };

type Node = GroupNode | FindingNode;

const GROUPING_LABELS: Record<FindingsGrouping, string> = {
    rule: 'Rule', area: 'Area (gap, security, compliance…)', system: 'System', department: 'Department', regulation: 'Regulation'
};
const SORT_LABELS: Record<FindingsSort, string> = { severity: 'Severity (errors first)', hours: 'Hours per week (largest first)' };
const STATE_LABELS: Record<FindingState, string> = { error: 'Errors', warning: 'Warnings', info: 'Information', accepted: 'Accepted (waived)' };

/**
 * The findings view in the explorer: the server's grouping of the workspace's findings
 * (`integ/findings`), with the report's "fix first" on top, asked again after every model change.
 * The view only renders; grouping, counting, sorting and filtering are the server's.
 */
class FindingsTree implements vscode.TreeDataProvider<Node> {
    private readonly changed = new vscode.EventEmitter<Node | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private answer?: FindingsRequestResult;
    private answerText?: string;
    private requestSeq = 0;
    view?: vscode.TreeView<Node>;

    constructor(private readonly client: BaseLanguageClient, private readonly memento: vscode.Memento) {}

    get query(): FindingsQuery {
        return { ...DEFAULT_QUERY, ...this.memento.get<FindingsQuery>(QUERY_KEY) };
    }

    async setQuery(change: Partial<FindingsQuery>): Promise<void> {
        await this.memento.update(QUERY_KEY, { ...this.query, ...change });
        await this.refresh();
    }

    async refresh(): Promise<void> {
        const seq = ++this.requestSeq;
        const query = this.query;
        try {
            // The view can ask before activation has started the client.
            await this.client.start();
            const answer = await this.client.sendRequest(FindingsRequest, query);
            // An older answer arriving late must not replace a newer one.
            if (seq !== this.requestSeq) return;
            this.describe(query, answer);
            // Most builds change no finding: redrawing the tree then would only drop the rows' commands under the pointer.
            const text = JSON.stringify(answer);
            if (text === this.answerText) return;
            this.answer = answer;
            this.answerText = text;
        } catch (error) {
            if (seq !== this.requestSeq) return;
            this.client.warn(`${FindingsRequest.method} failed`, error, false);
            if (this.view) this.view.message = `The findings could not be read: ${error instanceof Error ? error.message : String(error)}`;
        }
        this.changed.fire(undefined);
    }

    private describe(query: FindingsQuery, answer: FindingsRequestResult): void {
        if (!this.view) return;
        const filters = [
            ...(query.states && query.states.length > 0 ? [query.states.join(', ')] : []),
            ...(query.text ? [`“${query.text}”`] : [])
        ];
        this.view.description = `by ${query.groupBy} · ${query.sortBy === 'hours' ? 'hours' : 'severity'}${filters.length > 0 ? ` · ${filters.join(' · ')}` : ''}`;
        const notes = [
            ...(answer.hasErrors ? ['A file has syntax errors: the findings may be incomplete.'] : []),
            ...(answer.groups.length === 0 ? [filters.length > 0 ? 'No finding matches the filter.' : 'No findings.'] : [])
        ];
        this.view.message = notes.length > 0 ? notes.join(' ') : undefined;
        void vscode.commands.executeCommand('setContext', 'integ.findings.filtered', filters.length > 0);
        this.view.badge = { value: answer.total.error + answer.total.warning, tooltip: describeCounts(answer.total) };
    }

    getTreeItem(node: Node): vscode.TreeItem {
        return node.kind === 'group' ? groupTreeItem(node) : findingTreeItem(node);
    }

    async getChildren(node?: Node): Promise<Node[]> {
        if (node?.kind === 'finding') return [];
        if (node) return node.group.findings.map(item => ({ kind: 'finding', item, parent: node.id }));
        // The first time only: after a failure the view waits for the next model change (or Refresh) instead of asking in a loop.
        if (this.requestSeq === 0) await this.refresh();
        const answer = this.answer;
        if (!answer) return [];
        const groupBy = this.query.groupBy;
        const fixFirst: GroupNode[] = answer.fixFirst.findings.length > 0 ? [{ kind: 'group', id: 'fix-first', fixFirst: true, group: answer.fixFirst }] : [];
        return [...fixFirst, ...answer.groups.map((group): GroupNode => ({ kind: 'group', id: `${groupBy}:${group.key}`, fixFirst: false, group }))];
    }
}

export function registerFindingsView(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    const tree = new FindingsTree(client, context.workspaceState);
    const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
    tree.view = view;
    const item = (node: unknown): FindingItem | undefined => (node as FindingNode | undefined)?.kind === 'finding' ? (node as FindingNode).item : undefined;
    const rowCommands: Record<string, (finding: FindingItem) => Promise<void>> = {
        'integ.findings.reveal': revealFinding,
        'integ.findings.quickFix': finding => applyFindingFix(client, finding, 'fix'),
        'integ.findings.accept': finding => applyFindingFix(client, finding, 'accept')
    };
    // A row's menu chosen while the view is being redrawn (a build has just changed the findings)
    // reaches the command without its row, and the selection need not be that row: say so, act on nothing.
    const onFinding = (command: string, node: unknown, act: (finding: FindingItem) => Promise<void>): Promise<void> | undefined => {
        const finding = item(node);
        if (finding) return act(finding);
        client.info(`${command}: no finding given (the view was being redrawn)`);
        void vscode.window.showInformationMessage('Integration Architect: the findings view was being updated; choose the finding again.');
        return undefined;
    };
    context.subscriptions.push(
        view,
        onModelChanged(client, () => void tree.refresh()),
        vscode.commands.registerCommand('integ.findings.refresh', () => tree.refresh()),
        vscode.commands.registerCommand('integ.findings.groupBy', async () => {
            const groupBy = await pickOne(FINDINGS_GROUPINGS, GROUPING_LABELS, tree.query.groupBy, 'Group findings by');
            if (groupBy) await tree.setQuery({ groupBy });
        }),
        vscode.commands.registerCommand('integ.findings.sortBy', async () => {
            const sortBy = await pickOne(FINDINGS_SORTS, SORT_LABELS, tree.query.sortBy, 'Sort groups and findings by');
            if (sortBy) await tree.setQuery({ sortBy });
        }),
        vscode.commands.registerCommand('integ.findings.filterSeverity', async () => {
            const kept = new Set(tree.query.states ?? []);
            const picked = await vscode.window.showQuickPick(
                FINDING_STATES.map(state => ({ label: STATE_LABELS[state], state, picked: kept.size === 0 ? state !== 'accepted' : kept.has(state) })),
                { title: 'Show findings that are', canPickMany: true });
            if (!picked) return;
            // All of them picked, or none: no filter.
            const states = picked.length === FINDING_STATES.length ? [] : picked.map(entry => entry.state);
            await tree.setQuery({ states });
        }),
        vscode.commands.registerCommand('integ.findings.filterText', async () => {
            const text = await vscode.window.showInputBox({
                title: 'Show findings whose rule, element or message contains',
                value: tree.query.text,
                prompt: 'Empty shows every finding'
            });
            if (text !== undefined) await tree.setQuery({ text: text.trim() });
        }),
        vscode.commands.registerCommand('integ.findings.clearFilter', () => tree.setQuery({ states: [], text: '' })),
        ...Object.entries(rowCommands).map(([command, act]) => vscode.commands.registerCommand(command, (node?: unknown) => onFinding(command, node, act)))
    );
}

/** One of `options`, picked by its label; the current one is marked. */
async function pickOne<T extends string>(options: readonly T[], labels: Record<T, string>, current: T | undefined, title: string): Promise<T | undefined> {
    const picked = await vscode.window.showQuickPick(
        options.map(value => ({ label: labels[value], value, description: value === current ? 'current' : undefined })), { title });
    return picked?.value;
}
