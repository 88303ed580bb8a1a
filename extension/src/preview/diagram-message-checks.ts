/**
 * Checks on what the diagram webview posts: it renders strings from model files, so its messages
 * are untrusted input. Pure (no `vscode` import) so forged messages are tested in Node. The webview
 * never sends a URI: it names diagram element ids, which the panel maps to locations the server gave.
 */
import { LENSES, type Lens } from '../../../language-server/src/diagram/lenses.js';
import { isViewKind } from '../../../language-server/src/diagram/view-kinds.js';
import type { DiagramFromWebview, DiagramViewOptions, PanelSize } from './diagram-messages.js';

const TYPES: ReadonlySet<string> = new Set<DiagramFromWebview['type']>([
    'ready', 'setOptions', 'expand', 'collapse', 'reveal', 'tooltip', 'panelSize', 'exportSvg', 'exportPng', 'savePng'
]);
const MAX_NAMES = 200;
const MAX_NAME_LENGTH = 200;
/** `flow:`, `system:`, `dept:`, `group:` or `agg:<source>-><target>` and the names: well under this. */
const MAX_ID_LENGTH = 1_000;
/** Larger than any screen: a size beyond it is not a panel. */
const MAX_PANEL_SIDE = 100_000;
/** `Entity` or `Entity.field`, spelled as the language spells names. */
const FOLLOW_NAME = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)?$/;

/** Known message types only; each message's fields are checked again where they are used. */
export function isDiagramMessage(value: unknown): value is DiagramFromWebview {
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
        && TYPES.has((value as { type: string }).type);
}

function names(value: unknown): string[] {
    return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string' && item.length <= MAX_NAME_LENGTH).slice(0, MAX_NAMES)
        : [];
}

/** A `data-id` as the webview may name it: text of sensible length. */
export function isElementId(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** Options as the webview sends them, rebuilt field by field from what is valid. */
export function validOptions(value: unknown): DiagramViewOptions | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const raw = value as Partial<DiagramViewOptions>;
    const kind = raw.view?.kind;
    if (!isViewKind(kind)) return undefined;
    const name = typeof raw.view?.name === 'string' && raw.view.name.length <= MAX_NAME_LENGTH ? raw.view.name : undefined;
    if (kind !== 'estate' && !name) return undefined;
    const follow = typeof raw.follow === 'string' && raw.follow.length <= MAX_NAME_LENGTH && FOLLOW_NAME.test(raw.follow) ? raw.follow : undefined;
    return {
        view: kind === 'estate' ? { kind } : { kind, name, ...(kind === 'system' ? { depth: raw.view?.depth === 2 ? 2 : 1 } : {}) } as DiagramViewOptions['view'],
        state: raw.state === 'to-be' ? 'to-be' : 'as-is',
        filters: { classifications: names(raw.filters?.classifications), findings: names(raw.filters?.findings) },
        expand: names(raw.expand),
        ...(follow ? { follow } : {})
    };
}

/** A panel size in CSS pixels, rounded; undefined unless both sides are positive, finite and plausible. */
export function validPanelSize(value: unknown): PanelSize | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const { width, height } = value as Partial<Record<keyof PanelSize, unknown>>;
    const side = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= MAX_PANEL_SIDE;
    return side(width) && side(height) ? { width: Math.round(width as number), height: Math.round(height as number) } : undefined;
}

/** One of the lenses, else the default (flow style): an export never fails over its colouring. */
export function validLens(value: unknown): Lens {
    return (LENSES as readonly unknown[]).includes(value) ? value as Lens : 'style';
}

const MAX_EXPORT_BYTES = 64 * 1024 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes of a PNG the webview drew, or undefined for anything else it may send (too large, not base64 of a PNG). */
export function pngBytes(base64: unknown): Buffer | undefined {
    if (typeof base64 !== 'string' || base64.length > MAX_EXPORT_BYTES) return undefined;
    const bytes = Buffer.from(base64, 'base64');
    return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) ? bytes : undefined;
}
