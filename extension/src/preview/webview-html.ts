/**
 * The HTML skeleton every preview webview uses: one nonce per page, a strict Content Security
 * Policy (nothing remote, scripts and styles only by nonce, images only from data: and the
 * extension), and the model never inlined as markup — it arrives later by postMessage.
 * No `vscode` import, so the browser tests build exactly the page the panel shows.
 */

import { escapeXml } from '../../../language-server/src/render/escape-xml.js';

export interface WebviewPageOptions {
    /** `webview.cspSource` in VS Code; a test origin in the browser tests. */
    cspSource: string;
    /** URI of the bundled page script (`webview.asWebviewUri(...)`). */
    scriptUri: string;
    title: string;
    /** The page's stylesheet, emitted under the nonce. */
    css: string;
    /** Static markup of the page (toolbar, containers); must contain no model text. */
    body: string;
    nonce?: string;
}

export function createNonce(): string {
    const bytes = new Uint8Array(18);
    globalThis.crypto.getRandomValues(bytes);
    return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        `img-src data: ${cspSource}`,
        `font-src ${cspSource}`
    ].join('; ');
}

export function webviewHtml(options: WebviewPageOptions): string {
    const nonce = options.nonce ?? createNonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(contentSecurityPolicy(options.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(options.title)}</title>
<style nonce="${nonce}">${options.css}</style>
</head>
<body>
${options.body}
<script nonce="${nonce}" src="${escapeXml(options.scriptUri)}"></script>
</body>
</html>`;
}
