/**
 * Imported records → model text, one file per department. Values are read through value-maps.ts;
 * a value the language has no place for, or cannot read, becomes a `// TODO` comment on its
 * element, so nothing the source said is dropped silently. References (departments, entities,
 * platforms, classifications, flow ends) resolve by name or title against what is imported and
 * against `known` declarations (the standard library and hand-written files), and what is missing
 * is declared as a stub, which the summary lists as inferred.
 */
import { commentText, isId, kebab, nameFrom, quoted } from './model-syntax.js';
import { at, type EntityRecord, type FlowRecord, type ImportedInventory, type ImportNote, type Origin, type SystemRecord, type Unmapped } from './records.js';
import {
    readAuth, readBoolean, readCapabilities, readCount, readDirection, readDuration, readEncryption, readHosting, readKind, readRegion, readAgreements, readTransfer, readPercent,
    readRate, readSchedule, readSecrets, readStatus, readStyle, readTls, readVolume, splitList, squash, type Read
} from './value-maps.js';

export type KnownKind = 'department' | 'system' | 'entity' | 'platform' | 'classification' | 'flow' | 'other';

/** A declaration the generated files may refer to but must not write again. */
export interface KnownDeclaration { kind: KnownKind; name: string; title: string; file?: string; fields?: string[] }

export interface ImportSummary {
    systems: number;
    flows: number;
    entities: number;
    departments: number;
    /** Values written as properties. */
    mapped: number;
    /** `// TODO` comments written. */
    todos: number;
    /** What the import decided without the source saying so, with where. */
    inferred: string[];
    skipped: ImportNote[];
    /** Systems flagged as shadow IT because of their kind or title. */
    shadowCandidates: string[];
    /** Rows not written because a hand-written file declares the element. */
    kept: string[];
}

export interface GeneratedFile { name: string; text: string }
export interface GeneratedModel { files: GeneratedFile[]; summary: ImportSummary }

interface Entry { kind: KnownKind; name: string; title: string; generated: boolean; file?: string; fields: string[]; fieldClasses: Map<string, string | undefined> }

/** A declaration being written: its property lines and TODO comments. */
interface Draft { entry: Entry; head: string; lines: string[]; todos: string[]; description?: string; trailing: Map<number, string> }

const SHADOW_TITLE = /\b(excel|spreadsheet|workbook|xlsx?|google sheets?|access db|access database|macro)\b/i;

class Registry {
    private readonly entries: Entry[] = [];
    private readonly byName = new Map<string, Entry>();
    private readonly byKey = new Map<string, Entry[]>();
    /** Names already taken in the one workspace-wide namespace (standard library included). */
    readonly used = new Set<string>();

    add(entry: Entry): Entry {
        this.entries.push(entry);
        this.byName.set(entry.name, entry);
        this.used.add(entry.name);
        for (const key of new Set([squash(entry.name), squash(entry.title)])) {
            const list = this.byKey.get(key) ?? [];
            list.push(entry);
            this.byKey.set(key, list);
        }
        return entry;
    }

    /** By exact name, else by name or title ignoring case and punctuation; only entries of `kind`. */
    find(kind: KnownKind, value: string): Entry | undefined {
        const exact = this.byName.get(value);
        if (exact?.kind === kind) return exact;
        return this.byKey.get(squash(value))?.find(entry => entry.kind === kind);
    }

    /** A free name: `preferred`, else with the kind's word, else numbered. */
    freeName(preferred: string, kindWord: string): string {
        if (!this.used.has(preferred)) return preferred;
        if (!this.used.has(preferred + kindWord)) return preferred + kindWord;
        for (let n = 2; ; n++) if (!this.used.has(`${preferred}${n}`)) return `${preferred}${n}`;
    }

    generated(kind: KnownKind): Entry[] {
        return this.entries.filter(entry => entry.kind === kind && entry.generated);
    }
}

