import { readdirSync, readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Connection, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { findingTotals } from '../../../language-server/src/analysis/findings-totals.js';
import { DiagnosticsPublisher } from '../../../language-server/src/lsp/diagnostics-publisher.js';
import { createIntegServices } from '../../../language-server/src/lsp/lsp-module.js';
import { SHOW_RULE_DOC_COMMAND } from '../../../language-server/src/lsp/protocol.js';
import { CATALOGUE } from '../../../language-server/src/rules/catalogue.js';
import { STDLIB_TEXT, STDLIB_URI } from '../../../language-server/src/stdlib/stdlib.js';
import { RULES_DOC_URL } from '../../../language-server/src/workspace/finding-diagnostics.js';

/** What the server publishes for the files, with the initialization options a client sent. */
async function published(files: Record<string, string>, initializationOptions?: unknown) {
    const { shared, integ } = createIntegServices(EmptyFileSystem);
    const sent = new Map<string, Diagnostic[]>();
    const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => { sent.set(params.uri, params.diagnostics); } } as unknown as Connection;
    const publisher = new DiagnosticsPublisher(shared, integ.analysis.WorkspaceAnalysis, connection);
    await shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {}, initializationOptions });
    const factory = shared.workspace.LangiumDocumentFactory;
    const all = shared.workspace.LangiumDocuments;
    all.addDocument(factory.fromString(STDLIB_TEXT, URI.parse(STDLIB_URI)));
    for (const [name, text] of Object.entries(files)) all.addDocument(factory.fromString(text, URI.parse(`file:///ws/${name}`)));
    await shared.workspace.DocumentBuilder.build(all.all.toArray(), { validation: true });
    return { sent, publisher, analysis: integ.analysis.WorkspaceAnalysis };
}

const ACME: Record<string, string> = Object.fromEntries(readdirSync('samples/acme').filter(name => name.endsWith('.integ'))
    .map(name => [name, readFileSync(`samples/acme/${name}`, 'utf8')]));
const findingsOf = (sent: Map<string, Diagnostic[]>) => [...sent.values()].flat().filter(d => d.source === 'integ' && typeof d.code === 'string');

/** VS Code's Markdown preview's heading ids (markdown-language-features' GitHub slugifier). */
function previewSlug(heading: string): string {
    return encodeURI(heading.trim().toLowerCase().replace(/\s+/g, '-')
        .replace(/[\][!/'"#$%&()*+,./:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g, '')
        .replace(/^-+/, '').replace(/-+$/, ''));
}

describe('a finding\'s code link opens the rules reference', () => {
    it('in VS Code: a command URI naming the rule, which opens the shipped docs/rules.md at the rule\'s section', async () => {
        const { sent, publisher } = await published(ACME, { ruleDocs: 'command' });
        expect(publisher.ruleDocLinks).toBe('command');
        const findings = findingsOf(sent);
        expect(findings.length).toBeGreaterThan(20);
        for (const diagnostic of findings) {
            const href = diagnostic.codeDescription!.href;
            expect(href.startsWith(`command:${SHOW_RULE_DOC_COMMAND}?`)).toBe(true);
            const [ruleId, anchor] = JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))) as [string, string];
            expect(ruleId).toBe(diagnostic.code);
            expect(anchor).toBe(CATALOGUE.find(rule => rule.id === ruleId)!.anchor);
        }
        // Every rule has its section, and the preview's id for that heading is the anchor the command scrolls to.
        const headings = new Set([...readFileSync('docs/rules.md', 'utf8').matchAll(/^## (.+)$/gm)].map(match => previewSlug(match[1])));
        expect(CATALOGUE.filter(rule => !headings.has(rule.anchor)).map(rule => rule.id)).toEqual([]);
    });

    it('in any other client: the reference on the web', async () => {
        const { sent, publisher } = await published(ACME);
        expect(publisher.ruleDocLinks).toBe('web');
        for (const diagnostic of findingsOf(sent)) expect(diagnostic.codeDescription!.href).toBe(`${RULES_DOC_URL}#${String(diagnostic.code).replace('/', '')}`);
    });
});

describe('the Problems panel, the status bar and the report count the same findings', () => {
    it('accepted findings are hints (not counted nor listed by VS Code); the rest by severity as the report counts them', async () => {
        const { sent, analysis } = await published(ACME, { ruleDocs: 'command' });
        const findings = findingsOf(sent);
        const count = (severity: DiagnosticSeverity) => findings.filter(d => d.severity === severity).length;
        const { total } = findingTotals(analysis.result.findings);
        expect(total.accepted).toBeGreaterThan(0);
        expect({ errors: count(DiagnosticSeverity.Error), warnings: count(DiagnosticSeverity.Warning), infos: count(DiagnosticSeverity.Information), accepted: count(DiagnosticSeverity.Hint) })
            .toEqual({ errors: total.errors, warnings: total.warnings, infos: total.infos, accepted: total.accepted });
        for (const hint of findings.filter(d => d.severity === DiagnosticSeverity.Hint)) expect(String(hint.message)).toMatch(/^accepted: /);
    });

    it('each Problems row names its rule once: as the code, never again in the message', async () => {
        const { sent } = await published(ACME);
        const repeated = findingsOf(sent).filter(d => typeof d.message !== 'string' || d.message.includes(String(d.code)));
        expect(repeated.map(d => `${String(d.code)}: ${d.message}`)).toEqual([]);
    });
});
