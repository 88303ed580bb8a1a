import type { AstNode } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { isEntity, isFlow, isInitiative, isModel, isRoadmap, type Initiative } from '../generated/ast.js';
import { ARTICLE_TARGETS } from '../rules/roi-rules.js';
import { RETROSPECTIVE_DAYS } from '../rules/change-rules.js';
import { blockShapeOf, keywordRange, propertyRange } from './declaration-lookup.js';
import { insertProperties, replaceText } from './property-edits.js';

/** A quick fix before it becomes an LSP code action. */
export interface FixProposal {
    title: string;
    /** Edits in the finding's own document. */
    edits: TextEdit[];
    /** Edits in other documents of the workspace, by URI. */
    elsewhere?: Record<string, TextEdit[]>;
    /** The one obvious fix for the finding. */
    preferred: boolean;
}

export interface FixContext {
    text: string;
    /** The declaration the finding is about. */
    node: AstNode;
    /** The finding's figures (the diagnostic's data). */
    data: Record<string, unknown>;
    /** The workspace's other documents, for a fix whose edit belongs elsewhere (an initiative in the roadmap's file). */
    others?: () => Iterable<{ uri: string; text: string; root: AstNode }>;
}

type FixBuilder = (context: FixContext) => FixProposal[];

const { manualHoursPercent, errorRateBelowPercent, reportTimePercent, productivityPercent, downtimeBelowHoursPerMonth } = ARTICLE_TARGETS;

/** The article's ROI targets as a `targets` block; its productivity range as its middle. */
export const ARTICLE_TARGETS_BLOCK = `targets { manual-hours ${manualHoursPercent}%  error-rate below ${errorRateBelowPercent}%  report-time ${reportTimePercent}%  `
    + `productivity +${(productivityPercent.min + productivityPercent.max) / 2}%  downtime below ${downtimeBelowHoursPerMonth} hours per month }`;

/** Sets `keyword value`: replaces the written value, or inserts the property. */
function setProperty(context: FixContext, property: string, keyword: string, value: string, preferred = true): FixProposal[] {
    const title = `Set ${keyword} ${value}`;
    const written = propertyRange(context.node, property);
    if (written) return [{ title, edits: [replaceText(written, value)], preferred }];
    return addProperties(context, [`${keyword} ${value}`], title, preferred);
}

function addProperties(context: FixContext, properties: string[], title: string, preferred = true, where: 'first' | 'last' = 'last'): FixProposal[] {
    const shape = blockShapeOf(context.node);
    if (!shape) return [];
    return [{ title, edits: [insertProperties(context.text, shape, properties, where)], preferred }];
}

/** Adds a flag such as `audit` unless it is already written. */
function addFlag(context: FixContext, flag: string): FixProposal[] {
    if (propertyRange(context.node, flag)) return [];
    return addProperties(context, [flag], `Add ${flag}`);
}

function tlsVersion(data: Record<string, unknown>): string {
    const required = typeof data.requiredTls === 'number' ? data.requiredTls : 1.2;
    return required.toFixed(1);
}

const setOauth2: FixBuilder = context => setProperty(context, 'auth', 'auth', 'oauth2');

const twoWay: FixBuilder = context => {
    if (!isFlow(context.node) || context.node.twoWay) return [];
    const arrow = keywordRange(context.node, '->');
    return arrow ? [{ title: 'Make the flow two-way (<->)', edits: [replaceText(arrow, '<->')], preferred: true }] : [];
};

const master: FixBuilder = context => {
    if (!isEntity(context.node)) return [];
    const candidates = Array.isArray(context.data.candidates) ? context.data.candidates.filter((c): c is string => typeof c === 'string') : [];
    const written = propertyRange(context.node, 'masters');
    return candidates.map(candidate => written
        ? { title: `Keep ${candidate} as the only master`, edits: [replaceText(written, candidate)], preferred: candidates.length === 1 }
        : addProperties(context, [`master ${candidate}`], `Add master ${candidate}`, candidates.length === 1, 'first')[0]
    ).filter((proposal): proposal is FixProposal => proposal !== undefined);
};

/** A parallel run inside the policy's range: the article's 3 weeks when the policy allows it. */
function parallelRunWeeks(data: Record<string, unknown>): number {
    const min = typeof data.min === 'number' ? data.min : 2;
    const max = typeof data.max === 'number' ? data.max : 4;
    return min <= 3 && 3 <= max ? 3 : Math.ceil(min);
}

const parallelRun: FixBuilder = context => {
    if (!isInitiative(context.node)) return [];
    if (context.data.fix === 'retrospective') {
        return setProperty(context, 'retrospective', 'retrospective', `${RETROSPECTIVE_DAYS} days`);
    }
    const weeks = parallelRunWeeks(context.data);
    return setProperty(context, 'parallelRun', 'parallel-run', `${weeks} week${weeks === 1 ? '' : 's'}`);
};

const targets: FixBuilder = context => {
    if (!isInitiative(context.node)) return [];
    const written = propertyRange(context.node, 'targets');
    if (written) return [{ title: "Use the article's ROI targets", edits: [replaceText(written, ARTICLE_TARGETS_BLOCK)], preferred: true }];
    return addProperties(context, [ARTICLE_TARGETS_BLOCK], "Add the article's ROI targets");
};

