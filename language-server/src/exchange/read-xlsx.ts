import type { CellValue, Worksheet } from 'exceljs';
import { ImportError, type ImportNote } from './records.js';
import { MAX_ROWS, type Table } from './table.js';

/** What a cell shows: a formula's cached result (with a warning), rich text joined, a date as YYYY-MM-DD. */
function textOf(value: CellValue, where: { file: string; line: number; column: number }, notes: ImportNote[]): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value !== 'object') return String(value);
    if ('formula' in value || 'sharedFormula' in value) {
        const result = value.result;
        if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) {
            notes.push({ kind: 'warning', origin: where, message: 'a formula without a saved result; left empty (open the workbook in Excel and save it, or paste values)' });
            return '';
        }
        notes.push({ kind: 'warning', origin: where, message: 'a formula; its saved result was imported' });
        return textOf(result, where, notes);
    }
    if ('richText' in value) return value.richText.map(run => run.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) {
        notes.push({ kind: 'warning', origin: where, message: `an error cell (${value.error}); left empty` });
        return '';
    }
    return '';
}

function tableOf(sheet: Worksheet, file: string, notes: ImportNote[]): Table | undefined {
    const name = `${file}[${sheet.name}]`;
    if (sheet.actualRowCount > MAX_ROWS + 1) throw new ImportError(`${name}: more than ${MAX_ROWS.toLocaleString('en')} rows; an import reads at most that many per table (filter the list first)`);
    let table: Table | undefined;
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
            cells[column - 1] = textOf(cell.value, { file: name, line, column }, notes);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (cells.every(value => value.trim() === '')) return;
        if (!table) table = { file: name, headers: cells.map(value => value.trim()), headerLine: line, rows: [] };
        else table.rows.push({ line, cells });
    });
    return table;
}

/** Every non-empty sheet of a workbook as a table (LeanIX exports one sheet per fact-sheet type, or one workbook each). */
export async function readXlsx(bytes: Uint8Array, file: string, notes: ImportNote[]): Promise<Table[]> {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ImportError(`${file}: not an .xlsx workbook (an .xls file? save it as .xlsx; a CSV file? use 'integ import csv')`);
    // Loaded on first use: the workbook library is most of the CLI's size and most runs never read a workbook.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
        throw new ImportError(`${file}: not a readable .xlsx workbook (${(error as Error).message})`);
    }
    const tables: Table[] = [];
    workbook.eachSheet(sheet => {
        const table = tableOf(sheet, file, notes);
        if (table) tables.push(table);
    });
    if (tables.length === 0) throw new ImportError(`${file}: every sheet is empty`);
    return tables;
}
