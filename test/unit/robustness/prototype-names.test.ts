import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { IntegCodeActionProvider } from '../../../language-server/src/fixes/integ-code-action-provider.js';
import { answerRoadmapRequest } from '../../../language-server/src/lsp/roadmap-request.js';
import { parseSeveritySettings } from '../../../language-server/src/lsp/rule-severity-settings.js';
import type { WorkspaceAnalysis } from '../../../language-server/src/workspace/workspace-analysis.js';
import { loadTexts, uri } from '../helpers/workspace.js';

/** Names that an object literal answers for although nobody put them there. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'toLocaleString'];

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
    return { code, stdout, stderr };
}

const INITIATIVES = ['__proto__', 'toString', '__defineGetter__', '__defineSetter__'];

/** Every kind of declaration and every initiative named after a member of Object.prototype. */
const MODEL = `
department toLocaleString "Dept" { champions "Ana", "Li" }
system constructor "C" { kind crm  department toLocaleString }
system hasOwnProperty "H" { kind erp  department toLocaleString }
flow valueOf "V" : constructor -> hasOwnProperty { style manual }
flow __lookupGetter__ "G" : hasOwnProperty -> constructor { style manual }
roadmap isPrototypeOf "R" {
  start 2027-01
  ${INITIATIVES.map((name, i) => `initiative ${name} { priority ${i + 1}  months ${i + 1} to ${i + 2} }`).join('\n  ')}
}
`;

describe('names that are members of Object.prototype (item 9)', () => {
    test.each(PROTOTYPE_NAMES)('`integ %s` is an unknown command: exit 2 and the list of commands, not an internal error', async name => {
        const result = await run(tmpdir(), name);
        expect(result.code).toBe(2);
        expect(result.stderr.split('\n')[0]).toBe(`integ: unknown command '${name}'`);
        expect(result.stderr).toContain('integ check');
    });

    test('check, report and roadmap treat declarations so named like any other', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-proto-'));
        writeFileSync(join(folder, 'estate.integ'), MODEL);
        const check = await run(folder, 'check', '--format', 'json');
        const records = JSON.parse(check.stdout) as Array<{ ruleId: string; message: string }>;
        expect(records.filter(r => ['syntax', 'link', 'duplicate-name', 'check'].includes(r.ruleId))).toEqual([]);
        expect(records.some(r => r.message.includes('from constructor to hasOwnProperty'))).toBe(true);
        const roadmap = await run(folder, 'roadmap', '--today', '2027-01-01');
        expect(roadmap.code).toBe(0);
        for (const name of INITIATIVES) expect(roadmap.stdout).toContain(`(\`${name}\`)`);
        expect((await run(folder, 'report')).code).toBe(0);
    });

    test("the roadmap preview's location table has an entry for every initiative, and keeps it across the wire", async () => {
        const workspace = await loadTexts({ 'plan.integ': MODEL });
        const result = answerRoadmapRequest({ today: '2027-01-01' }, { result: workspace.analysis } as unknown as WorkspaceAnalysis, false);
        const received = JSON.parse(JSON.stringify(result)) as typeof result;
        for (const name of INITIATIVES) {
            expect(Object.hasOwn(received.locations, name), name).toBe(true);
            expect(received.locations[name].uri).toBe(uri('plan.integ'));
        }
        expect(Object.keys(received.locations)).toHaveLength(4);
    });

    test('a code action request naming `constructor` as rule and element kind gets only the offers for real rules', async () => {
        const workspace = await loadTexts({ 'a.integ': MODEL });
        const document = workspace.documents.find(d => d.uri.toString() === uri('a.integ'))!;
        const forged: Diagnostic[] = PROTOTYPE_NAMES.map(name => ({
            range: { start: { line: 2, character: 7 }, end: { line: 2, character: 18 } }, message: 'forged',
            data: { ruleId: name, element: { kind: name === 'constructor' ? 'system' : name, name: 'constructor' } }
        }));
        const actions = await new IntegCodeActionProvider(() => '2027-01-01').getCodeActions(document, {
            textDocument: { uri: uri('a.integ') }, range: forged[0].range, context: { diagnostics: forged }
        }) as CodeAction[];
        expect(actions.every(action => action.title.startsWith('Accept (waive) this finding'))).toBe(true);
    });

    test('editor severity settings keyed by such names are kept as entries', () => {
        const settings = parseSeveritySettings(JSON.parse('{"__proto__": "off", "constructor": "error", "gap/batch": "info"}'));
        expect(Object.keys(settings).sort()).toEqual(['__proto__', 'constructor', 'gap/batch']);
        expect(settings.__proto__).toBe('off');
    });
});
