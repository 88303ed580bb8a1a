// `integ diagram -o x.png|x.pdf` and `integ report --format pdf` with the system's Chromium (the one
// these tests drive): the files are what they claim, sized as the picture or as A4, and not blank.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg, svgSize } from '../../language-server/src/cli/chromium-render.js';
import { runCli } from '../../language-server/src/cli/run-cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A4 in PostScript points, as a PDF's MediaBox gives it. */
const A4 = { width: 595.28, height: 841.89 };

let tmp: string;
let browser: Browser;

async function integ(...argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await runCli(argv, { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, cwd: process.cwd() });
    return { code, stderr };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Each page's MediaBox, in points. */
function pdfPages(pdf: Buffer): Array<{ width: number; height: number }> {
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(match => ({ width: Number(match[1]), height: Number(match[2]) }));
    expect(boxes.length).toBe(pages.length);
    return boxes;
}

beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-chromium-output-'));
    process.env.INTEG_CHROMIUM = CHROMIUM;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
    delete process.env.INTEG_CHROMIUM;
    await browser?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('pictures and PDFs drawn by the system Chromium', () => {
    it('the acme estate as a PNG: twice the SVG\'s size, its aspect, and a drawing rather than a blank page', async () => {
        for (const name of ['estate.svg', 'estate.png']) {
            const run = await integ('diagram', 'samples/acme', '-o', path.join(tmp, name));
            expect(run.code, run.stderr).toBe(0);
        }
        const svg = svgSize(await fs.readFile(path.join(tmp, 'estate.svg'), 'utf8'));
        const png = await fs.readFile(path.join(tmp, 'estate.png'));
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const size = pngSize(png);
        expect(size).toEqual({ width: svg.width * 2, height: svg.height * 2 });

        // Share of pixels that are not white, and distinct colours: the diagram's frames, lines and text.
        const page = await browser.newPage();
        const seen = await page.evaluate(async (source: string) => {
            const image = new Image();
            image.src = source;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth;
            canvas.height = image.naturalHeight;
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
            let inked = 0;
            const colours = new Set<number>();
            for (let i = 0; i < data.length; i += 4) {
                if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++;
                colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
            }
            return { inked: inked / (data.length / 4), colours: colours.size };
        }, `data:image/png;base64,${png.toString('base64')}`);
        await page.close();
        expect(seen.inked).toBeGreaterThan(0.03);
        expect(seen.colours).toBeGreaterThan(50);
    });

    it('the SVG is drawn as an image: a script in it does not run and a file it names is not loaded', async () => {
        const red = path.join(tmp, 'red.png');
        await fs.writeFile(red, await renderSvg("<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'><rect width='40' height='30' fill='#ff0000'/></svg>", 'png', CHROMIUM));
        const svg = "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'><rect id='r' width='40' height='30' fill='#ffffff'/>"
            + `<image href='${pathToFileURL(red).href}' width='40' height='15'/>`
            + "<script>document.getElementById('r').setAttribute('fill', '#ff0000')</script></svg>";
        const png = Buffer.from(await renderSvg(svg, 'png', CHROMIUM));
        const page = await browser.newPage();
        const pixels = await page.evaluate(async (source: string) => {
            const image = new Image();
            image.src = source;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth;
            canvas.height = image.naturalHeight;
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            // One pixel under the named file, one under the rectangle the script would colour.
            return [[...context.getImageData(10, 10, 1, 1).data], [...context.getImageData(10, 50, 1, 1).data]];
        }, `data:image/png;base64,${png.toString('base64')}`);
        await page.close();
        expect(pixels).toEqual([[255, 255, 255, 255], [255, 255, 255, 255]]);
    });

    it('the acme estate as a PDF: one page the size of the picture', async () => {
        const run = await integ('diagram', 'samples/acme', '-o', path.join(tmp, 'estate.pdf'));
        expect(run.code, run.stderr).toBe(0);
        const svg = svgSize(await fs.readFile(path.join(tmp, 'estate.svg'), 'utf8'));
        const pages = pdfPages(await fs.readFile(path.join(tmp, 'estate.pdf')));
        expect(pages.length).toBe(1);
        // CSS pixels are 3/4 of a point; Chromium rounds the page to its own units, up to 0.6 pt off.
        expect(Math.abs(pages[0].width - svg.width * 0.75)).toBeLessThanOrEqual(1);
        expect(Math.abs(pages[0].height - svg.height * 0.75)).toBeLessThanOrEqual(1);
    });

    it('the report as an A4 PDF: every page A4, the detail tables after the brief', async () => {
        const run = await integ('report', 'samples/acme', '--format', 'pdf', '--today', '2026-01-15', '-o', path.join(tmp, 'brief.pdf'));
        expect(run.code, run.stderr).toBe(0);
        const pages = pdfPages(await fs.readFile(path.join(tmp, 'brief.pdf')));
        expect(pages.length).toBeGreaterThanOrEqual(2);
        for (const page of pages) {
            expect(Math.abs(page.width - A4.width)).toBeLessThan(1);
            expect(Math.abs(page.height - A4.height)).toBeLessThan(1);
        }
    });
});
