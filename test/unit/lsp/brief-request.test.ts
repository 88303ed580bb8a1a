import { folderTexts } from '../helpers/workspace.js';
import { describe, expect, it } from 'vitest';
import { answerBriefRequest } from '../../../language-server/src/lsp/brief-request.js';
import { parseBriefMessage } from '../../../extension/src/preview/brief-messages.js';
import { briefWebviewHtml } from '../../../extension/src/preview/brief-webview-html.js';
import { runCliIn } from '../helpers/cli-run.js';
import { lspWorkspace } from './lsp-workspace.js';

const TODAY = '2026-03-01';
const ACME = 'samples/acme';

/** The brief without its subtitle: headline cards, actions and charts. */
function briefBody(html: string): string {
    return html.slice(html.indexOf('<div class="cards">'), html.indexOf('</section>'));
}

describe('integ/brief: the COO brief for the editor', () => {
    it('is the first page of `integ report --format html`, from the same functions', async () => {
        const { integ } = await lspWorkspace(folderTexts(ACME));
        const answer = answerBriefRequest({ today: TODAY }, integ.analysis.WorkspaceAnalysis, false);
        const report = await runCliIn(process.cwd(), 'report', ACME, '--format', 'html', '--today', TODAY);
        expect(report.code).toBe(0);
        expect(briefBody(answer.html).length).toBeGreaterThan(1000);
        // The panel has no tables below: it points to the report for the rows a chart leaves out.
        expect(answer.html).toContain('more in the report (Integration: Export Report…)');
        expect(briefBody(answer.html).replaceAll('in the report (Integration: Export Report…)', 'in the tables below')).toBe(briefBody(report.stdout));
        expect(report.stdout).toContain(answer.css);
        expect(answer.hasErrors).toBe(false);
    });

    it('each heat-map row of a department names it in data-key, which the answer lists; the unassigned row names none', async () => {
        const { integ } = await lspWorkspace({
            'a.integ': `department Ops "Ops <&> Co" { }
system Crm { kind crm  department Ops }
system Sheet { kind spreadsheet }
system Sheet2 { kind spreadsheet }
flow Orders : Crm -> Sheet { style manual  effort 4 hours per week }
flow Copy : Sheet -> Sheet2 { style manual  effort 2 hours per week }
`
        });
        const answer = answerBriefRequest({ today: TODAY }, integ.analysis.WorkspaceAnalysis, false);
        expect(answer.departments).toEqual(['Ops']);
        const keyed = [...answer.html.matchAll(/<rect class="cell[^"]*"[^>]*data-row="([^"]*)"( data-key="([^"]*)")?/g)].map(m => [m[1], m[3]]);
        expect(keyed.length).toBeGreaterThan(0);
        expect(new Set(keyed.map(([row, key]) => `${row}|${key ?? ''}`))).toEqual(new Set(['Ops &lt;&amp;&gt; Co|Ops', 'No department|']));
        expect(answer.html).not.toContain('<&>');
    });

    it('the panel trusts only the messages it knows, and its page allows no remote resource', () => {
        expect(parseBriefMessage({ type: 'department', name: 'Ops', extra: 1 })).toEqual({ type: 'department', name: 'Ops' });
        expect(parseBriefMessage({ type: 'department', name: 7 })).toBeUndefined();
        expect(parseBriefMessage({ type: 'department', name: '' })).toBeUndefined();
        expect(parseBriefMessage({ type: 'reveal', name: 'x' })).toBeUndefined();
        expect(parseBriefMessage('ready')).toBeUndefined();
        const page = briefWebviewHtml({ cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/brief.js', nonce: 'abc' });
        expect(page).toContain(`content="default-src &#39;none&#39;; script-src &#39;nonce-abc&#39;; style-src &#39;nonce-abc&#39;; img-src data: vscode-webview://x; font-src vscode-webview://x"`);
        expect(page).not.toMatch(/https?:\/\//);
    });
});
