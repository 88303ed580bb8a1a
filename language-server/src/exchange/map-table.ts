import { FIELDS_OF, guessColumns, guessKind } from './column-guess.js';
import { PRESETS, type PresetShape } from './presets.js';
import { ImportError, type ImportedInventory, type ImportedRecord, type RecordKind } from './records.js';
import { cell, type Table, type TableRow } from './table.js';
import { squash } from './value-maps.js';

export interface MapOptions {
    preset?: 'servicenow' | 'leanix';
    /** `--map column=field`: explicit columns, over the preset or the guess. */
    map: Map<string, string>;
    /** YYYY-MM-DD, for lifecycles kept as phase dates. */
    today: string;
}

/** The least a row needs to become an element. */
const REQUIRED: Record<RecordKind, string[]> = { system: ['name'], flow: ['source', 'target'], entity: ['name'] };
const KIND_WORD: Record<RecordKind, string> = { system: 'applications', flow: 'interfaces', entity: 'data objects' };

function shapeOf(table: Table, options: MapOptions): PresetShape | undefined {
    if (!options.preset) return undefined;
    const headers = new Set(table.headers.map(squash));
    const shape = PRESETS[options.preset].find(candidate => candidate.recognise.every(header => headers.has(squash(header))));
    if (!shape) {
        const expected = PRESETS[options.preset].map(candidate => candidate.recognise.join(' + ')).join(' or ');
        throw new ImportError(`${table.file}:${table.headerLine}: not a ${options.preset} export: it needs the columns ${expected} (found ${table.headers.filter(Boolean).join(', ') || 'none'})`);
    }
    return shape;
}

/** Column index → field: `--map` first, then the preset's columns, else the guess (reported as such). */
function columnsOf(table: Table, kind: RecordKind, shape: PresetShape | undefined, options: MapOptions, inventory: ImportedInventory): Map<number, string> {
    const fields = new Map<number, string>();
    const taken = new Set<string>();
    const place = (index: number, field: string) => {
        if (fields.has(index) || taken.has(field)) return;
        fields.set(index, field);
        taken.add(field);
    };
    const bySquashed = new Map<string, number>();
    table.headers.forEach((header, index) => { if (!bySquashed.has(squash(header))) bySquashed.set(squash(header), index); });
    for (const [column, field] of options.map) {
        const index = bySquashed.get(squash(column));
        if (index !== undefined) place(index, field);
    }
    if (shape) {
        for (const [header, field] of shape.columns) {
            const index = bySquashed.get(squash(header));
            if (index !== undefined) place(index, field);
        }
    } else {
        const guessed = guessColumns(kind, table.headers);
        const shown: string[] = [];
        for (const [index, field] of guessed.fields) {
            if (taken.has(field) || fields.has(index)) continue;
            place(index, field);
            if (table.headers[index] !== field) shown.push(`"${table.headers[index]}" → ${field}`);
        }
        if (shown.length > 0) inventory.notes.push({ kind: 'guessed', origin: { file: table.file, line: table.headerLine }, message: `read as ${KIND_WORD[kind]}: ${shown.join(', ')}` });
    }
    return fields;
}

/** The rows of one table as records of the inventory; a table missing a required column is an ImportError naming it. */
export function mapTable(table: Table, options: MapOptions, inventory: ImportedInventory): void {
    const shape = shapeOf(table, options);
    const ignored = new Set((shape?.ignore ?? []).map(squash));
    const fixedKind = shape ? (typeof shape.kind === 'string' ? shape.kind : undefined) : guessKind(table.headers.map(header => options.map.get(header) ?? header));
    const kinds: RecordKind[] = fixedKind ? [fixedKind] : ['system', 'flow', 'entity'];
    const columnsByKind = new Map(kinds.map(kind => [kind, columnsOf(table, kind, shape, options, inventory)] as const));
    if (fixedKind && !shape?.derive) {
        const mapped = new Set(columnsByKind.get(fixedKind)!.values());
        const missing = REQUIRED[fixedKind].filter(field => !mapped.has(field) && !(field === 'name' && mapped.has('id')));
        if (missing.length > 0) {
            throw new ImportError(`${table.file}:${table.headerLine}: read as ${KIND_WORD[fixedKind]} but no column gives ${missing.join(', ')} `
                + `(columns: ${table.headers.filter(Boolean).join(', ') || 'none'}); name it with --map "<column>=${missing[0]}"`);
        }
    }
    const headerIndex = new Map<string, number>();
    table.headers.forEach((header, index) => { if (!headerIndex.has(squash(header))) headerIndex.set(squash(header), index); });
    for (const row of table.rows) {
        const get = (header: string) => {
            const index = headerIndex.get(squash(header));
            return index === undefined ? '' : cell(row, index);
        };
        const kind = fixedKind ?? (shape && typeof shape.kind === 'function' ? shape.kind(get) : undefined);
        const origin = { file: table.file, line: row.line };
        if (kind !== 'system' && kind !== 'flow' && kind !== 'entity') {
            inventory.notes.push({ kind: 'skipped', origin, message: `fact sheet type "${kind ?? ''}" is not imported (only Application, Interface and DataObject are)` });
            continue;
        }
        const derived = shape?.derive?.(get, options.today);
        if (derived?.skip) {
            inventory.notes.push({ kind: 'skipped', origin, message: derived.skip });
            continue;
        }
        if (derived?.note) inventory.notes.push({ kind: 'guessed', origin, message: derived.note });
        const record = recordOf(table, row, columnsByKind.get(kind)!, kind, ignored);
        for (const [field, value] of Object.entries(derived?.values ?? {})) {
            if (value && !(field in record.values)) (record.values as Record<string, string>)[field] = value;
        }
        if (kind === 'system') inventory.systems.push(record);
        else if (kind === 'flow') inventory.flows.push(record);
        else inventory.entities.push(record);
    }
}

function recordOf(table: Table, row: TableRow, columns: Map<number, string>, kind: RecordKind, ignored: Set<string>): ImportedRecord<string> {
    const record: ImportedRecord<string> = { origin: { file: table.file, line: row.line }, values: {}, unmapped: [] };
    const valid = new Set(FIELDS_OF[kind]);
    table.headers.forEach((header, index) => {
        const value = cell(row, index).replace(/^'(?=[=+\-@])/, '');
        if (value === '') return;
        const field = columns.get(index);
        if (field === 'description') record.description = value;
        else if (field && valid.has(field)) record.values[field] = value;
        else if (header !== '' && !ignored.has(squash(header))) record.unmapped.push({ label: header, value });
    });
    return record;
}
