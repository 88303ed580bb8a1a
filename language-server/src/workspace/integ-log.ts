/**
 * Where the services report a failure they recover from (a rule that threw, a warm-up that failed):
 * the language server writes it to the LSP connection's console, which the editor shows in the
 * extension's output channel. The CLI and the tests keep the default, which drops the line: they
 * see the failure in what they are given back (an internal-error finding, a note on the diagram).
 */
export interface IntegLog {
    error(message: string): void;
}

export const SILENT_LOG: IntegLog = { error: () => undefined };

/** The error's stack when it has one (where it failed), else its text. */
export function describeError(error: unknown): string {
    return error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error);
}