export function writeModel(inventory: ImportedInventory, known: readonly KnownDeclaration[]): GeneratedModel {
    return new ModelWriter(inventory, known).write();
}

class ModelWriter {
    private readonly registry = new Registry();
    private readonly summary: ImportSummary = { systems: 0, flows: 0, entities: 0, departments: 0, mapped: 0, todos: 0, inferred: [], skipped: [], shadowCandidates: [], kept: [] };
    private readonly systems: Array<{ draft: Draft; department?: string }> = [];
    private readonly flows: Array<{ draft: Draft; sourceSystem: string }> = [];
    private readonly stubs = new Map<Entry, Draft>();

    constructor(private readonly inventory: ImportedInventory, known: readonly KnownDeclaration[]) {
        for (const declaration of known) {
            this.registry.add({ ...declaration, generated: false, fields: declaration.fields ?? [], fieldClasses: new Map() });
        }
        for (const note of inventory.notes) if (note.kind === 'skipped') this.summary.skipped.push(note);
    }

    write(): GeneratedModel {
        for (const department of this.inventory.departments) this.department(department.name, department.id);
        const entities = this.inventory.entities.map(record => this.entityHead(record)).filter(isDefined);
        const systems = this.inventory.systems.map(record => this.systemHead(record)).filter(isDefined);
        for (const [draft, record] of entities) this.entityBody(draft, record);
        for (const [draft, record] of systems) this.systemBody(draft, record);
        for (const record of this.inventory.flows) this.flow(record);
        this.summary.departments = this.registry.generated('department').length;
        this.summary.entities = this.registry.generated('entity').length;
        return { files: this.files(), summary: this.summary };
    }

    // ------------------------------------------------------------ declarations

    private entityHead(record: EntityRecord): [Draft, EntityRecord] | undefined {
        const draft = this.declare('entity', 'Data', record, 'data object');
        return draft && [draft, record];
    }

    private systemHead(record: SystemRecord): [Draft, SystemRecord] | undefined {
        const draft = this.declare('system', 'System', record, 'application');
        return draft && [draft, record];
    }

    /** The declaration of one record: its name from `id` when that is a name, else from its title; a duplicate is skipped with a warning. */
    private declare(kind: 'entity' | 'system', prefix: string, record: SystemRecord | EntityRecord, word: string): Draft | undefined {
        const title = (record.values.name ?? record.values.id ?? '').trim();
        if (title === '') {
            this.skip(record.origin, `${word} without a name`);
            return undefined;
        }
        const existing = this.registry.find(kind, record.values.id ?? title) ?? this.registry.find(kind, title);
        if (existing) {
            if (existing.generated) this.skip(record.origin, `duplicate ${word} "${title}" (the first row with this name is imported)`);
            else this.summary.kept.push(`${at(record.origin)}: ${kind} ${existing.name} is declared by hand in ${existing.file ?? 'the standard library'}; this row is not imported`);
            return undefined;
        }
        const id = record.values.id?.trim();
        const preferred = id && isId(id) ? id : nameFrom(title, prefix);
        const name = this.registry.freeName(preferred, prefix);
        if (name !== preferred) this.infer(record.origin, `${word} "${title}" named ${name} (${preferred} is taken)`);
        const entry = this.registry.add({ kind, name, title, generated: true, fields: [], fieldClasses: new Map() });
        const draft = this.draft(entry, `${kind} ${name}${title !== name ? ` ${quoted(title)}` : ''}`, record.unmapped, record.description);
        if (kind === 'system') this.summary.systems++;
        return draft;
    }

    private draft(entry: Entry, head: string, unmapped: Unmapped[] = [], description?: string): Draft {
        const draft: Draft = { entry, head, lines: [], todos: [], description, trailing: new Map() };
        for (const item of unmapped) this.todo(draft, `${item.label}: ${item.value}`);
        return draft;
    }

