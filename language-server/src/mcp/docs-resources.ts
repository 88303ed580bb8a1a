import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CATALOGUE } from '../rules/catalogue.js';

export function ruleResourceUri(ruleId: string): string {
    return `integ://docs/rules/${ruleId}`;
}

export const LANGUAGE_RESOURCE_URI = 'integ://docs/language';

/**
 * The package's docs folder. The CLI bundle is dist/cli.cjs with docs/ beside dist/ (a checkout or
 * an npm install of the package); the sources run from language-server/src/mcp. Walking up from
 * this module finds it in both without knowing which one is running.
 */
export function findDocsFolder(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
    for (let folder = from, up = 0; up < 5; folder = path.dirname(folder), up++) {
        if (existsSync(path.join(folder, 'docs', 'rules.md'))) return path.join(folder, 'docs');
    }
    return undefined;
}

/** Each rule's section of docs/rules.md, keyed by rule id: from its `## <id>` heading to the next `## `. */
export function ruleSections(rulesMarkdown: string): Map<string, string> {
    const ids = new Set(CATALOGUE.map(rule => rule.id));
    const sections = new Map<string, string>();
    const parts = rulesMarkdown.split(/^(?=## )/m);
    for (const part of parts) {
        const id = /^## (\S+)\s*$/m.exec(part.split('\n', 1)[0])?.[1];
        if (id !== undefined && ids.has(id)) sections.set(id, part.trimEnd() + '\n');
    }
    return sections;
}

/**
 * The rules' explanations and the language reference, so an assistant can say why a finding
 * matters and how to write the fix. Returns what it registered; nothing when the docs are not
 * installed beside the bundle (the VS Code extension ships without them).
 */
export function registerDocsResources(server: McpServer, docs = findDocsFolder()): { rules: number; language: boolean } {
    if (!docs) return { rules: 0, language: false };
    const read = (file: string) => {
        try { return readFileSync(path.join(docs, file), 'utf8'); } catch { return undefined; }
    };
    const rules = read('rules.md');
    const sections = rules === undefined ? new Map<string, string>() : ruleSections(rules);
    for (const rule of CATALOGUE) {
        const text = sections.get(rule.id);
        if (text === undefined) continue;
        const uri = ruleResourceUri(rule.id);
        server.registerResource(`rule ${rule.id}`, uri, { title: rule.title, description: `Rule ${rule.id}: what it checks, why, and how to fix it`, mimeType: 'text/markdown' },
            async () => ({ contents: [{ uri, mimeType: 'text/markdown', text }] }));
    }
    const language = read('language.md');
    if (language !== undefined) {
        server.registerResource('language reference', LANGUAGE_RESOURCE_URI, { title: 'The .integ language', description: 'Every declaration and property of .integ files', mimeType: 'text/markdown' },
            async () => ({ contents: [{ uri: LANGUAGE_RESOURCE_URI, mimeType: 'text/markdown', text: language }] }));
    }
    return { rules: sections.size, language: language !== undefined };
}
