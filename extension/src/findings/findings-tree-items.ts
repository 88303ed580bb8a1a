import * as vscode from 'vscode';
import type { FindingGroup, FindingItem, FindingState, StateCounts } from '../../../language-server/src/lsp/protocol.js';

export interface GroupNode {
    kind: 'group';
    /** Stable across answers, so that VS Code keeps a group open when the findings change. */
    id: string;
    /** The "fix first" group: opened by default, marked apart. */
    fixFirst: boolean;
    group: FindingGroup;
}

export interface FindingNode {
    kind: 'finding';
    item: FindingItem;
    /** The id of the group it is listed in: a finding can be in several. */
    parent: string;
}

const STATE_ICONS: Record<FindingState, vscode.ThemeIcon> = {
    error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
    warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
    info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
    accepted: new vscode.ThemeIcon('pass')
};

/** "2 errors · 1 warning · 1 accepted" */
export function describeCounts(counts: StateCounts): string {
    const parts = [
        counts.error > 0 ? `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}` : undefined,
        counts.warning > 0 ? `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}` : undefined,
        counts.info > 0 ? `${counts.info} info` : undefined,
        counts.accepted > 0 ? `${counts.accepted} accepted` : undefined
    ].filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(' · ') : 'no findings';
}

function worstState(counts: StateCounts): FindingState {
    return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : counts.info > 0 ? 'info' : 'accepted';
}

export function groupTreeItem(node: GroupNode): vscode.TreeItem {
    const { group } = node;
    const item = new vscode.TreeItem(group.label, node.fixFirst ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${node.id}`;
    const hours = group.hoursPerWeek > 0 ? ` · ${group.hoursPerWeek} h/week` : '';
    item.description = `${describeCounts(group.counts)}${hours}`;
    item.iconPath = node.fixFirst ? new vscode.ThemeIcon('flame', new vscode.ThemeColor('problemsErrorIcon.foreground')) : STATE_ICONS[worstState(group.counts)];
    item.tooltip = node.fixFirst
        ? 'The open findings with the largest impact, as the report\'s "Fix these first" ranks them: the gaps that cost the most manual hours, alternating with the security and compliance findings that expose the most regulated data.'
        : `${group.label}: ${describeCounts(group.counts)}${hours}`;
    item.contextValue = node.fixFirst ? 'findingGroup.fixFirst' : 'findingGroup';
    // Screen readers read the row, not the long tooltip VS Code would otherwise read.
    item.accessibilityInformation = { label: `${group.label}, ${item.description}` };
    return item;
}

export function findingTreeItem(node: FindingNode): vscode.TreeItem {
    const finding = node.item;
    const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent}\u0000${finding.uri}\u0000${finding.range.start.line}:${finding.range.start.character}\u0000${finding.ruleId}\u0000${finding.element.name}`;
    const hours = finding.hoursPerWeek > 0 ? ` · ${finding.hoursPerWeek} h/week` : '';
    item.description = `${finding.ruleId} · ${finding.element.kind} ${finding.element.name}${hours}`;
    item.iconPath = STATE_ICONS[finding.state];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${finding.state === 'accepted' ? 'accepted' : finding.state} — ${finding.ruleId} on ${finding.element.kind} ${finding.element.name}\n\n`);
    tooltip.appendText(finding.message);
    if (finding.acceptedReason) tooltip.appendText(`\n\nAccepted: ${finding.acceptedReason}`);
    if (finding.hoursPerWeek > 0) tooltip.appendText(`\n\nFixing it saves ${finding.hoursPerWeek} h/week of manual work.`);
    item.tooltip = tooltip;
    // Accepted findings have a waiver already: no quick fix, no second accept.
    item.contextValue = finding.state === 'accepted' ? 'finding.accepted' : 'finding.open';
    item.accessibilityInformation = { label: `${finding.state}: ${finding.message}, ${item.description}` };
    item.command = { command: 'integ.findings.reveal', title: 'Go to Finding', arguments: [node] };
    return item;
}