    private entityBody(draft: Draft, record: EntityRecord): void {
        const values = record.values;
        if (values.master) {
            const masters = splitList(values.master).map(value => this.reference('system', value, draft, 'master'));
            this.property(draft, masters.some(isDefined) ? `master ${masters.filter(isDefined).join(', ')}` : undefined);
        }
        if (values.freshness) this.read(draft, 'freshness', values.freshness, readDuration(values.freshness, 'minute'));
        for (const item of splitList(values.fields ?? '')) {
            const match = /^([^:]+?)\s*(?::\s*(.+))?$/.exec(item)!;
            const fieldName = isId(match[1]) ? match[1] : nameFrom(match[1], 'field').replace(/^./, ch => ch.toLowerCase());
            if (draft.entry.fieldClasses.has(fieldName)) continue;
            const classification = match[2] ? this.classification(match[2], record.origin) : undefined;
            draft.entry.fields.push(fieldName);
            draft.entry.fieldClasses.set(fieldName, classification);
        }
        this.stubs.set(draft.entry, draft);
    }

    private systemBody(draft: Draft, record: SystemRecord): void {
        const values = record.values;
        let kind: string | undefined;
        if (values.kind) {
            const read = readKind(values.kind);
            this.read(draft, 'kind', values.kind, read);
            if ('text' in read) kind = read.text.slice('kind '.length);
        } else if (SHADOW_TITLE.test(draft.entry.title)) {
            kind = 'spreadsheet';
            this.property(draft, 'kind spreadsheet', 'inferred from the name: confirm');
            this.infer(record.origin, `${draft.entry.name}: kind spreadsheet, from its name "${draft.entry.title}"`);
        }
        let department: string | undefined;
        if (values.department) {
            department = this.department(values.department);
            this.property(draft, `department ${department}`);
        }
        if (values.owner) this.property(draft, `owner ${quoted(values.owner)}`);
        if (values.hosting) this.read(draft, 'hosting', values.hosting, readHosting(values.hosting));
        if (values.region) this.read(draft, 'region', values.region, readRegion(values.region));
        if (values.processor) this.property(draft, `processor ${quoted(values.processor)}`);
        if (values.agreements) this.read(draft, 'agreements', values.agreements, readAgreements(values.agreements));
        const shadow = values.shadow === undefined ? undefined : readBoolean(values.shadow);
        if (values.shadow !== undefined && shadow === undefined) this.todo(draft, `shadow "${values.shadow}": not yes or no`);
        if (shadow) {
            this.property(draft, 'shadow');
        } else if (shadow === undefined && (kind === 'spreadsheet' || kind === 'personal-tool')) {
            this.property(draft, 'shadow', `inferred from kind ${kind}: confirm`);
            this.summary.shadowCandidates.push(draft.entry.name);
            this.infer(record.origin, `${draft.entry.name}: shadow IT, from kind ${kind}`);
        }
        for (const [label, value] of [['stores', values.stores], ['edits', values.edits]] as const) {
            if (!value) continue;
            const entities = splitList(value).map(item => this.entity(item, record.origin)).filter(isDefined);
            this.property(draft, entities.length > 0 ? `${label} ${[...new Set(entities)].join(', ')}` : undefined);
        }
        if (values.encryption) this.read(draft, 'encryption', values.encryption, readEncryption(values.encryption));
        if (values.supports) {
            const capabilities = readCapabilities(values.supports);
            this.property(draft, capabilities.text);
            capabilities.todos.forEach(todo => this.todo(draft, todo));
        }
        if (values.users) {
            const users = readCount(values.users);
            this.read(draft, 'users', values.users, users === undefined ? undefined : `${users}`);
        }
        if (values.status) this.read(draft, 'status', values.status, readStatus(values.status));
        this.systems.push({ draft, department });
    }

