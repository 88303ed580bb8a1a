// PNG and PDF output without a real Chromium: the search for the executable, the errors when there is
// none or it fails, and the command line around it, driven through shell scripts that stand in for it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { deviceScale, findChromium, installPaths, renderSvg, svgSize } from '../../../language-server/src/cli/chromium-render.js';
import { UsageError } from '../../../language-server/src/cli/collect-files.js';
import { runCliIn } from '../helpers/cli-run.js';
import { bundle } from '../robustness/bundles.js';

/** A title that would be an option, a path and markup if any model text reached Chromium's arguments. */
const MODEL = 'system A "--screenshot=/tmp/evil.png </style>" { kind crm }\nsystem B { kind erp }\nflow F : A -> B { style manual }\n';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const folders: string[] = [];

function folder(): string {
    const made = realpathSync(mkdtempSync(join(tmpdir(), 'integ-chromium-test-')));
    folders.push(made);
    return made;
}

function executable(file: string, script: string): string {
    writeFileSync(file, script);
    chmodSync(file, 0o755);
    return file;
}

/** A stand-in for Chromium: records its arguments one a line, then does what `body` says (sh). */
function fakeChromium(dir: string, body: string): { path: string; args: () => string[] } {
    const argsFile = join(dir, 'args.txt');
    const path = executable(join(dir, 'fake-chromium'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n${body}\n`);
    return { path, args: () => readFileSync(argsFile, 'utf8').trimEnd().split('\n') };
}

/** Writes a PNG signature or a PDF header where Chromium was told to. */
const WRITES_OUTPUT = `for arg; do
  case "$arg" in
    --screenshot=*) printf '\\211PNG\\r\\n\\032\\nfake' > "\${arg#--screenshot=}" ;;
    --print-to-pdf=*) printf '%%PDF-1.4 fake' > "\${arg#--print-to-pdf=}" ;;
  esac
done`;

function workspace(): string {
    const dir = folder();
    writeFileSync(join(dir, 'estate.integ'), MODEL);
    return dir;
}

afterEach(() => {
    vi.unstubAllEnvs();
});

afterAll(() => {
    for (const made of folders) rmSync(made, { recursive: true, force: true });
});

describe('finding Chromium', () => {
    test('INTEG_CHROMIUM first, then CHROME_PATH, then the first install path that holds an executable file', async () => {
        const dir = folder();
        const [a, b, c] = ['a', 'b', 'c'].map(name => executable(join(dir, name), '#!/bin/sh\n'));
        writeFileSync(join(dir, 'not-executable'), '');
        mkdirSync(join(dir, 'a-folder'));
        const candidates = [join(dir, 'missing'), join(dir, 'not-executable'), join(dir, 'a-folder'), c];
        expect(await findChromium('a PNG', { env: { INTEG_CHROMIUM: a, CHROME_PATH: b }, candidates })).toBe(a);
        expect(await findChromium('a PNG', { env: { CHROME_PATH: b }, candidates })).toBe(b);
        expect(await findChromium('a PNG', { env: { INTEG_CHROMIUM: '', CHROME_PATH: '' }, candidates })).toBe(c);
    });

    test('none found: an error naming INTEG_CHROMIUM, CHROME_PATH and every path tried', async () => {
        const dir = folder();
        const candidates = [join(dir, 'chromium'), join(dir, 'google-chrome')];
        const search = findChromium('a PDF', { env: {}, candidates });
        await expect(search).rejects.toBeInstanceOf(UsageError);
        await expect(search).rejects.toThrow(`writing a PDF needs Chromium or Chrome, and none was found: install one (Debian and Ubuntu: apt-get install chromium) `
            + `or set INTEG_CHROMIUM to its executable (tried INTEG_CHROMIUM and CHROME_PATH, both unset, then ${candidates.join(', ')})`);
    });

    test('a variable that is set must name an executable: no silent fallback to another browser', async () => {
        const dir = folder();
        const installed = executable(join(dir, 'chromium'), '#!/bin/sh\n');
        await expect(findChromium('a PNG', { env: { INTEG_CHROMIUM: join(dir, 'nope') }, candidates: [installed] }))
            .rejects.toThrow(`INTEG_CHROMIUM=${join(dir, 'nope')} is not an executable file; set it to Chromium or Chrome to write a PNG`);
        await expect(findChromium('a PNG', { env: { CHROME_PATH: dir }, candidates: [installed] }))
            .rejects.toThrow(`CHROME_PATH=${dir} is not an executable file`);
    });

    test('the install paths of each platform', () => {
        expect(installPaths('linux', {})).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']);
        expect(installPaths('darwin', { HOME: '/Users/me' })).toEqual([
            '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium', '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
        ]);
        expect(installPaths('win32', { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' })).toEqual([
            'C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe', 'C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
            'C:\\Program Files\\Chromium\\Application\\chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
        ]);
    });
});

describe('the size of the picture', () => {
    test('read from the root <svg>, not from an inner element', () => {
        expect(svgSize(`<svg xmlns='http://www.w3.org/2000/svg' class='x' width='1480' height='1324' viewBox='0 0 1480 1324'><rect stroke-width='2' width='5' height='6'/></svg>`))
            .toEqual({ width: 1480, height: 1324 });
        expect(() => svgSize('<svg viewBox="0 0 10 10"></svg>')).toThrow('declares no width and height');
    });

    test('twice the CSS pixels, less when a side or the area would pass what Chromium draws whole', () => {
        expect(deviceScale({ width: 1480, height: 1324 })).toBe(2);
        expect(deviceScale({ width: 12_000, height: 1000 })).toBeCloseTo(16_384 / 12_000, 3);
        const scale = deviceScale({ width: 8000, height: 7000 });
        expect(8000 * 7000 * scale * scale).toBeLessThanOrEqual(50_000_000);
    });
});

describe('integ diagram -o x.png|x.pdf and integ report --format pdf: usage', () => {
    test('--format pdf without -o: exit 2 before anything is read', async () => {
        const run = await runCliIn(folder(), 'report', 'no-such-folder', '--format', 'pdf');
        expect(run.code).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe('integ report: --format pdf needs -o file.pdf: a PDF is not written to the terminal');
        expect(run.stderr).toContain('usage: integ report [paths…] [--format md|json|html|pdf]');
    });

    test('a Chromium that is not there: exit 2 with its name, and no output file', async () => {
        const dir = workspace();
        vi.stubEnv('INTEG_CHROMIUM', join(dir, 'no-chromium'));
        for (const [command, target] of [['diagram', 'x.png'], ['diagram', 'x.pdf'], ['report', 'brief.pdf']]) {
            const run = await runCliIn(dir, command, '-o', target);
            expect(run.code, target).toBe(2);
            expect(run.stderr.split('\n')[0]).toBe(`integ ${command}: INTEG_CHROMIUM=${join(dir, 'no-chromium')} is not an executable file; set it to Chromium or Chrome to write a ${target.endsWith('png') ? 'PNG' : 'PDF'}`);
            expect(existsSync(join(dir, target))).toBe(false);
        }
    });

    test('the integ process without Chromium: one line naming it, exit 2, no stack trace', async () => {
        const dir = workspace();
        const { cli } = await bundle();
        const run = spawnSync(process.execPath, [cli, 'diagram', '-o', 'x.png'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, INTEG_CHROMIUM: '/nonexistent/chromium' } });
        expect(run.status).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe('integ diagram: INTEG_CHROMIUM=/nonexistent/chromium is not an executable file; set it to Chromium or Chrome to write a PNG');
        expect(run.stderr).not.toMatch(/\n\s+at /);
    });
});

describe('running Chromium (a stand-in script)', () => {
    test('its arguments are fixed flags, sizes and paths in a temporary folder it removes afterwards: no model text', async () => {
        const dir = workspace();
        const fake = fakeChromium(dir, WRITES_OUTPUT);
        vi.stubEnv('INTEG_CHROMIUM', fake.path);
        const svg = await runCliIn(dir, 'diagram', '-o', 'x.svg');
        const png = await runCliIn(dir, 'diagram', '-o', 'x.png');
        expect(png.code, png.stderr).toBe(0);
        expect(readFileSync(join(dir, 'x.png')).subarray(0, 8)).toEqual(PNG_SIGNATURE);
        const args = fake.args();
        const temporary = /^--user-data-dir=(.+)\/profile$/.exec(args.find(arg => arg.startsWith('--user-data-dir='))!)![1];
        const { width, height } = svgSize(readFileSync(join(dir, 'x.svg'), 'utf8'));
        expect(svg.code).toBe(0);
        expect(args).toContain(`--window-size=${width},${height}`);
        expect(args).toContain('--force-device-scale-factor=2');
        expect(args).toContain(`--screenshot=${temporary}/out.png`);
        expect(args).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
        expect(args.at(-1)).toBe(`file://${temporary}/page.html`);
        const inTemporary = temporary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const allowed = [/^--[a-z-]+$/, /^--host-resolver-rules=MAP \* ~NOTFOUND$/, /^--window-size=\d+,\d+$/, /^--force-device-scale-factor=[\d.]+$/,
            new RegExp(`^--(?:user-data-dir|screenshot)=${inTemporary}/(?:profile|out\\.png)$`), new RegExp(`^file://${inTemporary}/page\\.html$`)];
        expect(args.filter(arg => !allowed.some(pattern => pattern.test(arg)))).toEqual([]);
        expect(existsSync(temporary)).toBe(false);

        const pdf = await runCliIn(dir, 'report', '-o', 'brief.pdf');
        expect(pdf.code, pdf.stderr).toBe(0);
        expect(readFileSync(join(dir, 'brief.pdf'), 'latin1')).toMatch(/^%PDF-/);
        expect(fake.args()).toContain('--no-pdf-header-footer');
        expect(fake.args().filter(arg => arg.startsWith('--window-size'))).toEqual([]);
    });

    test('a crash: exit 2 with its exit code and last words; the file already at -o is left as it was', async () => {
        const dir = workspace();
        vi.stubEnv('INTEG_CHROMIUM', fakeChromium(dir, "echo '[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus' >&2\necho 'Trace/breakpoint trap: renderer crashed' >&2\necho 'ERROR:dbus/object_proxy.cc' >&2\nexit 133").path);
        writeFileSync(join(dir, 'x.png'), 'old picture');
        const run = await runCliIn(dir, 'diagram', '-o', 'x.png');
        expect(run.code).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe(`integ diagram: Chromium (${join(dir, 'fake-chromium')}) failed (exit code 133): Trace/breakpoint trap: renderer crashed; nothing was written`);
        expect(readFileSync(join(dir, 'x.png'), 'utf8')).toBe('old picture');
    });

    test('no output, or not a PDF: exit 2 and no file', async () => {
        const dir = workspace();
        vi.stubEnv('INTEG_CHROMIUM', fakeChromium(dir, 'exit 0').path);
        const silent = await runCliIn(dir, 'diagram', '-o', 'x.pdf');
        expect(silent.code).toBe(2);
        expect(silent.stderr.split('\n')[0]).toBe(`integ diagram: Chromium (${join(dir, 'fake-chromium')}) finished without writing the PDF; nothing was written`);
        vi.stubEnv('INTEG_CHROMIUM', fakeChromium(dir, WRITES_OUTPUT.replace('%%PDF-1.4', '<html>')).path);
        const wrong = await runCliIn(dir, 'report', '-o', 'brief.pdf');
        expect(wrong.code).toBe(2);
        expect(wrong.stderr.split('\n')[0]).toBe(`integ report: Chromium (${join(dir, 'fake-chromium')}) wrote something that is not a PDF; nothing was written`);
        expect(existsSync(join(dir, 'x.pdf')) || existsSync(join(dir, 'brief.pdf'))).toBe(false);
    });

    test('a Chromium that hangs is stopped at the time limit, and its temporary folder removed', async () => {
        const dir = folder();
        const fake = fakeChromium(dir, 'exec sleep 30');
        const started = Date.now();
        await expect(renderSvg("<svg width='10' height='10'></svg>", 'png', fake.path, { timeoutMs: 500 }))
            .rejects.toThrow(`Chromium (${fake.path}) did not finish within 0.5 s; nothing was written`);
        expect(Date.now() - started).toBeLessThan(10_000);
        const temporary = /^--user-data-dir=(.+)\/profile$/.exec(fake.args().find(arg => arg.startsWith('--user-data-dir='))!)![1];
        expect(existsSync(temporary)).toBe(false);
    });
});
