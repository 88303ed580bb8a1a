import { describe, expect, it } from 'vitest';
import { isDiagramMessage, isElementId, validOptions } from '../../../extension/src/preview/diagram-message-checks.js';

describe('messages from the diagram webview', () => {
    it('accepts only the known commands', () => {
        expect(isDiagramMessage({ command: 'reveal', id: 'system:SAP' })).toBe(true);
        expect(isDiagramMessage({ command: 'exportSvg' })).toBe(true);
        expect(isDiagramMessage({ command: 'tooltip', id: 'flow:Invoicing', seq: 3 })).toBe(true);
        for (const forged of [null, 'reveal', { command: 'vscode.open' }, { command: 'workbench.action.terminal.new' }, { id: 'x' }, { command: 42 }]) {
            expect(isDiagramMessage(forged), JSON.stringify(forged)).toBe(false);
        }
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
        expect(validOptions({ view: { kind: 'estate', name: 'ignored' }, state: 'whatever', extra: 'dropped' }))
            .toEqual({ view: { kind: 'estate' }, state: 'as-is', filters: { classifications: [], findings: [] }, expand: [] });
        expect(validOptions({ view: { kind: 'file', name: '/etc/passwd' }, state: 'as-is' })).toBeUndefined();
        expect(validOptions({ view: { kind: 'process' }, state: 'as-is' })).toBeUndefined();
        expect(validOptions({ view: { kind: 'process', name: 'x'.repeat(10_000) }, state: 'as-is' })).toBeUndefined();
        expect(validOptions('estate')).toBeUndefined();
    });
});
