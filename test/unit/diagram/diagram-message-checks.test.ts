import { describe, expect, it } from 'vitest';
import { withCollapsed, withExpanded } from '../../../extension/src/preview/diagram-expand.js';
import { isDiagramMessage, isElementId, pngBytes, validLens, validOptions, validPanelSize } from '../../../extension/src/preview/diagram-message-checks.js';
import type { DiagramViewOptions } from '../../../extension/src/preview/diagram-messages.js';

describe('messages from the diagram webview', () => {
    it('accepts only the known message types', () => {
        for (const known of [
            { type: 'reveal', id: 'system:SAP' }, { type: 'exportSvg', lens: 'data' }, { type: 'exportPng', lens: 'owner' },
            { type: 'savePng', base64: 'iVBOR' }, { type: 'tooltip', id: 'flow:Invoicing', seq: 3 }, { type: 'expand', id: 'dept:Sales' },
            { type: 'collapse', id: 'group:Sales' }, { type: 'panelSize', panel: { width: 800, height: 600 } }, { type: 'ready', panel: { width: 1, height: 1 } }
        ]) {
            expect(isDiagramMessage(known), JSON.stringify(known)).toBe(true);
        }
        for (const forged of [null, 'reveal', { type: 'vscode.open' }, { type: 'workbench.action.terminal.new' }, { id: 'x' }, { command: 'reveal', id: 'x' }, { type: 42 }, { type: 'toString' }, { type: '__proto__' }]) {
            expect(isDiagramMessage(forged), JSON.stringify(forged)).toBe(false);
        }
    });

    it('saves only a PNG: its signature first, within the size limit', () => {
        const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
        expect(pngBytes(png.toString('base64'))).toEqual(png);
        expect(pngBytes(Buffer.from('#!/bin/sh\nrm -rf ~\n').toString('base64'))).toBeUndefined();
        expect(pngBytes(png.subarray(0, 7).toString('base64'))).toBeUndefined();
        expect(pngBytes(42)).toBeUndefined();
        expect(pngBytes('A'.repeat(64 * 1024 * 1024 + 4))).toBeUndefined();
    });

    it('accepts element ids only as text of sensible length', () => {
        expect(isElementId('agg:Sales->Finance')).toBe(true);
        for (const forged of ['', 'x'.repeat(10_000), 42, null, { id: 'system:SAP' }, ['system:SAP']]) {
            expect(isElementId(forged), JSON.stringify(forged)?.slice(0, 40)).toBe(false);
        }
    });

    it('rebuilds view options from valid fields only', () => {
        expect(validOptions({ view: { kind: 'system', name: 'SAP', depth: 2 }, state: 'to-be', filters: { classifications: ['PII', 7] }, expand: ['Sales'] }))
            .toEqual({ view: { kind: 'system', name: 'SAP', depth: 2 }, state: 'to-be', filters: { classifications: ['PII'], findings: [] }, expand: ['Sales'] });
        expect(validOptions({ view: { kind: 'estate', name: 'ignored' }, state: 'whatever', extra: 'dropped', chrome: true, lens: 'data', panel: { width: 1, height: 1 } }))
            .toEqual({ view: { kind: 'estate' }, state: 'as-is', filters: { classifications: [], findings: [] }, expand: [] });
        expect(validOptions({ view: { kind: 'file', name: '/etc/passwd' }, state: 'as-is' })).toBeUndefined();
        expect(validOptions({ view: { kind: 'process' }, state: 'as-is' })).toBeUndefined();
        expect(validOptions({ view: { kind: 'process', name: 'x'.repeat(10_000) }, state: 'as-is' })).toBeUndefined();
        expect(validOptions('estate')).toBeUndefined();
    });

    it('keeps the data followed only when it is spelled as an entity or Entity.field', () => {
        const estate = { view: { kind: 'estate' }, state: 'as-is' };
        expect(validOptions({ ...estate, follow: 'Customer.email' })?.follow).toBe('Customer.email');
        expect(validOptions({ ...estate, follow: 'Customer' })?.follow).toBe('Customer');
        for (const forged of ['', 'a.b.c', '../etc', 'Customer.email; rm -rf /', '<img src=x>', 'x'.repeat(300), 42, { name: 'Customer' }]) {
            const options = validOptions({ ...estate, follow: forged });
            expect(options, JSON.stringify(forged)).toBeDefined();
            expect(options && 'follow' in options, JSON.stringify(forged)?.slice(0, 40)).toBe(false);
        }
    });

    it('accepts a panel size only when both sides are positive, finite and plausible, and rounds it', () => {
        expect(validPanelSize({ width: 812.4, height: 600.6 })).toEqual({ width: 812, height: 601 });
        for (const forged of [null, {}, { width: 800 }, { width: 0, height: 600 }, { width: -5, height: 600 }, { width: Infinity, height: 600 },
            { width: NaN, height: 600 }, { width: 1e9, height: 600 }, { width: '800', height: '600' }, [800, 600]]) {
            expect(validPanelSize(forged), JSON.stringify(forged)).toBeUndefined();
        }
    });

    it('exports under a known lens only, else the default one', () => {
        expect(validLens('roadmap')).toBe('roadmap');
        for (const forged of ['', 'LENS', 'constructor', 42, null, { lens: 'data' }]) expect(validLens(forged)).toBe('style');
    });
});

describe('opening and folding departments of the overview', () => {
    const options: DiagramViewOptions = { view: { kind: 'estate' }, state: 'to-be', filters: {}, expand: ['Sales'] };
    const drawn = { expandable: ['dept:Finance', 'dept:HR'], collapsible: ['group:Sales', 'group:IT'] };

    it('opens a department the picture offers, keeping the others open and the rest of the options', () => {
        expect(withExpanded(options, drawn, 'dept:Finance')).toEqual({ ...options, expand: ['Sales', 'Finance'] });
        expect(withExpanded(options, drawn, 'dept:Legal')).toBeUndefined();
        expect(withExpanded(options, drawn, 'group:Sales')).toBeUndefined();
        expect(withExpanded(options, undefined, 'dept:Finance')).toBeUndefined();
    });

    it('folds a department drawn open: those left open are named, even after "open all"', () => {
        expect(withCollapsed(options, drawn, 'group:Sales')).toEqual({ ...options, expand: ['IT'] });
        expect(withCollapsed({ ...options, expand: ['*'] }, drawn, 'group:IT')).toEqual({ ...options, expand: ['Sales'] });
        expect(withCollapsed(options, drawn, 'group:Legal')).toBeUndefined();
        expect(withCollapsed(options, drawn, 'dept:Finance')).toBeUndefined();
    });
});
