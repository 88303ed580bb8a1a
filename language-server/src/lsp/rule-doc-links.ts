import type { Diagnostic } from 'vscode-languageserver';
import { CATALOGUE } from '../rules/catalogue.js';
import { SHOW_RULE_DOC_COMMAND, type ShowRuleDocArguments } from './protocol.js';

const ANCHORS = new Map(CATALOGUE.map(rule => [rule.id, rule.anchor]));

/**
 * Where a finding's code links to: `web`, the rules reference on GitHub (any editor), or `command`,
 * the extension's command that opens the copy shipped in the VSIX, offline. VS Code opens a
 * diagnostic's code link, in the Problems panel and in the hover, with commands allowed.
 */
export type RuleDocLinks = 'web' | 'command';

/** `initializationOptions.ruleDocs` as the client sent it; `web` unless it asks for `command`. */
export function ruleDocLinksOf(initializationOptions: unknown): RuleDocLinks {
    return (initializationOptions as { ruleDocs?: unknown } | undefined)?.ruleDocs === 'command' ? 'command' : 'web';
}

/** The command URI for a catalogue rule; undefined for any other code. */
export function ruleDocCommandUri(ruleId: string): string | undefined {
    const anchor = ANCHORS.get(ruleId);
    if (anchor === undefined) return undefined;
    const args: ShowRuleDocArguments = [ruleId, anchor];
    return `command:${SHOW_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** The diagnostic with its code link pointing at the command, when it is a catalogue rule's finding with a link. */
export function withRuleDocLink(diagnostic: Diagnostic, links: RuleDocLinks): Diagnostic {
    if (links === 'web' || !diagnostic.codeDescription || typeof diagnostic.code !== 'string') return diagnostic;
    const href = ruleDocCommandUri(diagnostic.code);
    return href ? { ...diagnostic, codeDescription: { href } } : diagnostic;
}
