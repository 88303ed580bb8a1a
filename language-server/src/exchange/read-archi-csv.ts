/**
 * Archi's "Export Model to CSV": `elements.csv` (ID, Type, Name, Documentation, Specialization),
 * `relations.csv` (ID, Type, Name, Documentation, Source, Target, Specialization) and
 * `properties.csv` (ID, Key, Value), optionally with a common prefix. The first element row is the
 * model itself (type ArchimateModel).
 */
import type { ArchiConcept, ArchiModel, ArchiRelationship } from './archimate-model.js';
import { ImportError } from './records.js';
import { cell, type Table } from './table.js';
import { squash } from './value-maps.js';

type Role = 'elements' | 'relations' | 'properties';

function roleOf(table: Table): Role | undefined {
    const headers = new Set(table.headers.map(squash));
    if (['id', 'key', 'value'].every(header => headers.has(header))) return 'properties';
    if (['id', 'type', 'name', 'source', 'target'].every(header => headers.has(header))) return 'relations';
    if (['id', 'type', 'name'].every(header => headers.has(header))) return 'elements';
    return undefined;
}

function column(table: Table, header: string): number {
    return table.headers.findIndex(name => squash(name) === header);
}

export function readArchiCsv(tables: Table[]): ArchiModel {
    const byRole = new Map<Role, Table>();
    for (const table of tables) {
        const role = roleOf(table);
        if (!role) throw new ImportError(`${table.file}:${table.headerLine}: not one of Archi's CSV files (elements: ID, Type, Name, Documentation; relations: … Source, Target; properties: ID, Key, Value)`);
        if (byRole.has(role)) throw new ImportError(`${table.file}: a second ${role} file (the first is ${byRole.get(role)!.file})`);
        byRole.set(role, table);
    }
    const elementsTable = byRole.get('elements');
    if (!elementsTable) throw new ImportError(`no elements file among ${tables.map(table => table.file).join(', ')}: Archi's export writes elements.csv, relations.csv and properties.csv; give all three`);
    const properties = new Map<string, Array<[string, string]>>();
    const propertiesTable = byRole.get('properties');
    if (propertiesTable) {
        const [id, key, value] = ['id', 'key', 'value'].map(header => column(propertiesTable, header));
        for (const row of propertiesTable.rows) {
            const owner = cell(row, id);
            const list = properties.get(owner) ?? [];
            list.push([cell(row, key), cell(row, value)]);
            properties.set(owner, list);
        }
    }
    const concept = (table: Table, row: Table['rows'][number]): ArchiConcept => {
        const id = cell(row, column(table, 'id'));
        const documentation = column(table, 'documentation') >= 0 ? cell(row, column(table, 'documentation')) : '';
        return {
            id,
            type: cell(row, column(table, 'type')).replace(/Relationship$/, ''),
            name: cell(row, column(table, 'name')),
            documentation: documentation || undefined,
            properties: properties.get(id) ?? [],
            origin: { file: table.file, line: row.line }
        };
    };
    const elements = new Map<string, ArchiConcept>();
    for (const row of elementsTable.rows) {
        const element = concept(elementsTable, row);
        if (element.type !== 'ArchimateModel') elements.set(element.id, element);
    }
    const relationsTable = byRole.get('relations');
    const relationships: ArchiRelationship[] = relationsTable ? relationsTable.rows.map(row => ({
        ...concept(relationsTable, row),
        source: cell(row, column(relationsTable, 'source')),
        target: cell(row, column(relationsTable, 'target'))
    })) : [];
    return { elements, relationships };
}
