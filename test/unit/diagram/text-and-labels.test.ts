import { describe, expect, it } from 'vitest';
import { emptyCounts, type DiagramEdge, type DiagramNode } from '../../../language-server/src/diagram/diagram-graph.js';
import { badgeCounts, labelSize, sizeNode } from '../../../language-server/src/diagram/node-sizing.js';
import { LABEL_FONT_PX, textWidth, wrapText } from '../../../language-server/src/diagram/text-metrics.js';

const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;

describe('text wrapping', () => {
    it('breaks between words into at most the lines asked, the last cut with an ellipsis', () => {
        expect(wrapText('Short', 200, 13, 2)).toEqual(['Short']);
        const lines = wrapText('Sales "deal desk" pricing workbook for the dealer channel', 150, 13, 2);
        expect(lines).toHaveLength(2);
        for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(150);
        expect(lines[1].endsWith('…')).toBe(true);
        expect(wrapText('Supercalifragilisticexpialidocious', 80, 13, 1)[0].endsWith('…')).toBe(true);
        // A title cut before keeps a single ellipsis.
        expect(wrapText('Trial balance exported to the consolidation…', 150, 12, 1)[0]).toMatch(/[^…]…$/);
        expect(wrapText('Dealer contacts for the n… ·', 150, 12, 1)[0]).toMatch(/[^…]…$/);
    });

    it('breaks after a slash or hyphen only at the end of a word of three letters or more: units and product names stay whole', () => {
        expect(wrapText('2 flows · 1 manual · 18 h/wk', 100, 12, 3)).toEqual(['2 flows · 1', 'manual · 18', 'h/wk']);
        expect(wrapText('Migrate the ledger to SAP S/4HANA', 150, 13, 2)).toEqual(['Migrate the ledger to', 'SAP S/4HANA']);
        expect(wrapText('Production planning/scheduling workbook', 170, 13, 2)).toEqual(['Production planning/', 'scheduling workbook']);
    });
});

describe('node and label sizes', () => {
    const node = (label: string): DiagramNode => ({ id: 'system:X', kind: 'system', name: 'X', label, lines: [], detail: 'custom · Operations', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 0, height: 0 });

    it('gives a long title two lines and a taller box, never wider than the box', () => {
        const short = node('Epicor');
        sizeNode(short);
        expect(short.lines).toEqual(['Epicor']);
        const long = node('Siemens Opcenter Execution (manufacturing execution system, plant 4)');
        sizeNode(long);
        expect(long.lines).toHaveLength(2);
        expect(long.height).toBeGreaterThan(short.height);
        for (const line of long.lines) expect(textWidth(line, LABEL_FONT_PX) + 28).toBeLessThanOrEqual(long.width);
    });

    it('breaks a long label between its parts, keeping its hours on their own line', () => {
        const edge = { id: 'flow:PoReentry', flows: ['PoReentry'], label: 'Approved POs re-keyed into Epicor · 14 h/wk', regulated: true, findings: emptyCounts() } as DiagramEdge;
        const size = labelSize(edge);
        expect(size.lines).toHaveLength(2);
        expect(size.lines[0]).toMatch(/^Approved POs re-keyed .*…$/);
        expect(size.lines[1]).toBe('14 h/wk');
        expect(size.height).toBeGreaterThan(labelSize({ ...edge, label: 'Leads' }).height);
        expect(labelSize({ ...edge, label: 'Leads' }).lines).toEqual(['Leads']);
    });

    it('left to right, wraps a long label into up to three narrower lines, so its layer takes less width', () => {
        const edge = { id: 'flow:PoReentry', flows: ['PoReentry'], label: 'Approved POs re-keyed into Epicor · 14 h/wk', regulated: true, findings: emptyCounts() } as DiagramEdge;
        const across = labelSize(edge, 'RIGHT');
        expect(across.lines.length).toBeGreaterThan(1);
        expect(across.lines.length).toBeLessThanOrEqual(3);
        for (const line of across.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(100);
        expect(across.width).toBeLessThan(labelSize(edge, 'DOWN').width);
        expect(labelSize({ ...edge, label: 'Leads' }, 'RIGHT').lines).toEqual(['Leads']);
    });

    it('counts errors, warnings and infos separately on a badge, accepted findings not at all', () => {
        expect(badgeCounts({ error: 2, warning: 0, info: 3, accepted: 5 })).toEqual([['error', 2], ['info', 3]]);
        expect(badgeCounts({ error: 0, warning: 0, info: 0, accepted: 1 })).toEqual([]);
    });
});
