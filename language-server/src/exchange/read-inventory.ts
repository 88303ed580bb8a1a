import { archimateInventory } from './archimate-model.js';
import { mapTable } from './map-table.js';
import { readArchiCsv } from './read-archi-csv.js';
import { readArchimateXml } from './read-archimate-xml.js';
import { decodeText, readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { emptyInventory, ImportError, type ImportedInventory } from './records.js';
import type { Table } from './table.js';
import { squash } from './value-maps.js';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'archimate'] as const;
export type ImportFormat = typeof IMPORT_FORMATS[number];

export interface InputFile { name: string; bytes: Uint8Array }

export interface ReadOptions {
    preset?: 'servicenow' | 'leanix' | 'archi';
    map: Map<string, string>;
    today: string;
}

/** The input files of one import as an inventory; input that cannot be read at all is an ImportError. */
export async function readInventory(format: ImportFormat, files: InputFile[], options: ReadOptions): Promise<ImportedInventory> {
    if (format === 'archimate') {
        if (files.length !== 1) throw new ImportError(`an ArchiMate import reads one exchange file (got ${files.length})`);
        return archimateInventory(readArchimateXml(decodeText(files[0].bytes, files[0].name), files[0].name));
    }
    const notes: ImportedInventory['notes'] = [];
    const tables: Table[] = [];
    for (const file of files) {
        if (format === 'csv') tables.push(readCsv(file.bytes, file.name, notes));
        else tables.push(...await readXlsx(file.bytes, file.name, notes));
    }
    if (options.preset === 'archi') {
        const inventory = archimateInventory(readArchiCsv(tables));
        inventory.notes.unshift(...notes);
        return inventory;
    }
    const inventory = emptyInventory();
    inventory.notes.push(...notes);
    const preset = options.preset;
    for (const table of tables) mapTable(table, { preset, map: options.map, today: options.today }, inventory);
    for (const [column, field] of options.map) {
        if (!tables.some(table => table.headers.some(header => squash(header) === squash(column)))) {
            inventory.notes.push({ kind: 'warning', message: `--map "${column}=${field}": no table has a column "${column}" (columns: ${[...new Set(tables.flatMap(table => table.headers))].filter(Boolean).join(', ')})` });
        }
    }
    if (inventory.systems.length === 0) {
        throw new ImportError(`no applications in ${files.map(file => file.name).join(', ')}: give the applications table too (interfaces only name the applications they connect)`);
    }
    return inventory;
}
