import { isShadow } from '../model/inventory.js';
import { canonicalRegion, inEea } from '../model/regions.js';
import type { Flow } from '../model/estate.js';
import type { CarriedField } from '../model/estate-index.js';
import { entityRule, findingOn, flowRule, type Rule } from './rule-kit.js';
import { describeField, describeFields, formatMonths, isCurrentOrPlanned, isRegulated, listNames, receiversOf } from './rule-text.js';
import { heldFields, holdingVerb } from './holdings.js';
import { severityFor } from './requirements.js';

/** Compliance rules check live and planned flows: a planned flow must be compliant by design. */

/** At most three names, then how many more. */
function someNames(names: string[], noun: string): string {
    if (names.length <= 3) return listNames(names);
    return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more ${noun}`;
}

/** True when the flow takes data out of one of the masters (in either direction for `<->`). */
function leavesMaster(flow: Flow, masters: readonly string[]): boolean {
    if (masters.length === 0) return true;
    const fromMaster = masters.includes(flow.sourceSystem) && !masters.includes(flow.targetSystem);
    const backFromMaster = flow.twoWay && masters.includes(flow.targetSystem) && !masters.includes(flow.sourceSystem);
    return fromMaster || backFromMaster;
}

export const unclassifiedField = entityRule('compliance/unclassified-field', (entity, { index }, report) => {
    const unclassified = new Set(entity.fields.filter(field => field.classification === undefined).map(field => field.name));
    if (unclassified.size === 0) return;
    const leavingVia = new Map<string, string[]>();
    for (const flow of index.flowsCarrying.get(entity.name) ?? []) {
        if (!isCurrentOrPlanned(flow) || !leavesMaster(flow, entity.masters)) continue;
        for (const carried of flow.carries) {
            if (carried.entity !== entity.name) continue;
            for (const field of carried.fields) {
                if (!unclassified.has(field)) continue;
                const flows = leavingVia.get(field);
                if (flows) flows.push(flow.name); else leavingVia.set(field, [flow.name]);
            }
        }
    }
    for (const field of entity.fields) {
        const flows = leavingVia.get(field.name);
        if (!flows) continue;
        const from = entity.masters.length > 0 ? `leaves its master ${listNames(entity.masters)}` : 'is moved';
        report(findingOn('compliance/unclassified-field', { ...entity, source: field.source },
            `${entity.name}.${field.name} has no classification but ${from} via ${someNames(flows, 'flows')}; no security or compliance rule can check it`,
            { data: { entity: entity.name, field: field.name, flows } }));
    }
});

export const regulatedInShadowIt: Rule = {
    id: 'compliance/regulated-in-shadow-it',
    each: [
        {
            kind: 'system',
            check(system, context, report) {
                if (system.status === 'retired' || !isShadow(system)) return;
                const held = heldFields(system, context, isRegulated);
                if (held.length === 0) return;
                const { verb, basis } = holdingVerb(held[0]);
                report(findingOn('compliance/regulated-in-shadow-it', system,
                    `Shadow IT ${system.name} ${verb} ${describeFields(held)}${basis}; it has no access control, encryption or audit trail for regulated data`,
                    { property: 'stores', data: { fields: held.map(field => `${field.entity}.${field.field}`) } }));
            }
        },
        {
            kind: 'flow',
            check(flow, { estate, index }, report) {
                if (!isCurrentOrPlanned(flow)) return;
                const shadow = receiversOf(flow).filter(name => {
                    const system = estate.systems.get(name);
                    return system !== undefined && isShadow(system);
                });
                if (shadow.length === 0) return;
                const regulated = index.carriedFields(flow).filter(field => isRegulated(field.classification));
                if (regulated.length === 0) return;
                report(findingOn('compliance/regulated-in-shadow-it', flow,
                    `${flow.name} sends ${describeFields(regulated)} to shadow IT ${listNames(shadow)}, outside every control the regulation requires`,
                    { property: 'target', data: { systems: shadow, fields: regulated.map(field => `${field.entity}.${field.field}`) } }));
            }
        }
    ]
};

/** Which agreement a platform needs for data under a regulation, and the clause that requires it. */
const AGREEMENTS: Array<{ regulation: string; agreement: 'dpa' | 'baa'; clause: string }> = [
    { regulation: 'HIPAA', agreement: 'baa', clause: 'HIPAA §164.502(e)' },
    { regulation: 'GDPR', agreement: 'dpa', clause: 'GDPR Art. 28' }
];

export const vendorAgreement = flowRule('compliance/vendor-agreement', (flow, { estate, index }, report) => {
    if (!isCurrentOrPlanned(flow) || flow.via === undefined) return;
    const platform = estate.platforms.get(flow.via);
    if (!platform) return;
    const fields = index.carriedFields(flow);
    const gaps: Array<{ agreement: 'dpa' | 'baa'; clause: string; field: CarriedField }> = [];
    for (const { regulation, agreement, clause } of AGREEMENTS) {
        if (platform.agreements.includes(agreement)) continue;
        const field = fields.find(candidate => candidate.classification?.regulations.includes(regulation));
        if (field) gaps.push({ agreement, clause, field });
    }
    if (gaps.length === 0) return;
    const what = listNames(gaps.map(gap => describeField(gap.field)));
    const missing = listNames(gaps.map(gap => `no ${gap.agreement.toUpperCase()} (${gap.clause})`));
    report(findingOn('compliance/vendor-agreement', flow, `${flow.name} sends ${what} via ${platform.name}, which has ${missing}`, {
        property: 'via', data: { platform: platform.name, missing: gaps.map(gap => gap.agreement) }
    }));
});

const FINANCIAL_KINDS: ReadonlySet<string> = new Set(['finance', 'erp']);

export const soxReconciliation = flowRule('compliance/sox-reconciliation', (flow, { estate, index }, report) => {
    if (!isCurrentOrPlanned(flow) || flow.reconciled) return;
    const financialTargets = receiversOf(flow).filter(name => {
        const kind = estate.systems.get(name)?.systemKind;
        return kind !== undefined && FINANCIAL_KINDS.has(kind);
    });
    if (financialTargets.length === 0) return;
    const sox = index.carriedFields(flow).filter(field => field.classification?.regulations.includes('SOX'));
    if (sox.length === 0) return;
    const into = financialTargets.map(name => `${name} (${estate.systems.get(name)?.systemKind})`);
    report(findingOn('compliance/sox-reconciliation', flow,
        `${flow.name} feeds ${describeFields(sox)} into ${listNames(into)} without reconciliation; SOX §404 needs control totals or record counts`,
        { data: { targets: financialTargets } }));
});

export const retention = flowRule('compliance/retention', (flow, { estate, index }, report) => {
    const kept = flow.auditRetentionMonths;
    if (!isCurrentOrPlanned(flow) || !flow.audit || kept === undefined) return;
    let required = 0;
    let by: { who: string; field: CarriedField } | undefined;
    for (const field of index.carriedFields(flow)) {
        const classification = field.classification;
        if (!classification) continue;
        // The classification first: on a tie its own `requires retention` is what the message names.
        const demands = [
            { who: classification.name, months: classification.requires.retentionMonths ?? 0 },
            ...classification.regulations.map(name => ({ who: name, months: estate.regulations.get(name)?.retentionMonths ?? 0 }))
        ];
        for (const demand of demands) {
            if (demand.months > required) {
                required = demand.months;
                by = { who: demand.who, field };
            }
        }
    }
    if (!by || kept >= required) return;
    const demanding = by.field.classification ? [by.field.classification] : [];
    report(findingOn('compliance/retention', flow,
        `${flow.name} keeps its audit log ${formatMonths(kept)}; ${by.who} requires ${formatMonths(required)} for ${describeField(by.field)}`,
        { property: 'auditRetention', severity: severityFor(demanding, 'warning', 'info'), data: { keptMonths: kept, requiredMonths: required, by: by.who } }));
});

/**
 * Personal data may leave the EEA only to a country with an adequacy decision or under a safeguard
 * (GDPR Art. 44–46). Judged only where both ends declare a `region`: an unknown region is a gap in
 * the record, not a breach.
 */
export const crossBorderTransfer = flowRule('compliance/cross-border-transfer', (flow, { estate, index }, report) => {
    if (!isCurrentOrPlanned(flow) || flow.transfer !== undefined) return;
    const personal = index.carriedFields(flow).filter(field => field.classification?.regulations.includes('GDPR'));
    if (personal.length === 0) return;
    const legs = flow.twoWay ? [[flow.sourceSystem, flow.targetSystem], [flow.targetSystem, flow.sourceSystem]] : [[flow.sourceSystem, flow.targetSystem]];
    for (const [from, to] of legs) {
        const [fromRegion, toRegion] = [estate.systems.get(from)?.region, estate.systems.get(to)?.region];
        if (!fromRegion || !toRegion || !inEea(fromRegion) || inEea(toRegion) || estate.adequacy.regions.includes(canonicalRegion(toRegion))) continue;
        report(findingOn('compliance/cross-border-transfer', flow,
            `${flow.name} sends ${describeFields(personal)} from ${from} (${fromRegion}) to ${to} (${toRegion}), outside the EEA; `
            + `${toRegion} has no EU adequacy decision (list of ${estate.adequacy.asOf}) and the flow declares no safeguard (transfer scc or bcr, GDPR Art. 46)`,
            { property: 'target', data: { from, to, fromRegion, toRegion, fields: personal.map(field => `${field.entity}.${field.field}`), adequacyAsOf: estate.adequacy.asOf } }));
        return;
    }
});

/** In catalogue order. */
export const COMPLIANCE_RULES: Rule[] = [unclassifiedField, regulatedInShadowIt, vendorAgreement, crossBorderTransfer, soxReconciliation, retention];