const incompleteFlow: FixBuilder = context => {
    const missing = Array.isArray(context.data.missing) ? context.data.missing : [];
    const properties = [missing.includes('auth') ? 'auth oauth2' : undefined, missing.includes('tls') ? 'tls 1.2' : undefined]
        .filter((property): property is string => property !== undefined);
    if (properties.length === 0) return [];
    return addProperties(context, properties, `Add ${properties.join(' and ')}`);
};

/** A retention the regulation accepts, in the unit it is usually stated in (`7 years`, `18 months`). */
function retentionText(months: number): string {
    const whole = Math.ceil(months);
    if (whole % 12 === 0) return whole === 12 ? '1 year' : `${whole / 12} years`;
    return `${whole} months`;
}

const retention: FixBuilder = context => {
    const written = propertyRange(context.node, 'auditRetention');
    if (!written || typeof context.data.requiredMonths !== 'number') return [];
    const value = retentionText(context.data.requiredMonths);
    return [{ title: `Keep the audit log ${value}`, edits: [replaceText(written, value)], preferred: true }];
};

/** How many initiatives a flow's replacement is offered in: beyond a few the menu is a list to search, not a choice. */
const MAX_REPLACING_INITIATIVES = 3;

/**
 * A live flow on a retired system: plan its replacement in an initiative (the one retiring the system
 * first, then those of the flow's own file, then those of other files), or say it is retired too.
 */
const retiredDependency: FixBuilder = context => {
    const flow = context.node;
    if (!isFlow(flow)) return [];
    const initiativesOf = (root: AstNode): Initiative[] => isModel(root) ? root.elements.filter(isRoadmap).flatMap(roadmap => roadmap.initiatives) : [];
    const here = { uri: undefined, text: context.text, root: flow.$container as AstNode };
    const candidates = [here, ...(context.others?.() ?? [])].flatMap(document => initiativesOf(document.root).map(initiative => ({ initiative, document })));
    const retiring = context.data.initiative;
    candidates.sort((p, q) => Number(q.initiative.name === retiring) - Number(p.initiative.name === retiring));
    const plans = candidates.slice(0, MAX_REPLACING_INITIATIVES).map(({ initiative, document }, index): FixProposal | undefined => {
        const title = `Plan the replacement of ${flow.name} in ${initiative.name}`;
        const written = propertyRange(initiative, 'replaces');
        const edit = written
            ? { range: { start: written.end, end: written.end }, newText: `, ${flow.name}` }
            : addProperties({ ...context, text: document.text, node: initiative }, [`replaces ${flow.name}`], title, index === 0)[0]?.edits[0];
        if (!edit) return undefined;
        return document.uri === undefined
            ? { title, edits: [edit], preferred: index === 0 }
            : { title, edits: [], elsewhere: { [document.uri]: [edit] }, preferred: index === 0 };
    }).filter((proposal): proposal is FixProposal => proposal !== undefined);
    return [...plans, ...setProperty(context, 'status', 'status', 'retired', plans.length === 0)];
};

/**
 * Quick fixes keyed by rule id; every finding also gets the "accept" action. The rule id comes back
 * from the client in the diagnostic's data, so the table has no prototype: `constructor` finds nothing.
 */
const RULE_FIXES: Readonly<Record<string, FixBuilder>> = Object.assign(Object.create(null), {
    'inventory/incomplete-flow': incompleteFlow,
    'inventory/retired-dependency': retiredDependency,
    'gap/one-way': twoWay,
    'gap/fragile': context => (context.data.monitored === false ? addFlag(context, 'monitored') : []),
    'gap/conflicting-master': master,
    'security/tls': context => setProperty(context, 'tls', 'tls', tlsVersion(context.data)),
    'security/no-auth': setOauth2,
    'security/oauth2': context => [...setOauth2(context), ...setProperty(context, 'auth', 'auth', 'mtls', false)],
    'security/shared-credentials': setOauth2,
    'security/hardcoded-secret': context => setProperty(context, 'secrets', 'secrets', 'vault'),
    'security/encryption-at-rest': context => setProperty(context, 'encryption', 'encryption', context.data.requiredEncryption === 'aes128' ? 'aes128' : 'aes256'),
    'security/audit-log': context => addFlag(context, 'audit'),
    'compliance/sox-reconciliation': context => addFlag(context, 'reconciled'),
    'compliance/retention': retention,
    'change/parallel-run': parallelRun,
    'roi/targets': targets
} satisfies Record<string, FixBuilder>);

export function fixesFor(ruleId: string, context: FixContext): FixProposal[] {
    return RULE_FIXES[ruleId]?.(context) ?? [];
}

/**
 * Fixes for findings on a policy setting or an `accept`, which have no declaration to edit: they
 * replace what the finding points at (the misspelt rule id, quotes included).
 */
export function fixesAt(ruleId: string, range: Range, data: Record<string, unknown>): FixProposal[] {
    if ((ruleId === 'policy/unknown-rule' || ruleId === 'waiver/unknown-rule') && typeof data.suggestion === 'string') {
        return [{ title: `Change to "${data.suggestion}"`, edits: [replaceText(range, `"${data.suggestion}"`)], preferred: true }];
    }
    return [];
}
