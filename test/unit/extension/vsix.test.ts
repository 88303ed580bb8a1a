import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip, type ZipEntry } from './zip-reader.js';

const root = join(__dirname, '../../..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = join(root, `${packageJson.name}-${packageJson.version}.vsix`);

let entries: ZipEntry[];
let manifest: {
    name: string; main: string; engines: { vscode: string };
    contributes: { languages: Array<{ id: string; extensions: string[] }>; commands: Array<{ command: string; title: string; category?: string }>; grammars: Array<{ path: string }>; snippets?: Array<{ path: string }> };
};

beforeAll(() => {
    if (!existsSync(vsix) || statSync(vsix).mtimeMs < statSync(join(root, 'package.json')).mtimeMs) {
        execFileSync('npm', ['run', 'package'], { cwd: root, stdio: 'pipe' });
    }
    entries = readZip(readFileSync(vsix));
    manifest = JSON.parse(entries.find(entry => entry.name === 'extension/package.json')!.read().toString('utf8'));
}, 120_000);

function has(name: string): boolean {
    return entries.some(entry => entry.name === name);
}

describe('the VSIX', () => {
    it('is smaller than 5 MB and carries no node_modules', () => {
        expect(statSync(vsix).size).toBeLessThan(5 * 1024 * 1024);
        expect(entries.filter(entry => entry.name.includes('node_modules/'))).toEqual([]);
    });

    it('bundles the extension and the language server', () => {
        expect(has('extension/dist/extension.cjs')).toBe(true);
        expect(has('extension/dist/server.cjs')).toBe(true);
        expect(manifest.main).toBe('./dist/extension.cjs');
        const server = entries.find(entry => entry.name === 'extension/dist/server.cjs')!.read().toString('utf8');
        // A self-contained server: no require of anything the VSIX does not carry.
        expect(server).not.toMatch(/require\("langium/);
    });

    it('declares the integ language, its grammar and the commands; the snippets come from the server, which knows where a declaration may start', () => {
        expect(manifest.name).toBe('integration-architect');
        expect(manifest.engines.vscode).toBe('^1.96.0');
        expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: 'integ', extensions: ['.integ'] })]);
        expect(manifest.contributes.commands.map(command => `${command.category}: ${command.title}`)).toEqual(expect.arrayContaining([
            'Integration: Open Diagram to the Side', 'Integration: Open Roadmap Preview', 'Integration: Export Report…'
        ]));
        expect(manifest.contributes.commands.map(command => command.command)).toEqual(expect.arrayContaining([
            'integ.openDiagram', 'integ.openRoadmap', 'integ.exportReport', 'integ.showInDiagram', 'integ.restartServer'
        ]));
        expect(manifest.contributes.snippets).toBeUndefined();
        for (const path of manifest.contributes.grammars.map(entry => entry.path)) {
            expect(has(`extension/${path.replace(/^\.\//, '')}`), path).toBe(true);
        }
        expect(has('extension/extension/language-configuration.json')).toBe(true);
        expect(has('extension/extension/images/icon.png')).toBe(true);
    });
});
