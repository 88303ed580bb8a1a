import { describe, expect, it } from 'vitest';
import { createCliServices } from '../../../language-server/src/cli/cli-services.js';
import { diffEstates } from '../../../language-server/src/diff/estate-diff.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { generateEstate } from '../../../scripts/gen-estate.js';

const load = async (files: Array<{ name: string; text: string }>) =>
    (await loadWorkspace(createCliServices(), files.map(file => ({ uri: `file:///estate/${file.name}`, text: file.text })))).analysis;

/**
 * The issue's figure: two 1,000-system estates that differ in 20 declarations. Loading is
 * `integ check`'s cost and measured by `npm run bench`; this times the diff itself and prints it.
 */
describe('integ diff of two 1,000-system estates', () => {
    it('finds exactly the 20 declarations that differ, in well under the 2 s budget', async () => {
        const base = generateEstate().files;
        let retitled = 0;
        const head = base.map((file, index) => ({
            name: file.name,
            text: (index === 0 ? file.text + Array.from({ length: 10 }, (_, i) => `system Added${i} "Added ${i}" { kind custom }\n`).join('') : file.text)
                .replace(/^system (\w+) "([^"]+)"/gm, (whole, name: string, title: string) => retitled < 10 && index === 1 ? (retitled++, `system ${name} "${title} (new title)"`) : whole)
        }));
        expect(retitled).toBe(10);
        const [before, after] = [await load(base), await load(head)];
        const started = performance.now();
        const diff = diffEstates({ label: 'base', ...before }, { label: 'head', ...after }, '2027-01-01');
        const elapsed = performance.now() - started;
        console.log(`integ diff, 1,000 systems, 20 declarations apart: ${Math.round(elapsed)} ms (budget 2,000 ms)`);
        expect(diff.summary).toMatchObject({ added: 10, removed: 0, renamed: 0, changed: 10 });
        expect(diff.declarations.filter(change => change.change === 'changed')
            .every(change => change.change === 'changed' && change.properties.length === 1 && change.properties[0].property === 'title')).toBe(true);
        // Not the budget: a loaded 2-core CI runner is slower; an accidental quadratic step is not 5× slower.
        expect(elapsed).toBeLessThan(10_000);
    });
});
