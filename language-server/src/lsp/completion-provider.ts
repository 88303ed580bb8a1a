import { AstUtils, GrammarAST, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionProviderOptions, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams, type MarkupContent } from 'vscode-languageserver';
import { CATALOGUE } from '../rules/catalogue.js';
import type { Classification, Declared, Department, Entity, Estate, Flow, Initiative, Platform, System } from '../model/estate.js';
import type { IntegServices } from './lsp-services.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { KEYWORD_DOCS, VALUE_DOCS } from './keyword-docs.js';
import { DECLARATION_SNIPPETS, expandSnippet, type NamedKind, type SnippetNames } from './declaration-snippets.js';

/** The declarations a snippet can start: where Langium offers their first keyword, a declaration may begin. */
const DECLARATION_RULES = new Set(['Policy', 'Department', 'Regulation', 'Classification', 'Entity', 'Platform', 'System', 'Flow', 'Process', 'Roadmap', 'Initiative', 'Accept']);

/**
 * Keywords and enum values with their meaning, and references with what the estate knows about
 * the target (title, kind, department, fields…) instead of Langium's bare type name. Where a
 * declaration may start, its snippet comes first, above the bare keyword; `*` after `Entity.`.
 */
export class IntegCompletionProvider extends DefaultCompletionProvider {
    private readonly analysis: WorkspaceAnalysis;
    /** `Entity.` opens the list of the entity's fields; `accept "` the list of rule ids. */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.', '"'] };

    constructor(services: IntegServices) {
        super(services);
        this.analysis = services.analysis.WorkspaceAnalysis;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const ruleIds = ruleIdCompletion(document.textDocument.getText(), document.textDocument.offsetAt(params.position), document);
        return ruleIds ?? super.getCompletion(document, params, cancelToken);
    }

