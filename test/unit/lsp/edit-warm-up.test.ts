import { describe, expect, it } from 'vitest';
import { editScratchWorkspace, scratchEstate, warmUpEditPath } from '../../../language-server/src/lsp/edit-warm-up.js';
import { SILENT_LOG } from '../../../language-server/src/workspace/integ-log.js';
import { openWorkspace } from '../helpers/open-workspace.js';
import { loadTexts } from '../helpers/workspace.js';

const HUB = 'system Hub { kind crm  users 5 }\n';
const USER = 'system Sheet { kind spreadsheet  users 2 }\nflow HubToSheet : Hub -> Sheet { style manual  effort 2 hours per week }\n';
const quiet = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('the warm-up of the edit path', () => {
    it('runs once the loaded workspace has been quiet, and only once', async () => {
        const { services, builder, write } = await openWorkspace({ 'hub.integ': HUB, 'user.integ': USER });
        const runs: Array<() => boolean> = [];
        warmUpEditPath(services.shared, SILENT_LOG, async interrupted => { runs.push(interrupted); });
        // The first build after the warm-up was set up, like opening a file.
        await builder.update([write('user.integ', USER)], []);
        expect(runs).toHaveLength(0);
        await quiet(500);
        expect(runs).toHaveLength(1);
        expect(runs[0]()).toBe(false);

        // The user types: the warm-up hears it, and none starts again.
        await builder.update([write('hub.integ', `${HUB}system Other { kind erp }\n`)], []);
        expect(runs[0]()).toBe(true);
        await quiet(500);
        expect(runs).toHaveLength(1);
    });

    it('waits while the user keeps typing', async () => {
        const { services, builder, write } = await openWorkspace({ 'hub.integ': HUB, 'user.integ': USER });
        let runs = 0;
        warmUpEditPath(services.shared, SILENT_LOG, async () => { runs++; });
        for (let edit = 0; edit < 5; edit++) {
            await builder.update([write('user.integ', `${USER}// edit ${edit}\n`)], []);
            await quiet(50);
        }
        expect(runs).toBe(0);
        await quiet(500);
        expect(runs).toBe(1);
    });

    it('edits a scratch workspace free of syntax and link errors, where most rules find something', async () => {
        const { hub, others } = scratchEstate();
        const { diagnostics, analysis } = await loadTexts({ 'hub.integ': hub, ...Object.fromEntries(others.map((text, i) => [`spokes${i}.integ`, text])) });
        const languageErrors = [...diagnostics.values()].flat().filter(d => typeof d.code !== 'string' || !d.code.includes('/'));
        expect(languageErrors.map(d => d.message)).toEqual([]);
        expect(new Set(analysis.findings.map(f => f.ruleId)).size).toBeGreaterThanOrEqual(15);
        await expect(editScratchWorkspace(() => false)).resolves.toBeUndefined();
    });
});
