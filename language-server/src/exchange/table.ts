/** One sheet of an inventory as the readers hand it over: a header row and the rows under it, with their line numbers. */
export interface TableRow { line: number; cells: string[] }

export interface Table {
    /** The file, or `file[sheet]` for a workbook sheet, as messages name it. */
    file: string;
    headers: string[];
    headerLine: number;
    rows: TableRow[];
}

/** More rows than any estate has: 100,000 rows is a whole CMDB table, not an application list. */
export const MAX_ROWS = 50_000;

export function cell(row: TableRow, column: number): string {
    return (row.cells[column] ?? '').trim();
}
