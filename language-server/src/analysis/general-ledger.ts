import type { Estate } from '../model/estate.js';

/** A system taken for the general ledger, and why: the language has no `kind ledger`, so the reason is shown with it. */
export interface GeneralLedger {
    system: string;
    reason: string;
}

/** Journal entries and ledgers by name or title: `JournalEntry`, "General-ledger journal entry", "GL posting". */
const LEDGER_ENTITY = /journal|ledger|\bgl\b/i;
/** A ledger by name or title: "General ledger", `Ledger`, "GL"; not "Global …". */
const LEDGER_SYSTEM = /ledger|\bgl\b/i;

/**
 * The general ledger as the model shows it, first rule that finds one wins:
 * 1. the system of record (`master`) of an entity whose name or title names journal entries or a ledger;
 * 2. a current system of kind `finance` or `erp` whose name or title names a ledger.
 * None found is an answer too: the SOX lineage then lists a to-do instead of guessing.
 */
export function generalLedgers(estate: Estate): GeneralLedger[] {
    const byEntity = new Map<string, GeneralLedger>();
    for (const entity of estate.entities.values()) {
        if (entity.source.builtin || !(LEDGER_ENTITY.test(entity.name) || LEDGER_ENTITY.test(entity.title))) continue;
        for (const master of entity.masters) {
            if (!byEntity.has(master)) byEntity.set(master, { system: master, reason: `system of record of ${entity.name} (${entity.title})` });
        }
    }
    if (byEntity.size > 0) return [...byEntity.values()];
    return [...estate.systems.values()]
        .filter(system => !system.source.builtin && system.status !== 'retired' && (system.systemKind === 'finance' || system.systemKind === 'erp')
            && (LEDGER_SYSTEM.test(system.name) || LEDGER_SYSTEM.test(system.title)))
        .map(system => ({ system: system.name, reason: `kind ${system.systemKind}, named ${system.title}` }));
}
