import { URI } from 'vscode-uri';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

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
