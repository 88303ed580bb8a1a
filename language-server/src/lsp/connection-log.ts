import { isOperationCancelled } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { describeError, SILENT_LOG, type IntegLog } from '../workspace/integ-log.js';

/** The LSP connection's console: the editor shows it in the extension's output channel. */
export function connectionLog(connection: Connection | undefined): IntegLog {
    return connection ? { error: message => connection.console.error(message) } : SILENT_LOG;
}

/**
 * Runs a request's handler; a failure still reaches the client as the request's error, and is
 * logged with `what` was asked, unless the client cancelled the request.
 */
export async function loggedFailure<T>(log: IntegLog, what: string, handler: () => Promise<T>): Promise<T> {
    try {
        return await handler();
    } catch (error) {
        if (!isOperationCancelled(error)) log.error(`${what} failed: ${describeError(error)}`);
        throw error;
    }
}