    /** Langium drops keywords without a letter; `*` (every field of the entity) is one worth offering. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return keyword.value === '*' || super.filterKeyword(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (rule && DECLARATION_RULES.has(rule.name) && startsRule(rule, keyword)) this.offerSnippets(context, keyword.value, acceptor);
        if (keyword.value === '*') {
            acceptor(context, { label: '*', kind: CompletionItemKind.Operator, detail: 'every field of the entity', sortText: '0' });
            return;
        }
        const values = rule ? VALUE_DOCS[rule.name] : undefined;
        if (rule && values) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.EnumMember,
                detail: rule.name,
                documentation: values[keyword.value],
                sortText: '0'
            });
            return;
        }
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: 'keyword',
            documentation: KEYWORD_DOCS[keyword.value],
            sortText: '1'
        });
    }

    private offerSnippets(context: CompletionContext, keyword: string, acceptor: CompletionAcceptor): void {
        const names = this.snippetNames();
        DECLARATION_SNIPPETS.filter(snippet => snippet.keyword === keyword).forEach((snippet, index) => acceptor(context, {
            label: snippet.label,
            filterText: keyword,
            kind: CompletionItemKind.Snippet,
            detail: snippet.description,
            documentation: KEYWORD_DOCS[keyword],
            insertText: expandSnippet(snippet, names),
            insertTextFormat: InsertTextFormat.Snippet,
            preselect: index === 0 || undefined,
            sortText: `0${index}`
        }));
    }

    private snippetNames(): SnippetNames {
        const estate = this.analysis.result.estate;
        const user = (declarations: Iterable<Declared>) => [...declarations].filter(declared => !declared.source.builtin).map(declared => declared.name);
        const lists: Record<NamedKind, () => string[]> = {
            System: () => user(estate.systems.values()),
            Department: () => user(estate.departments.values()),
            Entity: () => user(estate.entities.values()),
            Flow: () => user(estate.flows.values())
        };
        const maps = [estate.departments, estate.regulations, estate.classifications, estate.entities, estate.platforms, estate.systems, estate.flows, estate.processes, estate.roadmaps, estate.initiatives];
        return { of: kind => lists[kind](), taken: name => maps.some(map => map.has(name)) };
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const estate = this.analysis.result.estate;
        if (description.type === 'Field') {
            const entity = entityOfFieldRef(refInfo, estate);
            const field = entity?.fields.find(f => f.name === description.name);
            return { ...item, detail: field?.classification ? `field: ${field.classification}` : 'field (unclassified)' };
        }
        const declared = declaredByType(estate, description.type, description.name);
        if (!declared) return item;
        return {
            ...item,
            detail: declared.kind === 'system' ? systemDetail(declared as System) : `${declared.kind}${declared.title !== declared.name ? ` — ${declared.title}` : ''}`,
            documentation: documentationOf(declared)
        };
    }
}

/**
 * Inside the quotes of `accept "…"` or `rule "…"` (found on the text, so it works while the line
 * does not parse yet): the rule ids of the catalogue, with their titles.
 */
function ruleIdCompletion(text: string, offset: number, document: LangiumDocument): CompletionList | undefined {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.slice(lineStart, offset);
    const match = /(?:^|[\s{])(?:accept|rule)\s+"([\w/-]*)$/.exec(before);
    if (!match) return undefined;
    const start = offset - match[1].length;
    let end = offset;
    while (end < text.length && /[\w/-]/.test(text[end])) end++;
    const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
    return {
        isIncomplete: false,
        items: CATALOGUE.map(rule => ({
            label: rule.id,
            kind: CompletionItemKind.Value,
            detail: `${rule.title} (${rule.defaultSeverity})`,
            documentation: { kind: 'markdown', value: rule.rationale },
            textEdit: { range, newText: rule.id }
        }))
    };
}

/** True when `keyword` is the first keyword of `rule`: there, a declaration of the rule starts. */
function startsRule(rule: GrammarAST.ParserRule, keyword: GrammarAST.Keyword): boolean {
    return AstUtils.streamAst(rule.definition).find(GrammarAST.isKeyword) === keyword;
}

/** `crm · Sales`: what tells two systems apart when choosing one, the title after it. */
function systemDetail(system: System): string {
    const facts = [system.systemKind ?? 'system', system.department ?? 'no department'].join(' · ');
    return system.title !== system.name ? `${facts} — ${system.title}` : facts;
}

function entityOfFieldRef(refInfo: ReferenceInfo, estate: Estate): Entity | undefined {
    const entityName = (refInfo.container as { entity?: { $refText?: string } }).entity?.$refText;
    return entityName ? estate.entities.get(entityName) : undefined;
}

function declaredByType(estate: Estate, type: string, name: string): Declared | undefined {
    switch (type) {
        case 'System': return estate.systems.get(name);
        case 'Flow': return estate.flows.get(name);
        case 'Entity': return estate.entities.get(name);
        case 'Platform': return estate.platforms.get(name);
        case 'Department': return estate.departments.get(name);
        case 'Initiative': return estate.initiatives.get(name);
        case 'Classification': return estate.classifications.get(name);
        case 'Regulation': return estate.regulations.get(name);
        case 'Process': return estate.processes.get(name);
        case 'Roadmap': return estate.roadmaps.get(name);
        default: return undefined;
    }
}

function documentationOf(declared: Declared): MarkupContent | undefined {
    const facts: string[] = [];
    switch (declared.kind) {
        case 'system': {
            const system = declared as System;
            if (system.systemKind) facts.push(`kind ${system.systemKind}`);
            if (system.department) facts.push(`department ${escapeMarkdown(system.department)}`);
            if (system.shadow) facts.push('shadow IT');
            if (system.stores.length > 0) facts.push(`stores ${escapeMarkdown(system.stores.join(', '))}`);
            break;
        }
        case 'flow': {
            const flow = declared as Flow;
            facts.push(`${escapeMarkdown(flow.sourceSystem)} ${flow.twoWay ? '<->' : '->'} ${escapeMarkdown(flow.targetSystem)}`);
            if (flow.style) facts.push(`style ${flow.style}`);
            break;
        }
        case 'entity': {
            const entity = declared as Entity;
            facts.push(`${entity.fields.length} fields${entity.fields.length > 0 ? `: ${escapeMarkdown(entity.fields.slice(0, 8).map(f => f.name).join(', '))}` : ''}`);
            if (entity.masters.length > 0) facts.push(`master ${escapeMarkdown(entity.masters.join(', '))}`);
            break;
        }
        case 'platform': {
            const platform = declared as Platform;
            if (platform.bestFor) facts.push(`best for ${escapeMarkdown(platform.bestFor)}`);
            if (platform.volume) facts.push(`volume ${platform.volume}`);
            if (platform.price) facts.push(`${platform.price.min}${platform.price.max ? `–${platform.price.max}` : ''} ${escapeMarkdown(platform.price.currency)} per ${platform.price.per}`);
            break;
        }
        case 'department': {
            const department = declared as Department;
            facts.push(`${department.champions.length} champions`);
            break;
        }
        case 'classification': {
            const classification = declared as Classification;
            if (classification.level) facts.push(`level ${classification.level}`);
            if (classification.regulations.length > 0) facts.push(`regulations ${escapeMarkdown(classification.regulations.join(', '))}`);
            break;
        }
        case 'initiative': {
            const initiative = declared as Initiative;
            if (initiative.priority !== undefined) facts.push(`priority ${initiative.priority}`);
            if (initiative.months) facts.push(`months ${initiative.months.from} to ${initiative.months.to}`);
            break;
        }
        default:
            break;
    }
    if (declared.source.builtin) facts.push('standard library');
    // Markdown, so every model string in the facts above is escaped: a `best-for "![x](https://…)"` must not load an image.
    return facts.length > 0 ? { kind: 'markdown', value: facts.join(' · ') } : undefined;
}
