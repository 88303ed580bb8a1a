import { Cancellation, DefaultDocumentValidator, DocumentValidator, type AstNode, type AstReflection, type LangiumCoreServices, type LangiumDocument, type Lexer, type ParseResult, type ScopeProvider, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { forEachNode } from '../parser/ast-walk.js';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { GuardedParseResult } from '../parser/guarded-parser.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isFieldRef, FieldRef } from '../generated/ast.js';
import { closestNames, orList } from '../model/closest-names.js';
import { keywordsExpectedAt } from '../parser/syntax-messages.js';
import { unclosedBraces } from '../parser/unclosed-braces.js';
import type { SuggestionData } from '../parser/suggestion-data.js';

/** A garbled file can produce thousands of syntax errors; past this many per kind only a count is shown. */
const MAX_SYNTAX_DIAGNOSTICS = 100;

/** Link errors past this many per file get no "did you mean": each search reads every name of its kind. */
const MAX_SUGGESTED_LINK_ERRORS = 100;

/** A word the user typed (not punctuation, a number or a string), so a near keyword can be suggested for it. */
const WORD = /^[A-Za-z_][\w-]*$/;

const KIND_NAMES: Record<string, string> = {
    System: 'system', Entity: 'entity', Field: 'field', Department: 'department', Regulation: 'regulation',
    Classification: 'classification', Platform: 'platform', Flow: 'flow', Initiative: 'initiative', Declaration: 'declaration'
};

/**
 * Syntax diagnostics are capped per file and say where analysis stopped (binary content, too many
 * errors). Link errors say what is missing in the language's own words, and `Nope.x` reports only `Nope`:
 * a field cannot be looked up in an entity that does not exist. A misspelt name or keyword is told
 * the nearest ones that exist, and the first syntax error after a `{` that is never closed points at it.
 */
export class IntegDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: AstReflection;
    private readonly scopes: ScopeProvider;
    private readonly lexer: Lexer;
    /**
     * The declaration checks read only the syntax tree, so their results hold until the file is
     * parsed again; a file re-validated because another file changed costs only its link errors.
     */
    private readonly checkResults = new WeakMap<AstNode, { categories: string; diagnostics: Diagnostic[] }>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.scopes = services.references.ScopeProvider;
        this.lexer = services.parser.Lexer;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const result: Diagnostic[] = [];
        let parsingErrors = 0;
        for (const diagnostic of diagnostics) {
            if ((diagnostic.data as { code?: string } | undefined)?.code === DocumentValidator.ParsingError && ++parsingErrors > MAX_SYNTAX_DIAGNOSTICS) continue;
            result.push(diagnostic);
        }
        if (parsingErrors > MAX_SYNTAX_DIAGNOSTICS) {
            const last = result.filter(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.ParsingError).pop()!;
            // Its own data: the last error's suggestions would offer a quick fix on this count.
            result.push({ ...last, message: `… and ${parsingErrors - MAX_SYNTAX_DIAGNOSTICS} more syntax errors after this one.`, data: { code: DocumentValidator.ParsingError } });
        }
        if (parsingErrors > 0) this.pointAtUnclosedBraces(document, result);
        const stopped = (document.parseResult as GuardedParseResult).stoppedAt;
        if (stopped) {
            const position = document.textDocument.positionAt(stopped.offset);
            result.push({
                severity: DiagnosticSeverity.Error,
                range: { start: position, end: position },
                message: `Analysis of this file stops here: ${stopped.reason}. Fix the first errors to see the rest.`,
                source: this.getSource(),
                data: { code: DocumentValidator.ParsingError }
            });
        }
        return result;
    }

    /** The first syntax error after each `{` that is never closed gets the `{` as related information. */
    private pointAtUnclosedBraces(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const text = document.textDocument;
        const unclosed = unclosedBraces(this.lexer.tokenize(text.getText()).tokens);
        if (unclosed.length === 0) return;
        const syntaxErrors = diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.ParsingError)
            .map(diagnostic => ({ diagnostic, offset: text.offsetAt(diagnostic.range.start) }));
        for (const brace of unclosed) {
            const after = syntaxErrors.find(error => error.offset > brace);
            if (!after) continue;
            const start = text.positionAt(brace);
            after.diagnostic.relatedInformation = [...after.diagnostic.relatedInformation ?? [], {
                location: { uri: document.uri.toString(), range: { start, end: { line: start.line, character: start.character + 1 } } },
                message: `This '{' (line ${start.line + 1}) is never closed: is a '}' missing?`
            }];
        }
    }

    /** A word where other words were expected (`kind crn`) is told the nearest ones (`crm`). */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        for (const error of parseResult.parserErrors) {
            const before = diagnostics.length;
            super.processParsingErrors({ ...parseResult, parserErrors: [error] }, diagnostics, options);
            const diagnostic = diagnostics[before];
            const expected = error.token && WORD.test(error.token.image) ? keywordsExpectedAt(error.token) : undefined;
            if (!diagnostic || !expected) continue;
            const suggestions = closestNames(error.token.image, expected);
            if (suggestions.length === 0) continue;
            diagnostic.message = `'${error.token.image}' is not allowed here. Did you mean ${orList(suggestions)}?`;
            diagnostic.data = { ...diagnostic.data as object, suggestions } satisfies Partial<SuggestionData>;
        }
    }

    /** Capped before Langium makes a diagnostic of each: a megabyte of garbage has hundreds of thousands. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const errors = parseResult.lexerErrors;
        super.processLexingErrors({ ...parseResult, lexerErrors: errors.slice(0, MAX_SYNTAX_DIAGNOSTICS) }, diagnostics, options);
        if (errors.length > MAX_SYNTAX_DIAGNOSTICS) {
            diagnostics.push({ ...diagnostics[diagnostics.length - 1], message: `… and ${errors.length - MAX_SYNTAX_DIAGNOSTICS} more unexpected characters or unclosed quotes after this one.` });
        }
    }

    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const categories = options.categories?.join() ?? '';
        const cached = this.checkResults.get(rootNode);
        if (cached?.categories === categories) return cached.diagnostics;
        const diagnostics = await super.validateAst(rootNode, options, cancelToken);
        this.checkResults.set(rootNode, { categories, diagnostics });
        return diagnostics;
    }

    /** The checks of each node type, per set of categories: the registry is complete before the first validation. */
    private readonly checksByType = new Map<string, Map<string, ValidationCheck[]>>();

    /**
     * Langium's node walk, without its per-node cancellation check and check lookup (see
     * `forEachNode`); every node is validated, as Langium does unless `validateSingleNodeOptions`
     * is overridden, which this validator does not do.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const key = options.categories?.join() ?? '';
        let byType = this.checksByType.get(key);
        if (!byType) this.checksByType.set(key, byType = new Map());
        const checksOf = (type: string): ValidationCheck[] => {
            let checks = byType.get(type);
            if (!checks) byType.set(type, checks = this.validationRegistry.getChecks(type, options.categories).toArray());
            return checks;
        };
        const run = async (checks: ValidationCheck[], node: AstNode) => {
            for (const check of checks) await check(node, acceptor, cancelToken);
        };
        await forEachNode(rootNode, cancelToken, node => {
            const checks = checksOf(node.$type);
            return checks.length > 0 ? run(checks, node) : undefined;
        });
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        let suggested = 0;
        // A renamed declaration turns every reference to it into a link error: list each scope's names
        // once, and look for each misspelt name in it once.
        const namesInScope = new Map<string, string[]>();
        const suggestedFor = new Map<string, string[]>();
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const container = error.info.container;
            if (isFieldRef(container) && error.info.property === FieldRef.field && !container.entity?.ref) continue;
            const type = this.reflection.getReferenceType(error.info);
            const kind = KIND_NAMES[type] ?? type.toLowerCase();
            const where = isFieldRef(container) && error.info.property === FieldRef.field
                ? ` in entity '${container.entity.ref?.name}'` : '';
            let suggestions: string[] = [];
            if (++suggested <= MAX_SUGGESTED_LINK_ERRORS) {
                const scopeKey = `${type}\u0000${where}`;
                const key = `${scopeKey}\u0000${reference.$refText}`;
                let found = suggestedFor.get(key);
                if (!found) {
                    let names = namesInScope.get(scopeKey);
                    if (!names) namesInScope.set(scopeKey, names = this.scopes.getScope(error.info).getAllElements().map(description => description.name).toArray());
                    suggestedFor.set(key, found = closestNames(reference.$refText, names));
                }
                suggestions = found;
            }
            const didYouMean = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '';
            diagnostics.push(this.toDiagnostic('error', `Unknown ${kind} '${reference.$refText}'${where}.${didYouMean}`, {
                node: container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                data: { code: DocumentValidator.LinkingError, containerType: container.$type, property: error.info.property, refText: reference.$refText, suggestions }
            }));
        }
    }
}
