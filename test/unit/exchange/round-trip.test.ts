import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, SCHEMAS, estateOf, integ, scratch } from './exchange-cli.js';

const SAMPLE_FOLDERS = ['reference', 'acme'];

function xmllint(file: string): { status: number | null; output: string } {
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'archimate3_Diagram.xsd'), file], {
        env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') }, encoding: 'utf8'
    });
    if (result.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${result.error.message}`);
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.each(SAMPLE_FOLDERS)('round trips of samples/%s', sample => {
    it('export csv → import csv gives back the same systems, flows and entities', async () => {
        const work = scratch('csv');
        const exported = await integ(work, 'export', 'csv', join(SAMPLES, sample), '-o', 'tables');
        expect(exported.code, exported.stderr).toBe(0);
        const imported = await integ(work, 'import', 'csv', 'tables/applications.csv', 'tables/interfaces.csv', 'tables/data-objects.csv', '-o', 'model');
        expect(imported.code, imported.stderr).toBe(0);
        const original = await estateOf(join(SAMPLES, sample));
        const copy = await estateOf(join(work, 'model'));
        expect(copy.languageErrors).toEqual([]);
        expect(copy.comparable).toEqual(original.comparable);
    });

    it('export archimate validates against the 3.1 schemas, and import archimate gives back the same estate', async () => {
        const work = scratch('archimate');
        const exported = await integ(work, 'export', 'archimate', join(SAMPLES, sample), '-o', 'estate.xml');
        expect(exported.code, exported.stderr).toBe(0);
        const lint = xmllint(join(work, 'estate.xml'));
        expect(lint.output).toContain('validates');
        expect(lint.status).toBe(0);
        const imported = await integ(work, 'import', 'archimate', 'estate.xml', '-o', 'model');
        expect(imported.code, imported.stderr).toBe(0);
        const original = await estateOf(join(SAMPLES, sample));
        const copy = await estateOf(join(work, 'model'));
        expect(copy.languageErrors).toEqual([]);
        expect(copy.comparable).toEqual(original.comparable);
    });
});
