import { describe, expect, it } from 'vitest';
import { collectGarbage, collectWhenIdle } from '../../../language-server/src/lsp/idle-collection.js';
import { openWorkspace } from '../helpers/open-workspace.js';

const HUB = 'system Hub { kind crm  users 5 }\n';
const quiet = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('the server collects its garbage when the user pauses', () => {
    it('once per pause after a build, never while builds follow each other', async () => {
        const { services, builder, write } = await openWorkspace({ 'hub.integ': HUB });
        let collections = 0;
        collectWhenIdle(services.shared, () => { collections++; }, 200);
        for (let edit = 0; edit < 5; edit++) {
            await builder.update([write('hub.integ', `${HUB}// ${edit}\n`)], []);
            await quiet(20);
        }
        expect(collections).toBe(0);
        await quiet(400);
        expect(collections).toBe(1);
        await quiet(400);
        expect(collections).toBe(1);
    });

    it('frees garbage with a real full collection', () => {
        const holder: { garbage?: number[][] } = { garbage: Array.from({ length: 2_000 }, () => new Array(1_000).fill(1)) };
        const before = process.memoryUsage().heapUsed;
        delete holder.garbage;
        collectGarbage();
        expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10_000_000);
    });
});
