import { URI } from 'vscode-uri';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/**
 * A segment that leaves or stays in its folder: `.` and `..`, and what Windows reads as them, since
 * it drops trailing dots and spaces (`...`, `.. `).
 */
const DOT_SEGMENT = /^\.[. ]*$/;

/**
 * The parsed URI when `text` names a `.integ` file inside one of the workspace folders (same scheme
 * and authority, no `..` segment escaping the folder, on any platform); undefined for anything else.
 */
export function workspaceDocumentUri(text: string, workspaceFolders: readonly string[]): URI | undefined {
    if (text.length > 4096 || CONTROL.test(text)) return undefined;
    let uri: URI;
    try {
        uri = URI.parse(text, true);
    } catch {
        return undefined;
    }
    // A backslash (written or as %5C) separates folders on Windows: `..\..\x.integ` would escape the folder.
    if (uri.path.includes('\\') || CONTROL.test(uri.path)) return undefined;
    const segments = uri.path.split('/');
    if (segments.some(segment => DOT_SEGMENT.test(segment)) || !uri.path.toLowerCase().endsWith('.integ') || uri.query || uri.fragment) return undefined;
    const inside = workspaceFolders.some(folderText => {
        const folder = URI.parse(folderText);
        const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
        return folder.scheme === uri.scheme && folder.authority === uri.authority && uri.path.startsWith(prefix);
    });
    return inside ? uri : undefined;
}
