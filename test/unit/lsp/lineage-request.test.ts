import { folderTexts } from '../helpers/workspace.js';
import { describe, expect, it } from 'vitest';
import { answerLineageRequest } from '../../../language-server/src/lsp/lineage-request.js';
import { runCliIn } from '../helpers/cli-run.js';
import { lspWorkspace } from './lsp-workspace.js';

const ACME = 'samples/acme';

describe('integ/lineage: where a piece of data goes, in the editor', () => {
    it('lists the systems and hops `integ lineage` lists, in its order, with the same controls and findings', async () => {
        const { integ } = await lspWorkspace(folderTexts(ACME));
        const answer = answerLineageRequest({ data: 'Customer.contactEmail' }, integ.analysis.WorkspaceAnalysis);
        if ('error' in answer) throw new Error(answer.error);
        const cli = await runCliIn(process.cwd(), 'lineage', 'Customer.contactEmail', ACME, '--format', 'json');
        expect(cli.code).toBe(0);
        const printed = JSON.parse(cli.stdout) as { systems: Array<{ name: string; master: boolean; findings: Array<{ ruleId: string }> }>; hops: Array<{ flow: string; from: string; to: string; controls: { audit: boolean; requiredTls: number } }> };
        expect(answer.entity).toBe('Customer');
        expect(answer.field).toBe('contactEmail');
        expect(answer.classifications).toEqual([{ name: 'PII', regulations: ['GDPR'] }]);
        expect(answer.systems.map(s => [s.name, s.master, s.findings.map(f => f.ruleId)])).toEqual(printed.systems.map(s => [s.name, s.master, s.findings.map(f => f.ruleId)]));
        expect(answer.flows.map(f => [f.name, f.from, f.to, f.audit, f.requiredTls])).toEqual(printed.hops.map(h => [h.flow, h.from, h.to, h.controls.audit, h.controls.requiredTls]));
        expect(answer.systems[0]).toMatchObject({ name: 'Salesforce', master: true });
    });

    it('names the fields there are when the one asked for is not in the model, and asks for a name when none is given', async () => {
        const { integ } = await lspWorkspace(folderTexts(ACME));
        const answer = answerLineageRequest({ data: 'Customer.email' }, integ.analysis.WorkspaceAnalysis);
        expect(answer).toEqual({ error: expect.stringContaining("entity Customer has no field 'email' (fields: accountName, contactName, contactEmail") });
        expect(answerLineageRequest({ data: '  ' }, integ.analysis.WorkspaceAnalysis)).toEqual({ error: 'Name an entity or a field: Customer or Customer.email.' });
    });
});
