import * as path from 'node:path';
import { hex, visible } from '../render/visible-text.js';

/** The invisible characters of render/visible-text.ts, except the line feed and tab the CLI's own output is made of. */
const INVISIBLE_IN_OUTPUT = /(?![\u200c\u200d\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Logging commands Azure Pipelines (`##vso[…]`, `##[group]`) and TeamCity (`##teamcity[…]`) act on anywhere in a line. */
const CI_COMMAND = /##([A-Za-z]*)\[/g;

/**
 * Whatever the CLI prints, made safe for a terminal and a CI log: every invisible character but
 * line feed and tab, and the `[` of a `##…[` logging command, becomes a `\uXXXX` escape (per UTF-16
 * unit), which is still valid, and means the same, inside a JSON string.
 */
export function terminalSafe(output: string): string {
    return output
        .replace(INVISIBLE_IN_OUTPUT, character => Array.from({ length: character.length }, (_, i) => `\\u${hex(character.charCodeAt(i), 4)}`).join(''))
        .replace(CI_COMMAND, '##$1\\u005b');
}

/**
 * A path that starts an output line, printed visibly; a relative path that does not start with a
 * letter, digit, `_` or `.` gets `./` first, so a file named `::error file=x::y.integ` or
 * `##vso[task.setvariable]x.integ` cannot open a line with a CI workflow command.
 */
export function pathAtLineStart(file: string): string {
    const shown = visible(file);
    return path.isAbsolute(file) || /^[\p{L}\p{N}_.]/u.test(shown) ? shown : `./${shown}`;
}
