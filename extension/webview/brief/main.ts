/**
 * The COO brief in the webview. The markup comes from the server already escaped; it is parsed
 * inert (DOMParser) and anything executable is dropped before it is shown. Its stylesheet is added
 * under the page's nonce, the only way the page's Content Security Policy lets a style in.
 */
import type { BriefFromWebview, BriefToWebview } from '../../src/preview/brief-messages.js';
import { vscodeApi } from '../vscode-api.js';

/** What VS Code keeps across reloads: the last brief shown. */
interface BriefWebviewState {
    html: string;
    css: string;
}

const vscode = vscodeApi<BriefFromWebview, BriefWebviewState>();
const root = document.getElementById('brief')!;
const banner = document.getElementById('banner')!;
const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
let style: HTMLStyleElement | undefined;

function showBanner(text: string | undefined): void {
    banner.hidden = text === undefined;
    banner.textContent = text ?? '';
}

function render(html: string, css: string): void {
    if (!style) {
        style = document.createElement('style');
        style.nonce = nonce;
        document.head.append(style);
    }
    if (style.textContent !== css) style.textContent = css;
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, 'text/html');
    parsed.querySelectorAll('script, iframe, object, embed, foreignObject').forEach(element => element.remove());
    for (const element of Array.from(parsed.body.querySelectorAll('*'))) {
        for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name);
        }
    }
    // A heat-map cell of a department opens its diagram: reachable by keyboard as well as by the pointer.
    for (const cell of Array.from(parsed.querySelectorAll('rect.cell[data-key]'))) {
        const group = cell.parentElement;
        if (!group) continue;
        group.setAttribute('tabindex', '0');
        group.setAttribute('role', 'link');
    }
    root.replaceChildren(...Array.from(parsed.body.childNodes).map(node => document.adoptNode(node)));
}

function departmentOf(target: EventTarget | null): string | undefined {
    const group = target instanceof Element ? target.closest('g') : null;
    const name = group?.querySelector(':scope > rect.cell[data-key]')?.getAttribute('data-key');
    return name ?? undefined;
}

root.addEventListener('click', event => {
    const name = departmentOf(event.target);
    if (name !== undefined) vscode.postMessage({ type: 'department', name });
});
root.addEventListener('keydown', event => {
    const name = event.key === 'Enter' || event.key === ' ' ? departmentOf(event.target) : undefined;
    if (name === undefined) return;
    event.preventDefault();
    vscode.postMessage({ type: 'department', name });
});

window.addEventListener('message', (event: MessageEvent<BriefToWebview>) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'brief' && typeof message.html === 'string' && typeof message.css === 'string') {
        render(message.html, message.css);
        vscode.setState({ html: message.html, css: message.css });
        showBanner(message.hasErrors === true ? 'The workspace has syntax errors; figures may be incomplete.' : undefined);
    } else if (message.type === 'stale') {
        showBanner('The workspace has syntax errors; showing the last good brief.');
    } else if (message.type === 'error' && typeof message.message === 'string') {
        showBanner(message.message);
    }
});

const saved = vscode.getState();
if (typeof saved?.html === 'string' && typeof saved.css === 'string') render(saved.html, saved.css);
vscode.postMessage({ type: 'ready' });
