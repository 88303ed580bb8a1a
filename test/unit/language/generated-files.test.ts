import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';

test('the committed generated Langium files are what `npm run langium:generate` produces from the grammar', () => {
    const config = JSON.parse(readFileSync('langium-config.json', 'utf8'));
    const out = mkdtempSync(path.join(tmpdir(), 'integ-gen-'));
    const root = process.cwd();
    config.out = path.join(out, 'generated');
    for (const language of config.languages) {
        language.grammar = path.join(root, language.grammar);
        if (language.textMate) language.textMate.out = path.join(out, 'integ.tmLanguage.json');
    }
    const configFile = path.join(out, 'langium-config.json');
    writeFileSync(configFile, JSON.stringify(config));
    // The command of `npm run langium:generate`, with the configuration written above.
    const script = JSON.parse(readFileSync('package.json', 'utf8')).scripts['langium:generate'] as string;
    const [, ...args] = script.split(' ');
    execFileSync(process.execPath, [...args, '-f', configFile], { stdio: 'pipe' });
    for (const file of ['ast.ts', 'grammar.ts', 'module.ts']) {
        expect(readFileSync(path.join(out, 'generated', file), 'utf8'), file).toBe(readFileSync(path.join('language-server/src/generated', file), 'utf8'));
    }
});
