/**
 * The roadmap preview in the webview. The body comes from the server already escaped; it is parsed
 * inert (DOMParser) and anything executable is dropped before it is shown.
 */
import type { RoadmapFromWebview, RoadmapToWebview } from '../../src/preview/roadmap-messages.js';
import { vscodeApi } from '../vscode-api.js';

/** What VS Code keeps across reloads: the last body shown. */
interface RoadmapWebviewState {
    fragment: string;
}

const vscode = vscodeApi<RoadmapFromWebview, RoadmapWebviewState>();
const root = document.getElementById('roadmap')!;
const banner = document.getElementById('banner')!;
const exportButton = document.getElementById('export')!;

function showBanner(text: string | undefined): void {
    banner.hidden = text === undefined;
    banner.textContent = text ?? '';
}

function render(fragment: string): void {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${fragment}</body>`, 'text/html');
    parsed.querySelectorAll('script, iframe, object, embed, foreignObject').forEach(element => element.remove());
    for (const element of Array.from(parsed.body.querySelectorAll('*'))) {
        for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name);
        }
    }
    root.replaceChildren(...Array.from(parsed.body.childNodes).map(node => document.adoptNode(node)));
}

function initiativeOf(target: EventTarget | null): string | undefined {
    const element = target instanceof Element ? target.closest('[data-initiative]') : null;
    return element?.getAttribute('data-initiative') ?? undefined;
}

root.addEventListener('click', event => {
    const name = initiativeOf(event.target);
    if (name !== undefined) vscode.postMessage({ type: 'reveal', name });
});
root.addEventListener('keydown', event => {
    const name = event.key === 'Enter' ? initiativeOf(event.target) : undefined;
    if (name !== undefined) vscode.postMessage({ type: 'reveal', name });
});
exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

window.addEventListener('message', (event: MessageEvent<RoadmapToWebview>) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'roadmap' && typeof message.fragment === 'string') {
        render(message.fragment);
        vscode.setState({ fragment: message.fragment });
        showBanner(message.hasErrors === true ? 'The workspace has syntax errors; figures may be incomplete.' : undefined);
    } else if (message.type === 'stale') {
        showBanner('The workspace has syntax errors; showing the last good roadmap.');
    } else if (message.type === 'error' && typeof message.message === 'string') {
        showBanner(message.message);
    }
});

const saved = vscode.getState();
if (typeof saved?.fragment === 'string') render(saved.fragment);
vscode.postMessage({ type: 'ready' });
