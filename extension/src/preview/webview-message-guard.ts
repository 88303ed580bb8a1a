/**
 * Validation of messages posted by a webview. A webview renders model strings from files other teams
 * wrote, so whatever it posts is treated as untrusted input: only known commands with well-formed
 * fields pass, and a URI passes only when it names a `.integ` document inside a workspace folder.
 * Pure (no `vscode` import) so forged messages can be tested in Node.
 */
import { URI } from 'vscode-uri';

/** How one field of a command is checked. */
export type FieldRule =
    /** A model name (the language's ID terminal). */
    | 'name'
    /** A diagram element id or other short single-line text. */
    | 'id'
    /** The URI of a `.integ` document inside one of the workspace folders. */
    | 'uri'
    /** Exported SVG markup. */
    | 'svg'
    /** Base64 data (an exported PNG). */
    | 'base64'
    /** Panel-specific structure, checked by the panel's own validator. */
    | ((value: unknown) => boolean);

/** Command name → its required fields. */
export type CommandSpecs = Readonly<Record<string, Readonly<Record<string, FieldRule>>>>;

export type GuardedMessage = { command: string } & Record<string, unknown>;

const MAX_ID_LENGTH = 500;
const MAX_EXPORT_LENGTH = 50_000_000;
const NAME = /^[_a-zA-Z][\w]*(-[a-zA-Z0-9_][\w]*)*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The message with only its declared fields when `command` (or `type`, per `key`) names a known
 * command and every field passes its rule; otherwise undefined, and the caller ignores the message.
 */
export function guardWebviewMessage(
    message: unknown, workspaceFolders: readonly string[], knownCommands: CommandSpecs, key: 'command' | 'type' = 'command'
): GuardedMessage | undefined {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
    const record = message as Record<string, unknown>;
    const command = record[key];
    if (typeof command !== 'string' || !Object.hasOwn(knownCommands, command)) return undefined;
    const guarded: GuardedMessage = { command };
    for (const [field, rule] of Object.entries(knownCommands[command])) {
        const value = Object.hasOwn(record, field) ? record[field] : undefined;
        if (!fieldPasses(value, rule, workspaceFolders)) return undefined;
        guarded[field] = value;
    }
    return guarded;
}

function fieldPasses(value: unknown, rule: FieldRule, workspaceFolders: readonly string[]): boolean {
    if (typeof rule === 'function') return value !== undefined && rule(value);
    if (typeof value !== 'string') return false;
    switch (rule) {
        case 'name': return value.length <= 200 && NAME.test(value);
        case 'id': return value.length > 0 && value.length <= MAX_ID_LENGTH && !CONTROL.test(value);
        case 'uri': return workspaceDocumentUri(value, workspaceFolders) !== undefined;
        case 'svg': return value.length <= MAX_EXPORT_LENGTH && value.trimStart().startsWith('<svg');
        case 'base64': return value.length <= MAX_EXPORT_LENGTH && BASE64.test(value);
    }
}

/**
 * The parsed URI when `text` names a `.integ` file inside one of the workspace folders (same scheme
 * and authority, no `..` segment escaping the folder); undefined for anything else.
 */
export function workspaceDocumentUri(text: string, workspaceFolders: readonly string[]): URI | undefined {
    if (text.length > 4096 || CONTROL.test(text)) return undefined;
    let uri: URI;
    try {
        uri = URI.parse(text, true);
    } catch {
        return undefined;
    }
    const segments = uri.path.split('/');
    if (segments.some(segment => segment === '..' || segment === '.') || !uri.path.toLowerCase().endsWith('.integ') || uri.query || uri.fragment) return undefined;
    const inside = workspaceFolders.some(folderText => {
        const folder = URI.parse(folderText);
        const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
        return folder.scheme === uri.scheme && folder.authority === uri.authority && uri.path.startsWith(prefix);
    });
    return inside ? uri : undefined;
}
