// The findings the editor must show for the copied workspace: samples/<name>/expected-findings.json when
// the sample has one (the reviewed truth), else what `integ check --format json` reports on the copy.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../build-suite.mjs';

/** expected-findings.json may name files relative to the sample or to the repository root. */
function relativeToWorkspace(file, workspace, sampleName) {
    const normalised = file.split('\\').join('/');
    if (existsSync(join(workspace, normalised))) return normalised;
    const prefix = `samples/${sampleName}/`;
    if (normalised.startsWith(prefix)) return normalised.slice(prefix.length);
    return normalised;
}

export function writeExpectedFindings(workspace, sampleFolder, outFile) {
    const reviewed = join(sampleFolder, 'expected-findings.json');
    let findings;
    let source;
    if (existsSync(reviewed)) {
        findings = JSON.parse(readFileSync(reviewed, 'utf8'));
        source = reviewed;
    } else {
        const check = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'check', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
        if (check.status === null || check.status > 1 || !check.stdout.trim().startsWith('[')) {
            throw new Error(`integ check --format json failed in ${workspace} (exit ${check.status}):\n${check.stderr}${check.stdout}`);
        }
        findings = JSON.parse(check.stdout);
        source = 'integ check --format json';
    }
    const sampleName = basename(sampleFolder);
    const normalised = findings.map(finding => ({ ...finding, file: relativeToWorkspace(finding.file, workspace, sampleName) }));
    writeFileSync(outFile, JSON.stringify(normalised, null, 2));
    return { count: normalised.length, source };
}
