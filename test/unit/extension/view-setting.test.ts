import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_VIEW_KINDS, parseView, VIEW_FORMS } from '../../../language-server/src/diagram/view-kinds.js';

interface Setting { pattern: string; patternErrorMessage: string; markdownDescription: string }
const packageJson = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Setting> } };
};
const setting = packageJson.contributes.configuration.properties['integ.diagram.defaultView'];

describe('the integ.diagram.defaultView setting (package.json)', () => {
    it('accepts every kind of view the diagram has, as the preview reads it, and names each', () => {
        const pattern = new RegExp(setting.pattern);
        DIAGRAM_VIEW_KINDS.forEach((kind, i) => {
            const written = VIEW_FORMS[i].replace('<name>', 'Sales');
            expect(pattern.test(written), written).toBe(true);
            expect(parseView(written)?.kind).toBe(kind);
            expect(setting.markdownDescription).toContain(`\`${VIEW_FORMS[i]}\``);
            expect(setting.patternErrorMessage).toContain(VIEW_FORMS[i]);
        });
    });

    it('refuses what is no view', () => {
        const pattern = new RegExp(setting.pattern);
        for (const written of ['galaxy:Sales', 'estate:Sales', 'process', 'process:', 'system:Sales Cloud']) {
            expect(pattern.test(written), written).toBe(false);
        }
    });
});
