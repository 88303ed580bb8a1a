import { execFile } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError, describe } from './collect-files.js';

/**
 * PNG and PDF through the Chromium already on the machine (the browser tests need it too): no
 * browser download, no rendering package in the bundle. Chromium runs headless from an argument
 * list without a shell; its only arguments are the fixed flags below, numbers computed from the
 * picture's size and the paths of a temporary folder this module creates and removes. The page it
 * loads is written there too, and it reaches no network.
 */

/** The variable that names the executable; it wins over everything else. */
const CHROMIUM_VARIABLE = 'INTEG_CHROMIUM';
/** The variable other Chrome-driving tools (chrome-launcher, Lighthouse) read. */
const CHROME_PATH_VARIABLE = 'CHROME_PATH';

export interface ChromiumSearch {
    env: Readonly<Record<string, string | undefined>>;
    /** Install paths tried in order when neither variable is set. */
    candidates: readonly string[];
}

/** Where Chromium and Chrome install themselves by default. */
export function installPaths(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string[] {
    if (platform === 'darwin') {
        const apps = ['/Applications', ...(env.HOME ? [path.join(env.HOME, 'Applications')] : [])];
        return apps.flatMap(folder => [`${folder}/Chromium.app/Contents/MacOS/Chromium`, `${folder}/Google Chrome.app/Contents/MacOS/Google Chrome`]);
    }
    if (platform === 'win32') {
        const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
        return roots.flatMap(root => [path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'), path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
    }
    return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
}

function systemSearch(): ChromiumSearch {
    return { env: process.env, candidates: installPaths(process.platform, process.env) };
}

async function isExecutableFile(file: string): Promise<boolean> {
    try {
        await fs.access(file, constants.X_OK);
        return (await fs.stat(file)).isFile();
    } catch {
        return false;
    }
}

/**
 * The Chromium to run: the file `INTEG_CHROMIUM` names, else `CHROME_PATH`'s, else the first install
 * path that holds an executable. A variable that is set must name one: falling back to another
 * browser would hide the mistake.
 */
export async function findChromium(purpose: string, search: ChromiumSearch = systemSearch()): Promise<string> {
    for (const variable of [CHROMIUM_VARIABLE, CHROME_PATH_VARIABLE]) {
        const named = search.env[variable];
        if (!named) continue;
        if (await isExecutableFile(named)) return named;
        throw new UsageError(`${variable}=${named} is not an executable file; set it to Chromium or Chrome to write ${purpose}`);
    }
    for (const candidate of search.candidates) if (await isExecutableFile(candidate)) return candidate;
    throw new UsageError(`writing ${purpose} needs Chromium or Chrome, and none was found: install one (Debian and Ubuntu: apt-get install chromium) `
        + `or set ${CHROMIUM_VARIABLE} to its executable (tried ${CHROMIUM_VARIABLE} and ${CHROME_PATH_VARIABLE}, both unset, then ${search.candidates.join(', ') || 'no install path'})`);
}

/** How long one rendering may take: Chromium starts in about a second, a large PDF takes a few more. */
const RENDER_TIMEOUT_MS = 60_000;

/** Every run: headless, no first-run or background work, and no name resolves, so nothing reaches the network. */
const FIXED_FLAGS = [
    '--headless', '--disable-gpu', '--hide-scrollbars', '--mute-audio', '--disable-dev-shm-usage',
    '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-default-apps', '--disable-sync',
    '--disable-background-networking', '--disable-component-update', '--disable-domain-reliability', '--disable-breakpad',
    '--host-resolver-rules=MAP * ~NOTFOUND'
];

/** Chromium refuses to start its sandbox as root (a CI container); anywhere else the sandbox stays on. */
function sandboxFlags(): string[] {
    return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

export interface RenderOptions {
    timeoutMs?: number;
}

/** Where the picture's device pixels stop: Skia's largest texture side, and an area Chromium still draws whole. */
const MAX_SIDE_PX = 16_384;
const MAX_AREA_PX = 50_000_000;
/** A PDF page is at most 200 inches a side (14,400 pt, 19,200 CSS px) in most readers. */
const MAX_PDF_SIDE_PX = 19_200;

export interface PictureSize { width: number; height: number }

/** The size the root `<svg>` declares in pixels; a picture without one cannot be sized for a screenshot. */
export function svgSize(svg: string): PictureSize {
    const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    const attribute = (name: string) => Number(new RegExp(`\\s${name}=['"]([\\d.]+)(?:px)?['"]`).exec(root)?.[1]);
    const size = { width: attribute('width'), height: attribute('height') };
    if (!(size.width > 0 && size.height > 0)) throw new Error('the diagram SVG declares no width and height in pixels');
    return size;
}

/** Twice the CSS pixels for a sharp picture, less when that would pass Chromium's limits. */
export function deviceScale(size: PictureSize): number {
    const scale = Math.min(2, MAX_SIDE_PX / Math.max(size.width, size.height), Math.sqrt(MAX_AREA_PX / (size.width * size.height)));
    return Math.floor(scale * 1000) / 1000;
}

/**
 * The picture as an `<img>`: an SVG image runs no script and loads nothing, whatever it holds, and
 * the page's policy allows only that one file. The page is as large as the picture.
 */
function picturePage(size: PictureSize, file: string): string {
    return ['<!DOCTYPE html><html><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src file:; style-src 'unsafe-inline'">`,
        `<style>@page { size: ${size.width}px ${size.height}px; margin: 0; } html, body { margin: 0; background: #fff; } img { display: block; }</style>`,
        `</head><body><img src="${file}" width="${size.width}" height="${size.height}" alt=""></body></html>`].join('');
}

/** A diagram SVG as a PNG at up to twice its size, or as a one-page PDF whose page is the picture's size (shrunk to 200 inches a side at most). */
export async function renderSvg(svg: string, format: 'png' | 'pdf', executable: string, options: RenderOptions = {}): Promise<Uint8Array> {
    const declared = svgSize(svg);
    const shrink = format === 'pdf' ? Math.min(1, MAX_PDF_SIDE_PX / Math.max(declared.width, declared.height)) : 1;
    const size = { width: Math.ceil(declared.width * shrink), height: Math.ceil(declared.height * shrink) };
    return inTemporaryFolder(async folder => {
        await fs.writeFile(path.join(folder, 'picture.svg'), svg);
        const page = path.join(folder, 'page.html');
        await fs.writeFile(page, picturePage(size, 'picture.svg'));
        const flags = format === 'png'
            ? [`--window-size=${size.width},${size.height}`, `--force-device-scale-factor=${deviceScale(size)}`]
            : [];
        return runChromium(executable, page, format, flags, folder, options);
    });
}

/** An HTML page printed to PDF as its own `@page` rules say, without the browser's header and footer. */
export async function printHtml(html: string, executable: string, options: RenderOptions = {}): Promise<Uint8Array> {
    return inTemporaryFolder(async folder => {
        const page = path.join(folder, 'page.html');
        await fs.writeFile(page, html);
        return runChromium(executable, page, 'pdf', [], folder, options);
    });
}

const SIGNATURES = { png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pdf: Buffer.from('%PDF-') };

async function runChromium(executable: string, page: string, format: 'png' | 'pdf', flags: string[], folder: string, options: RenderOptions): Promise<Uint8Array> {
    const output = path.join(folder, `out.${format}`);
    const target = format === 'png' ? [`--screenshot=${output}`] : [`--print-to-pdf=${output}`, '--no-pdf-header-footer'];
    const args = [...FIXED_FLAGS, ...sandboxFlags(), `--user-data-dir=${path.join(folder, 'profile')}`, ...flags, ...target, pathToFileURL(page).href];
    const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
    const what = `Chromium (${executable})`;
    // An abort, unlike execFile's own timeout, is reported even when Chromium exits cleanly on the signal; SIGKILL, as a hung browser may ignore SIGTERM.
    const signal = AbortSignal.timeout(timeoutMs);
    const stderr = await new Promise<string>((resolve, reject) => {
        execFile(executable, args, { signal, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, windowsHide: true, encoding: 'utf8' }, (error, _stdout, stderr) => {
            if (!error) return resolve(stderr);
            const failure = error as NodeJS.ErrnoException & { signal?: NodeJS.Signals | null; code?: number | string | null };
            if (error.name === 'AbortError') reject(new UsageError(`${what} did not finish within ${timeoutMs / 1000} s; nothing was written`));
            else if (typeof failure.code === 'string') reject(new UsageError(`${what} could not be run: ${describe(error)}`));
            else reject(new UsageError(`${what} failed (${failure.signal ? `signal ${failure.signal}` : `exit code ${failure.code}`})${lastWords(stderr)}; nothing was written`));
        });
    });
    const bytes = await fs.readFile(output).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new UsageError(`${what} finished without writing the ${format.toUpperCase()}${lastWords(stderr)}; nothing was written`);
        throw error;
    });
    if (!bytes.subarray(0, SIGNATURES[format].length).equals(SIGNATURES[format])) {
        throw new UsageError(`${what} wrote something that is not a ${format.toUpperCase()}; nothing was written`);
    }
    return bytes;
}

/** The last line Chromium printed that says something: on a machine without D-Bus it first logs a dozen lines about that. */
function lastWords(stderr: string): string {
    const line = stderr.split('\n').map(text => text.trim()).filter(text => text && !/dbus/i.test(text)).at(-1);
    return line ? `: ${line.slice(0, 300)}` : '';
}

/** Runs `work` in a new private folder and removes the folder after it, whatever happened; a failure to remove it is said, with the work's own error. */
async function inTemporaryFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-chromium-'));
    const outcome = await work(folder).then(value => ({ value }), (error: unknown) => ({ error }));
    // Chromium's helper processes may still be closing files in the profile for a moment after it exits.
    const removal = await fs.rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).then(() => undefined, (error: unknown) => error);
    if (removal !== undefined) {
        const before = 'error' in outcome ? `${describe(outcome.error)}; ` : '';
        throw new UsageError(`${before}the temporary folder ${folder} could not be removed: ${describe(removal)}`);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
}