    private flow(record: FlowRecord): void {
        const values = record.values;
        const source = values.source ? this.registry.find('system', values.source) : undefined;
        const target = values.target ? this.registry.find('system', values.target) : undefined;
        if (!source || !target) {
            const missing = [!source ? `source "${values.source ?? ''}"` : '', !target ? `target "${values.target ?? ''}"` : ''].filter(Boolean).join(' and ');
            this.skip(record.origin, `interface ${values.name ?? values.id ?? ''}: ${missing} ${missing.includes(' and ') ? 'are' : 'is'} not an imported application`.replace(/interface : /, 'interface: '));
            return;
        }
        const direction = values.direction ? readDirection(values.direction) : undefined;
        const [from, to] = direction === 'reversed' ? [target, source] : [source, target];
        const title = (values.name ?? '').trim();
        const id = values.id?.trim();
        const preferred = id && isId(id) ? id : title ? nameFrom(title, 'Flow') : `${from.name}To${to.name}`;
        const existing = this.registry.find('flow', preferred);
        if (existing && !existing.generated) {
            this.summary.kept.push(`${at(record.origin)}: flow ${existing.name} is declared by hand in ${existing.file ?? 'another file'}; this row is not imported`);
            return;
        }
        const name = this.registry.freeName(preferred, 'Flow');
        const entry = this.registry.add({ kind: 'flow', name, title: title || name, generated: true, fields: [], fieldClasses: new Map() });
        const arrow = direction === 'two-way' ? '<->' : '->';
        const draft = this.draft(entry, `flow ${name}${title && title !== name ? ` ${quoted(title)}` : ''} : ${from.name} ${arrow} ${to.name}`, record.unmapped, record.description);
        if (values.direction && direction === undefined) this.todo(draft, `direction "${values.direction}": not one-way, two-way or reversed`);
        if (values.carries) this.carries(draft, values.carries, record.origin);
        if (values.style) this.read(draft, 'style', values.style, readStyle(values.style));
        if (values.schedule) this.read(draft, 'schedule', values.schedule, readSchedule(values.schedule));
        if (values.via) {
            const platform = this.platform(values.via, record.origin);
            this.property(draft, `via ${platform}`);
        }
        if (values.purpose) this.property(draft, `purpose ${quoted(values.purpose)}`);
        if (values.transfer) this.read(draft, 'transfer', values.transfer, readTransfer(values.transfer));
        if (values.auth) this.read(draft, 'auth', values.auth, readAuth(values.auth));
        if (values.secrets) this.read(draft, 'secrets', values.secrets, readSecrets(values.secrets));
        if (values.tls) this.read(draft, 'tls', values.tls, readTls(values.tls));
        if (values.audit) this.audit(draft, values.audit);
        for (const flag of ['monitored', 'reconciled'] as const) {
            const value = values[flag];
            if (value === undefined) continue;
            const yes = readBoolean(value);
            if (yes === undefined) this.todo(draft, `${flag} "${value}": not yes or no`);
            else if (yes) this.property(draft, flag);
        }
        if (values.owner) this.property(draft, `owner ${quoted(values.owner)}`);
        if (values.effort) this.read(draft, 'effort', values.effort, readRate(values.effort, { unit: 'hour', per: 'week' }));
        if (values.errors) this.read(draft, 'errors', values.errors, readPercent(values.errors));
        if (values.downtime) this.read(draft, 'downtime', values.downtime, readRate(values.downtime, { unit: 'hour', per: 'month' }));
        if (values.volume) this.read(draft, 'volume', values.volume, readVolume(values.volume));
        if (values.status) this.read(draft, 'status', values.status, readStatus(values.status));
        this.flows.push({ draft, sourceSystem: from.name });
        this.summary.flows++;
    }

    private audit(draft: Draft, value: string): void {
        const yes = readBoolean(value);
        if (yes !== undefined) {
            if (yes) this.property(draft, 'audit');
            return;
        }
        const retention = readDuration(value.replace(/^(?:yes|audit)[,;]?\s*(?:retention\s*)?/i, ''), 'month');
        this.read(draft, 'audit', value, retention ? `retention ${retention}` : undefined);
    }

