import { beforeAll, describe, expect, it } from 'vitest';
import { dataLineage, type Lineage } from '../../../language-server/src/analysis/data-lineage.js';
import { loadFiles } from '../../../language-server/src/cli/load-files.js';
import type { Estate, Tls } from '../../../language-server/src/model/estate.js';
import { isShadow } from '../../../language-server/src/model/inventory.js';
import { canonicalRegion, inEea } from '../../../language-server/src/model/regions.js';
import type { Finding } from '../../../language-server/src/rules/finding.js';

let estate: Estate;
let findings: Finding[];
/** The lineage of every classified field of acme, keyed `Entity.field`. */
const lineages = new Map<string, Lineage>();

beforeAll(async () => {
    const loaded = await loadFiles(['samples/acme'], process.cwd());
    ({ estate, findings } = loaded.analysis);
    for (const entity of estate.entities.values()) {
        for (const field of entity.fields) {
            if (field.classification) lineages.set(`${entity.name}.${field.name}`, dataLineage(estate, { entity: entity.name, field: field.name }, findings));
        }
    }
});

const tlsBelow = (tls: Tls | undefined, required: number) => tls === 'none' || (tls !== undefined && tls < required);
const rulesOn = (list: Finding[]) => list.map(finding => finding.ruleId);

describe('the lineage of every classified field of samples/acme agrees with the rules', () => {
    it('each hop and each system carries exactly the findings on that element', () => {
        for (const lineage of lineages.values()) {
            for (const hop of lineage.hops) {
                expect(hop.findings).toEqual(findings.filter(f => f.element.kind === 'flow' && f.element.name === hop.flow));
            }
            for (const system of lineage.systems) {
                expect(system.findings).toEqual(findings.filter(f => f.element.kind === 'system' && f.element.name === system.name));
            }
        }
    });

    it('a gap in a hop\'s or an end\'s controls shows as the rule\'s finding on it', () => {
        const seen = { tls: 0, audit: 0, atRest: 0, shadow: 0, agreement: 0, transfer: 0 };
        for (const [name, lineage] of lineages) {
            const classification = estate.classifications.get(estate.entities.get(lineage.entity)!.fields.find(f => f.name === lineage.field)!.classification!)!;
            const regulated = classification.regulations.length > 0;
            for (const hop of lineage.hops) {
                const where = `${name} on ${hop.flow}`;
                expect(hop.fields, where).toEqual([lineage.field]);
                expect(hop.controls.requiredTls, where).toBeGreaterThanOrEqual(Math.max(estate.policy.minTls, classification.requires.minTls ?? 0));
                if (tlsBelow(hop.controls.tls, hop.controls.requiredTls)) {
                    seen.tls++;
                    expect(rulesOn(hop.findings), where).toContain('security/tls');
                }
                if (!hop.controls.audit && (regulated || classification.requires.audit)) {
                    seen.audit++;
                    expect(rulesOn(hop.findings), where).toContain('security/audit-log');
                }
                const receivers = hop.twoWay ? [hop.to, hop.from] : [hop.to];
                if (regulated && receivers.some(receiver => isShadow(estate.systems.get(receiver)!))) {
                    seen.shadow++;
                    expect(hop.manual, where).toBe(true);
                    expect(rulesOn(hop.findings), where).toContain('compliance/regulated-in-shadow-it');
                }
                const platform = hop.controls.platform === undefined ? undefined : estate.platforms.get(hop.controls.platform);
                const needs = [['GDPR', 'dpa'], ['HIPAA', 'baa']] as const;
                if (platform && needs.some(([regulation, agreement]) => classification.regulations.includes(regulation) && !platform.agreements.includes(agreement))) {
                    seen.agreement++;
                    expect(rulesOn(hop.findings), where).toContain('compliance/vendor-agreement');
                }
                if (hop.style === 'manual' || hop.style === 'email') expect(hop.manual, where).toBe(true);
                const [fromRegion, toRegion] = [estate.systems.get(hop.from)!.region, estate.systems.get(hop.to)!.region];
                if (classification.regulations.includes('GDPR') && fromRegion && toRegion && inEea(fromRegion) && !inEea(toRegion)
                    && !estate.adequacy.regions.includes(canonicalRegion(toRegion)) && hop.controls.transfer === undefined) {
                    seen.transfer++;
                    expect(rulesOn(hop.findings), where).toContain('compliance/cross-border-transfer');
                }
            }
            for (const system of lineage.systems) {
                const declared = estate.systems.get(system.name)!;
                if (regulated && (system.stores || system.master) && declared.status !== 'retired' && system.encryption !== 'aes256') {
                    seen.atRest++;
                    expect(rulesOn(system.findings), `${name} in ${system.name}`).toContain('security/encryption-at-rest');
                }
            }
        }
        // The walk must have met each kind of gap, or it proves nothing about it.
        expect(Object.values(seen).every(count => count > 0), JSON.stringify(seen)).toBe(true);
    });

    it('includes the manual, e-mail and spreadsheet hops', () => {
        const hops = [...lineages.values()].flatMap(lineage => lineage.hops);
        expect(hops.some(hop => hop.style === 'manual' && hop.manual)).toBe(true);
        expect(hops.some(hop => hop.style === 'email' && hop.manual)).toBe(true);
        expect(hops.some(hop => hop.style !== 'manual' && hop.style !== 'email' && hop.manual)).toBe(true);
    });
});

// By hand from samples/acme: the phone sheet feeds the AS/400, which feeds Epicor (the system of record)
// as Salesforce and Shopify do; Epicor copies to Power BI and Snowflake, and Snowflake to Power BI.
const HOPS = [
    'PhoneOrderKeying: PhoneOrdersSheet->AS400', 'DealerOrders: AS400->Epicor', 'CrmOrderSync: Salesforce->Epicor', 'OrderReentry: Salesforce->Epicor',
    'WebShopOrders: ShopifyStore->Epicor', 'SalesToBi: Epicor->PowerBI', 'ErpToWarehouse: Epicor->Snowflake', 'WarehouseToBi: Snowflake->PowerBI'
];

describe('the order of a lineage', () => {
    it('Order.total: where it enters, its system of record, its copies; each hop after the system it leaves', () => {
        const lineage = dataLineage(estate, { entity: 'Order', field: 'total' }, findings);
        expect(lineage.systems.map(system => system.name)).toEqual(['PhoneOrdersSheet', 'AS400', 'Salesforce', 'ShopifyStore', 'Epicor', 'PowerBI', 'Snowflake', 'FreightSheet']);
        expect(lineage.hops.map(hop => `${hop.flow}: ${hop.from}->${hop.to}`)).toEqual(HOPS);
        expect(lineage.hops.find(hop => hop.flow === 'DealerOrders')).toMatchObject({
            from: 'AS400', to: 'Epicor', controls: { tls: 'none' }, findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'security/tls' })])
        });
    });
});
