/** Spelling values the way the language reads them back: names, quoted strings, one-line comments. */

const ID = /^[_a-zA-Z]\w*(?:-[a-zA-Z0-9_]\w*)*$/;
const MAX_NAME = 60;

export function isId(text: string): boolean {
    return ID.test(text);
}

/**
 * A name from a title: accents dropped, words joined in PascalCase (`SAP S/4HANA` → `SAPS4HANA`,
 * `Müller Lager` → `MullerLager`); `prefix` when the title starts with a digit or has no letters.
 */
export function nameFrom(title: string, prefix: string): string {
    const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
    let name = words.map(word => word[0].toUpperCase() + word.slice(1)).join('').slice(0, MAX_NAME);
    if (name === '' || /^\d/.test(name)) name = prefix + name;
    return name;
}

/** A double-quoted string: quotes and backslashes escaped, line breaks and other controls as spaces. */
export function quoted(text: string): string {
    return `"${text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim().replace(/[\\"]/g, ch => `\\${ch}`)}"`;
}

/** Text for a `//` comment: one line, controls as spaces, cut at 200 characters. */
export function commentText(text: string): string {
    const line = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** `CustomerService` → `customer-service`, for file names. */
export function kebab(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}
