import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ModelChangedNotification, type ModelChangedParams } from '../../../language-server/src/lsp/protocol.js';

/**
 * The language client keeps one handler per notification method, so every preview that wants
 * `integ/modelChanged` subscribes here and one handler fans the notification out.
 */
const emitters = new WeakMap<BaseLanguageClient, vscode.EventEmitter<ModelChangedParams>>();

export function onModelChanged(client: BaseLanguageClient, listener: (params: ModelChangedParams) => void): vscode.Disposable {
    let emitter = emitters.get(client);
    if (!emitter) {
        const created = new vscode.EventEmitter<ModelChangedParams>();
        emitters.set(client, created);
        client.onNotification(ModelChangedNotification, (params: ModelChangedParams) => created.fire(params));
        emitter = created;
    }
    return emitter.event(listener);
}
