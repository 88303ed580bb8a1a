import { describe, expect, it } from 'vitest';
import { addDays } from '../../../language-server/src/fixes/waiver-fix.js';
import { actionsFor, applyFix, diagnosticsOf, messageOf, TODAY } from './fix-harness.js';

const TEXT = `system Crm
system Erp
flow Reentry : Crm -> Erp { style manual  effort 12 hours per week }
`;

describe('accept (waive) quick fix', () => {
    it('appends an accept with a TODO reason, a ticket and an until 90 days ahead; the finding becomes accepted', async () => {
        const fixed = await applyFix(TEXT, 'gap/no-integration', 'Reentry', 'Accept (waive) this finding: gap/no-integration on Reentry');
        expect(fixed).toBe(`${TEXT}\naccept "gap/no-integration" on Reentry "TODO: reason" { ticket "TODO"  until 2027-04-15 }\n`);
        const accepted = (await diagnosticsOf(fixed)).filter(d => d.code === 'gap/no-integration');
        expect(accepted.map(messageOf)).toEqual([expect.stringMatching(/^accepted: TODO: reason — /)]);
    });

    it('is offered for every finding, as a non-preferred alternative', async () => {
        const text = `${TEXT}flow Push : Crm -> Erp { style script  auth shared-account  secrets hardcoded }\n`;
        const findings = (await diagnosticsOf(text)).filter(d => typeof d.code === 'string' && d.code.includes('/'));
        expect(findings.length).toBeGreaterThan(4);
        for (const finding of findings) {
            const element = (finding.data as { element: { name: string } }).element.name;
            const actions = await actionsFor(text, String(finding.code), element, messageOf(finding));
            const accepts = actions.filter(a => a.title === `Accept (waive) this finding: ${String(finding.code)} on ${element}`);
            expect(accepts.map(a => a.isPreferred ?? false)).toEqual([false]);
        }
    });

    it('counts 90 calendar days across month and year ends', () => {
        expect(addDays(TODAY, 90)).toBe('2027-04-15');
        expect(addDays('2027-12-01', 90)).toBe('2028-02-29');
    });
});
