import { csvText } from '../exchange/estate-tables.js';
import { visible } from '../render/visible-text.js';
import { NOT_APPLICABLE, type EvidenceColumn, type EvidenceDocument } from './evidence-document.js';

/** A gap the column names (`not modelled`) is written out; an empty list with nothing to say stays an empty cell. */
function cell<R>(column: EvidenceColumn<R>, record: R): string {
    if (column.applies?.(record) === false) return NOT_APPLICABLE;
    const values = column.values(record);
    return values.length === 0 ? column.none ?? '' : values.join('; ');
}

/** The register: a header row, then one row per record, multi-valued cells joined with `; `, `—` where a column does not apply (RFC 4180, CRLF). */
export function evidenceCsv<R>(document: EvidenceDocument<R>): string {
    return csvText({
        name: document.kind,
        headers: document.columns.map(column => column.header),
        rows: document.records.map(record => document.columns.map(column => visible(cell(column, record))))
    });
}
