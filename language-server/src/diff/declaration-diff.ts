import type { DeclarationKind, Declared, Estate } from '../model/estate.js';
import { COMPARED, declarationRecord, type DeclarationRecord, type RenameMap } from './declaration-record.js';

export interface PropertyChange {
    property: string;
    /** Undefined when the property is not written on that side. */
    before?: string;
    after?: string;
}

export type DeclarationChange =
    | { change: 'added' | 'removed'; kind: DeclarationKind; name: string; title: string }
    | { change: 'renamed'; kind: DeclarationKind; name: string; from: string; title: string }
    | { change: 'changed'; kind: DeclarationKind; name: string; title: string; properties: PropertyChange[] };

export interface DeclarationDiff {
    changes: DeclarationChange[];
    /** Settings of the `policy` blocks, keyed by what they set. */
    policy: PropertyChange[];
    /** Per kind, base name → head name: findings on a renamed declaration are the same findings. */
    renames: RenameMap;
}

type Declarations = ReadonlyMap<string, Declared>;

const declarationsOf = (estate: Estate, map: keyof Estate): Declarations => {
    const all = estate[map] as Declarations;
    return new Map([...all].filter(([, declaration]) => !declaration.source.builtin));
};

/** Declarations added, removed, renamed and changed from `base` to `head`, keyed by kind and name. */
export function diffDeclarations(base: Estate, head: Estate): DeclarationDiff {
    const renames = findRenames(base, head);
    const changes: DeclarationChange[] = [];
    for (const { kind, map } of COMPARED) {
        const before = declarationsOf(base, map);
        const after = declarationsOf(head, map);
        const renamedTo = renames.get(kind) ?? new Map<string, string>();
        const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));
        const names = [...new Set([...before.keys(), ...after.keys()])].sort();
        for (const name of names) {
            const old = before.get(name);
            const now = after.get(name);
            if (now && renamedFrom.has(name)) {
                changes.push({ change: 'renamed', kind, name, from: renamedFrom.get(name)!, title: now.title });
            } else if (old && renamedTo.has(name)) {
                // Shown once, under its new name.
            } else if (!old && now) {
                changes.push({ change: 'added', kind, name, title: now.title });
            } else if (old && !now) {
                changes.push({ change: 'removed', kind, name, title: old.title });
            } else if (old && now) {
                const properties = propertyChanges(declarationRecord(old, renames), declarationRecord(now));
                if (properties.length > 0) changes.push({ change: 'changed', kind, name, title: now.title, properties });
            }
        }
    }
    return { changes, policy: policyChanges(base, head), renames };
}

/** Compared by meaning (`2 hours per month` equals `120 minutes per month`), shown as written; a later setting wins, as it does when applied. */
function policyChanges(base: Estate, head: Estate): PropertyChange[] {
    const settings = (estate: Estate) => new Map(estate.policy.written.map(setting => [setting.key, setting]));
    const [before, after] = [settings(base), settings(head)];
    const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
    return keys.filter(key => before.get(key)?.value !== after.get(key)?.value)
        .map(key => ({ property: key, before: valueText(key, before.get(key)?.text), after: valueText(key, after.get(key)?.text) }));
}

/** `rule "gap/fragile" error` shown under the key `rule "gap/fragile"` is `error`. */
function valueText(key: string, text: string | undefined): string | undefined {
    return text?.startsWith(`${key} `) ? text.slice(key.length + 1).trim() : text;
}

function propertyChanges(before: DeclarationRecord, after: DeclarationRecord): PropertyChange[] {
    const properties = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return properties.filter(property => before[property] !== after[property])
        .map(property => ({ property, before: before[property], after: after[property] }));
}

/**
 * A removed and an added declaration of one kind that are otherwise identical are one renamed
 * declaration. Renaming a system rewrites its flows' ends, so a renamed flow between renamed
 * systems is only recognised once the systems are: repeat until no new rename turns up.
 */
function findRenames(base: Estate, head: Estate): RenameMap {
    const renames = new Map<DeclarationKind, Map<string, string>>();
    for (let found = true; found;) {
        found = false;
        for (const { kind, map } of COMPARED) {
            const before = declarationsOf(base, map);
            const after = declarationsOf(head, map);
            const known = renames.get(kind) ?? new Map<string, string>();
            const taken = new Set(known.values());
            const added = new Map<string, string[]>();
            for (const [name, declaration] of after) {
                if (before.has(name) || taken.has(name)) continue;
                const key = signature(declarationRecord(declaration));
                added.set(key, [...(added.get(key) ?? []), name]);
            }
            if (added.size === 0) continue;
            for (const [name, declaration] of before) {
                if (after.has(name) || known.has(name)) continue;
                const candidates = added.get(signature(declarationRecord(declaration, renames)));
                const to = candidates?.shift();
                if (to === undefined) continue;
                known.set(name, to);
                renames.set(kind, known);
                found = true;
            }
        }
    }
    return renames;
}

function signature(record: DeclarationRecord): string {
    return JSON.stringify(Object.entries(record).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