    /** `Customer.email`, `Customer.*`, or a data object named alone (all of its fields). */
    private carries(draft: Draft, value: string, origin: Origin): void {
        const refs: string[] = [];
        for (const item of splitList(value)) {
            const dot = item.lastIndexOf('.');
            const entityText = dot > 0 ? item.slice(0, dot) : item;
            const fieldText = dot > 0 ? item.slice(dot + 1).trim() : '*';
            const entity = this.entity(entityText, origin);
            if (!entity) continue;
            if (fieldText === '*') {
                refs.push(`${entity}.*`);
                continue;
            }
            const entry = this.registry.find('entity', entity)!;
            let field = entry.fields.find(name => name.toLowerCase() === fieldText.toLowerCase());
            if (!field && entry.generated && isId(fieldText)) {
                field = fieldText;
                entry.fields.push(field);
                entry.fieldClasses.set(field, undefined);
                this.infer(origin, `${entity}.${field}: field declared because a flow carries it`);
            }
            if (field) refs.push(`${entity}.${field}`);
            else this.todo(draft, `carries "${item}": ${entity} has no field ${fieldText}`);
        }
        this.property(draft, refs.length > 0 ? `carries ${[...new Set(refs)].join(', ')}` : undefined);
    }

    // ------------------------------------------------------------ references and stubs

    private reference(kind: KnownKind, value: string, draft: Draft, label: string): string | undefined {
        const entry = this.registry.find(kind, value);
        if (!entry) this.todo(draft, `${label} "${value}": no such ${kind}`);
        return entry?.name;
    }

    private department(value: string, id?: string): string {
        const existing = this.registry.find('department', id ?? value) ?? this.registry.find('department', value);
        if (existing) return existing.name;
        const preferred = id && isId(id) ? id : isId(value) ? value : nameFrom(value, 'Dept');
        const name = this.registry.freeName(preferred, 'Dept');
        return this.registry.add({ kind: 'department', name, title: value, generated: true, fields: [], fieldClasses: new Map() }).name;
    }

    private entity(value: string, origin: Origin): string | undefined {
        const trimmed = value.trim();
        if (trimmed === '') return undefined;
        const existing = this.registry.find('entity', trimmed);
        if (existing) return existing.name;
        const name = this.registry.freeName(isId(trimmed) ? trimmed : nameFrom(trimmed, 'Data'), 'Data');
        const entry = this.registry.add({ kind: 'entity', name, title: trimmed, generated: true, fields: [], fieldClasses: new Map() });
        this.stubs.set(entry, this.draft(entry, `entity ${name}${trimmed !== name ? ` ${quoted(trimmed)}` : ''}`));
        this.infer(origin, `entity ${name}: declared because an application or interface names "${trimmed}"`);
        return name;
    }

    private platform(value: string, origin: Origin): string {
        const existing = this.registry.find('platform', value);
        if (existing) return existing.name;
        const name = this.registry.freeName(isId(value) ? value : nameFrom(value, 'Platform'), 'Platform');
        const entry = this.registry.add({ kind: 'platform', name, title: value, generated: true, fields: [], fieldClasses: new Map() });
        const draft = this.draft(entry, `platform ${name}${value !== name ? ` ${quoted(value)}` : ''}`);
        this.todo(draft, 'declared because a flow runs via it: set its kind, supports and agreements');
        this.stubs.set(entry, draft);
        this.infer(origin, `platform ${name}: declared because a flow runs via "${value}"`);
        return name;
    }

