import { parse } from 'csv-parse/sync';
import { ImportError, type ImportNote } from './records.js';
import { MAX_ROWS, type Table } from './table.js';

/** Spreadsheet programs write `;` or a tab where the decimal separator is a comma; the header line tells which. */
function delimiterOf(firstLine: string): string {
    const counts = [',', ';', '\t'].map(delimiter => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
    counts.sort((a, b) => b.count - a.count);
    return counts[0].count > 0 ? counts[0].delimiter : ',';
}

/** UTF-8 (with or without a byte-order mark) or UTF-16 with its mark, as Excel's "Unicode text" writes it; anything else is refused with the line of the first bad byte. */
export function decodeText(bytes: Uint8Array, file: string): string {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
        throw new ImportError(`${file}: is a zip file (an .xlsx workbook?); import it with 'integ import xlsx'`);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
        const { line, byte } = firstInvalidByte(bytes);
        throw new ImportError(`${file}:${line}: not UTF-8 text (byte 0x${byte.toString(16).padStart(2, '0')}); save the file as "CSV UTF-8" and import it again`);
    }
}

/** Where UTF-8 decoding fails: decoding line by line finds the line without a hand-written UTF-8 validator. */
function firstInvalidByte(bytes: Uint8Array): { line: number; byte: number } {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
        if (i === bytes.length || bytes[i] === 0x0a) {
            const slice = bytes.subarray(start, i);
            try {
                decoder.decode(slice);
            } catch {
                return { line, byte: slice.find(b => b >= 0x80) ?? 0 };
            }
            start = i + 1;
            line++;
        }
    }
    return { line, byte: 0 };
}

interface Parsed { record: string[]; info: { lines: number } }

/** A CSV file as a table. Bad quoting is an ImportError at its line; a formula is read as text, with a warning. */
export function readCsv(bytes: Uint8Array, file: string, notes: ImportNote[]): Table {
    const text = decodeText(bytes, file);
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    let parsed: Parsed[];
    try {
        parsed = parse(text, {
            delimiter: delimiterOf(firstLine),
            info: true,
            relax_column_count: true,
            skip_empty_lines: true,
            // One record past the limit is enough to say the file is too large without reading all of it.
            to: MAX_ROWS + 2
        }) as unknown as Parsed[];
    } catch (error) {
        const lines = (error as { lines?: number }).lines;
        const reason = (error as Error).message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, '').replace(/ at line \d+/, '');
        throw new ImportError(`${file}${lines ? `:${lines}` : ''}: not a readable CSV file: ${reason}`);
    }
    if (parsed.length === 0) throw new ImportError(`${file}: empty; expected a header row and one row per element`);
    if (parsed.length > MAX_ROWS + 1) throw new ImportError(`${file}: more than ${MAX_ROWS.toLocaleString('en')} rows; an import reads at most that many per table (is this the whole CMDB? filter the list first)`);
    const [header, ...rows] = parsed;
    const table: Table = { file, headers: header.record.map(name => name.trim()), headerLine: header.info.lines, rows: [] };
    for (const { record, info } of rows) {
        if (record.every(value => value.trim() === '')) continue;
        record.forEach((value, index) => {
            if (/^=[A-Z][A-Z0-9.]*\(/i.test(value.trim())) {
                notes.push({ kind: 'warning', origin: { file, line: info.lines, column: index + 1 }, message: `a formula (${value.trim().slice(0, 40)}) taken as text; export the values, not the formulas` });
            }
        });
        table.rows.push({ line: info.lines, cells: record });
    }
    return table;
}
