import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_DOCUMENTS } from '../../../language-server/src/evidence/compile-evidence.js';
import { answerEvidenceRequest } from '../../../language-server/src/lsp/evidence-request.js';
import { EVIDENCE_FORMATS, EVIDENCE_KINDS } from '../../../language-server/src/lsp/protocol.js';
import { runCliIn } from '../helpers/cli-run.js';
import { lspWorkspace } from './lsp-workspace.js';

/** Card data over TLS 1.1, a settlement through a close workbook to the ledger, PHI to a vendor without a BAA via Zapier. */
const FIXTURE = 'test/fixtures/evidence';
const FILE = 'clinic-shop.integ';

async function workspace() {
    const { integ } = await lspWorkspace({ [FILE]: readFileSync(`${FIXTURE}/${FILE}`, 'utf8') });
    return integ.analysis.WorkspaceAnalysis;
}

describe('integ/evidence: the evidence documents for the editor', () => {
    it('offers exactly the documents the CLI compiles', () => {
        expect([...EVIDENCE_KINDS]).toEqual([...EVIDENCE_DOCUMENTS]);
        expect([...EVIDENCE_FORMATS].sort()).toEqual(['csv', 'html', 'md']);
    });

    it.each(EVIDENCE_KINDS.flatMap(kind => (['md', 'csv'] as const).map(format => [kind, format] as const)))(
        '%s as %s is what `integ evidence` prints, findings placed relative to the workspace folder',
        async (kind, format) => {
            const analysis = await workspace();
            const answer = await answerEvidenceRequest({ kind, format, root: 'file:///ws' }, analysis, false);
            const cli = await runCliIn(FIXTURE, 'evidence', kind, '.', '--format', format);
            expect(cli.code).toBe(0);
            // The terminal shows CSV's CRLF as LF; the request keeps the file's CRLF.
            expect(answer.text.replace(/\r\n/g, '\n')).toBe(cli.stdout);
            expect(answer.text).not.toContain('file:///ws');
        }
    );

    it('HTML embeds the PCI data-flow diagram, coloured by findings, as the CLI does', async () => {
        const analysis = await workspace();
        const answer = await answerEvidenceRequest({ kind: 'pci-dataflow', format: 'html', root: 'file:///ws/' }, analysis, true);
        const cli = await runCliIn(FIXTURE, 'evidence', 'pci-dataflow', '.', '--format', 'html');
        expect(answer.text).toContain('<svg');
        expect(answer.text).toBe(cli.stdout);
        expect(answer.hasErrors).toBe(true);
    }, 60_000);
});