    private classification(value: string, origin: Origin): string {
        const existing = this.registry.find('classification', value);
        if (existing) return existing.name;
        const name = this.registry.freeName(isId(value) ? value : nameFrom(value, 'Class'), 'Class');
        const entry = this.registry.add({ kind: 'classification', name, title: value, generated: true, fields: [], fieldClasses: new Map() });
        const draft = this.draft(entry, `classification ${name}${value !== name ? ` ${quoted(value)}` : ''}`);
        this.todo(draft, 'declared because a field names it: set its level, regulations and requirements');
        this.stubs.set(entry, draft);
        this.infer(origin, `classification ${name}: declared because a field is classified "${value}"`);
        return name;
    }

    // ------------------------------------------------------------ property helpers

    private read(draft: Draft, label: string, value: string, read: Read | string | undefined): void {
        if (typeof read === 'string') this.property(draft, `${label} ${read}`);
        else if (read && 'text' in read) this.property(draft, read.text);
        else this.todo(draft, read?.todo ?? `${label} "${value}": not understood`);
    }

    private property(draft: Draft, text: string | undefined, comment?: string): void {
        if (text === undefined) return;
        if (comment) draft.trailing.set(draft.lines.length, comment);
        draft.lines.push(text);
        this.summary.mapped++;
    }

    private todo(draft: Draft, text: string): void {
        draft.todos.push(text);
        this.summary.todos++;
    }

    private infer(origin: Origin, message: string): void {
        this.summary.inferred.push(`${at(origin)}: ${message}`);
    }

    private skip(origin: Origin, message: string): void {
        this.summary.skipped.push({ kind: 'skipped', origin, message });
    }

    // ------------------------------------------------------------ files

    private files(): GeneratedFile[] {
        const byFile = new Map<string, string[]>();
        const add = (file: string, text: string) => {
            const list = byFile.get(file) ?? [];
            list.push(text);
            byFile.set(file, list);
        };
        const fileOfDepartment = new Map<string | undefined, string>();
        for (const department of this.registry.generated('department')) {
            const file = departmentFile(department.name);
            fileOfDepartment.set(department.name, file);
            add(file, `department ${department.name}${department.title !== department.name ? ` ${quoted(department.title)}` : ''}`);
        }
        const departmentOfSystem = new Map<string, string | undefined>();
        for (const { draft, department } of this.systems) {
            departmentOfSystem.set(draft.entry.name, department);
            add(this.fileFor(fileOfDepartment, department), render(draft));
        }
        for (const { draft, sourceSystem } of this.flows) add(this.fileFor(fileOfDepartment, departmentOfSystem.get(sourceSystem)), render(draft));
        for (const [entry, draft] of this.stubs) {
            if (entry.kind === 'entity') {
                for (const field of entry.fields) {
                    const classification = entry.fieldClasses.get(field);
                    draft.lines.push(`field ${field}${classification ? `: ${classification}` : ''}`);
                }
            }
            add(entry.kind === 'platform' ? 'platforms.integ' : 'data.integ', render(draft));
        }
        return [...byFile].map(([name, blocks]) => ({ name, text: blocks.join('\n\n') + '\n' }));
    }

    private fileFor(fileOfDepartment: Map<string | undefined, string>, department: string | undefined): string {
        return fileOfDepartment.get(department) ?? (department ? departmentFile(department) : 'no-department.integ');
    }
}

/** The files of the data objects, the platforms and the systems without a department keep their names whatever the departments are called. */
function departmentFile(name: string): string {
    const base = kebab(name);
    return ['data', 'platforms', 'no-department'].includes(base) ? `${base}-department.integ` : `${base}.integ`;
}

function render(draft: Draft): string {
    const lines: string[] = [];
    if (draft.description) lines.push(`// ${commentText(draft.description)}`);
    const body = [
        ...draft.todos.map(todo => `  // TODO ${commentText(todo)}`),
        ...draft.lines.map((line, index) => `  ${line}${draft.trailing.has(index) ? `  // ${commentText(draft.trailing.get(index)!)}` : ''}`)
    ];
    lines.push(body.length > 0 ? `${draft.head} {\n${body.join('\n')}\n}` : draft.head);
    return lines.join('\n');
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
