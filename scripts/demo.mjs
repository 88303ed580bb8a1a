// `npm run demo`: runs the CLI over samples/acme and writes the COO's artefacts to out/demo/.
// Findings are expected (exit 1 from `check` is the demo working); only a usage/I/O error (exit 2)
// or a crash fails the demo.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'integ.cjs');
const sample = 'samples/acme';
const outDir = 'out/demo';

if (!existsSync(path.join(root, 'dist', 'cli.cjs'))) {
    console.error('dist/cli.cjs is missing: run `npm run build` (npm ci runs it through `prepare`).');
    process.exit(2);
}

function integ(args) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { code: result.status ?? 2, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const failures = [];
const written = [];

function step(label, args, output) {
    const result = integ(args);
    const crashed = result.signal !== null || result.code > 2 || /\n\s+at .+\(.+:\d+:\d+\)/.test(result.stderr);
    if (result.code === 2 || crashed) {
        failures.push(`${label}: exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\n${result.stderr.trim()}`);
        console.log(`✗ ${label}`);
        return result;
    }
    if (output) {
        written.push(output);
        console.log(`✓ ${label}`);
    }
    return result;
}

console.log(`Integration Architect demo on ${sample}\n`);
const check = step(`integ check ${sample}`, ['check', sample]);
if (!failures.length) {
    const lines = check.stdout.trim().split('\n');
    console.log(`integ check ${sample} → exit ${check.code}: ${lines[lines.length - 1]}\n`);
}

step('report (Markdown)', ['report', sample, '-o', `${outDir}/report.md`], `${outDir}/report.md`);
step('report (HTML)', ['report', sample, '--format', 'html', '-o', `${outDir}/report.html`], `${outDir}/report.html`);
step('roadmap (HTML)', ['roadmap', sample, '-o', `${outDir}/roadmap.html`], `${outDir}/roadmap.html`);
step('roadmap (Markdown)', ['roadmap', sample, '-o', `${outDir}/roadmap.md`], `${outDir}/roadmap.md`);

if (/^\s+integ diagram/m.test(integ(['--help']).stdout)) {
    step('diagram, estate as-is (SVG)', ['diagram', sample, '--view', 'estate', '-o', `${outDir}/diagram-estate.svg`], `${outDir}/diagram-estate.svg`);
    step('diagram, estate to-be (SVG)', ['diagram', sample, '--view', 'estate', '--state', 'to-be', '-o', `${outDir}/diagram-estate-to-be.svg`], `${outDir}/diagram-estate-to-be.svg`);
} else {
    console.log('- diagram: skipped, this build has no `integ diagram` command');
}

console.log('\nFiles written:');
for (const file of written) {
    const size = existsSync(path.join(root, file)) ? `${statSync(path.join(root, file)).size.toLocaleString('en-US')} bytes` : 'missing!';
    console.log(`  ${file}  (${size})`);
    if (size === 'missing!') failures.push(`${file} was not written`);
}

if (failures.length) {
    console.error(`\nDemo failed:\n${failures.join('\n\n')}`);
    process.exit(1);
}
