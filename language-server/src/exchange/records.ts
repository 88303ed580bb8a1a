/**
 * The neutral shape every importer produces and the model writer reads: one record per application,
 * interface or data object, its values still as the source spelled them, keyed by the field of our
 * language they were mapped to. Keeping the values raw until one place (model-writer.ts) reads
 * them means every source gets the same value synonyms, the same TODO comments and the same summary.
 */

/** Where a record came from, for messages: `file:line` (line 1-based; column when a cell is known). */
export interface Origin { file: string; line: number; column?: number }

export function at(origin: Origin): string {
    return `${origin.file}:${origin.line}${origin.column === undefined ? '' : `:${origin.column}`}`;
}

export const SYSTEM_FIELDS = [
    'id', 'name', 'kind', 'department', 'owner', 'hosting', 'region', 'processor', 'agreements', 'shadow', 'stores', 'edits', 'encryption', 'supports', 'users', 'status'
] as const;
export const FLOW_FIELDS = [
    'id', 'name', 'source', 'target', 'direction', 'carries', 'style', 'schedule', 'via', 'purpose', 'transfer', 'auth', 'secrets', 'tls', 'audit',
    'monitored', 'reconciled', 'owner', 'effort', 'errors', 'downtime', 'volume', 'status'
] as const;
export const ENTITY_FIELDS = ['id', 'name', 'master', 'freshness', 'fields'] as const;

export type SystemField = typeof SYSTEM_FIELDS[number];
export type FlowField = typeof FLOW_FIELDS[number];
export type EntityField = typeof ENTITY_FIELDS[number];
export type RecordKind = 'system' | 'flow' | 'entity';

/** A value no field of the language holds: it becomes a `// TODO` comment on the element. */
export interface Unmapped { label: string; value: string }

export interface ImportedRecord<F extends string> {
    origin: Origin;
    values: Partial<Record<F, string>>;
    unmapped: Unmapped[];
    /** Free text from the source, written as a comment above the declaration. */
    description?: string;
}

export type SystemRecord = ImportedRecord<SystemField>;
export type FlowRecord = ImportedRecord<FlowField>;
export type EntityRecord = ImportedRecord<EntityField>;

export type NoteKind = 'warning' | 'skipped' | 'guessed';

/** Something the user must read: a bad file, a row left out and why, a column guessed. */
export interface ImportNote { kind: NoteKind; origin?: Origin; message: string }

export interface ImportedInventory {
    systems: SystemRecord[];
    flows: FlowRecord[];
    entities: EntityRecord[];
    notes: ImportNote[];
    /** Named departments the source declares (ArchiMate groupings), with their titles. */
    departments: Array<{ id?: string; name: string }>;
}

export function emptyInventory(): ImportedInventory {
    return { systems: [], flows: [], entities: [], notes: [], departments: [] };
}

/** Thrown for input that cannot be imported at all (not UTF-8, no header, a required column missing): exit 2 with the message. */
export class ImportError extends Error {}
