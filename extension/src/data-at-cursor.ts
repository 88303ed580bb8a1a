/**
 * The data named at a position of a line of `.integ` text: `Entity.field` when the cursor is on
 * either part of one, else the entity (or any other name) under it. Pure, so vitest checks it.
 */
const NAME = /[A-Za-z_][\w-]*/y;

export function dataNameAt(line: string, character: number): string | undefined {
    const word = wordAround(line, character);
    if (!word) return undefined;
    // The cursor on `field` of `Entity.field`: step back over the dot to the entity.
    if (word.start > 0 && line[word.start - 1] === '.') {
        const entity = wordAround(line, word.start - 2);
        return entity && entity.end === word.start - 1 ? `${entity.text}.${word.text}` : word.text;
    }
    if (line[word.end] === '.') {
        const field = matchAt(line, word.end + 1);
        if (field) return `${word.text}.${field}`;
    }
    return word.text;
}

function wordAround(line: string, character: number): { text: string; start: number; end: number } | undefined {
    if (character < 0) return undefined;
    let start = Math.min(character, line.length);
    while (start > 0 && /[\w-]/.test(line[start - 1])) start--;
    // A name starts with a letter or an underscore: skip digits and dashes it cannot start with.
    while (start < line.length && /[\d-]/.test(line[start])) start++;
    const text = matchAt(line, start);
    if (!text || start + text.length < character) return undefined;
    return { text, start, end: start + text.length };
}

function matchAt(line: string, index: number): string | undefined {
    NAME.lastIndex = index;
    return NAME.exec(line)?.[0];
}
