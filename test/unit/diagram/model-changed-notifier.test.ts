import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelChangedNotifier } from '../../../language-server/src/lsp/model-changed-notifier.js';
import type { ModelChangedParams } from '../../../language-server/src/lsp/protocol.js';

function setup(parseErrors = false) {
    let onValidated: (documents: Array<{ uri: URI }>) => void = () => {};
    const sent: Array<{ method: string; params: ModelChangedParams; at: number }> = [];
    const documents = [{ uri: URI.parse('file:///ws/a.integ'), diagnostics: parseErrors ? [{ data: { code: 'parsing-error' } }] : [] }];
    const shared = {
        workspace: {
            DocumentBuilder: { onBuildPhase: (_state: unknown, callback: typeof onValidated) => { onValidated = callback; } },
            LangiumDocuments: { all: documents }
        }
    } as unknown as LangiumSharedServices;
    const connection = { sendNotification: (type: { method: string }, params: ModelChangedParams) => { sent.push({ method: type.method, params, at: Date.now() }); } } as unknown as Connection;
    new ModelChangedNotifier(shared, connection);
    const build = (name: string) => onValidated([{ uri: URI.parse(`file:///ws/${name}`) }]);
    return { build, sent };
}

describe('model changed notification', () => {
    beforeEach(() => { vi.useFakeTimers(); });
    afterEach(() => { vi.useRealTimers(); });

    it('waits for 150 ms of quiet and sends once for a burst of builds', () => {
        const { build, sent } = setup();
        const start = Date.now();
        build('a.integ');
        vi.advanceTimersByTime(100);
        build('b.integ');
        vi.advanceTimersByTime(149);
        expect(sent).toHaveLength(0);
        vi.advanceTimersByTime(1);
        expect(sent).toHaveLength(1);
        expect(sent[0].method).toBe('integ/modelChanged');
        expect(sent[0].params).toEqual({ uris: ['file:///ws/a.integ', 'file:///ws/b.integ'], hasSyntaxErrors: false });
        expect(sent[0].at - start).toBe(250);
    });

    it('sends at least every 500 ms while builds keep coming, and reports syntax errors', () => {
        const { build, sent } = setup(true);
        const start = Date.now();
        for (let i = 0; i < 12; i++) {
            build('a.integ');
            vi.advanceTimersByTime(100);
        }
        vi.advanceTimersByTime(200);
        expect(sent.map(s => s.at - start)).toEqual([500, 1000, 1250]);
        expect(sent.every(s => s.params.hasSyntaxErrors)).toBe(true);
    });
});
