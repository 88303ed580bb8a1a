import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText, openSession, type Session } from './mcp-session.js';

let session: Session;
beforeAll(async () => { session = await openSession(); });
afterAll(async () => { await session.close(); });

describe('lineage', () => {
    it('Order.total: where it enters, its system of record, its copies, and the sheet no flow explains', async () => {
        const lineage = await session.structured('lineage', { data: 'Order.total' });
        expect(lineage).toMatchObject({ entity: 'Order', field: 'total', classifications: [{ name: 'Financial', regulations: ['SOX'] }] });
        // By hand from samples/acme: Epicor masters Order; phone orders are keyed into a sheet, then into
        // the AS/400, which sends them on to Epicor; Salesforce and Shopify send orders straight in; Epicor
        // copies totals to Power BI and (planned) Snowflake; FreightSheet stores Order but no flow carries the total.
        expect(lineage.systems.map((s: any) => [s.name, s.hopsToMaster ?? null, s.hopsFromMaster ?? null])).toEqual([
            ['PhoneOrdersSheet', 2, null],
            ['AS400', 1, null], ['Salesforce', 1, null], ['ShopifyStore', 1, null],
            ['Epicor', null, 0],
            ['PowerBI', null, 1], ['Snowflake', null, 1],
            ['FreightSheet', null, null]
        ]);
        expect(lineage.systems.filter((s: any) => s.shadow).map((s: any) => s.name).sort()).toEqual(['FreightSheet', 'PhoneOrdersSheet']);
        expect(lineage.flows.map((f: any) => f.name).sort()).toEqual([
            'CrmOrderSync', 'DealerOrders', 'ErpToWarehouse', 'OrderReentry', 'PhoneOrderKeying', 'SalesToBi', 'WarehouseToBi', 'WebShopOrders'
        ]);
        expect(lineage.flows.find((f: any) => f.name === 'DealerOrders')).toMatchObject({ from: 'AS400', to: 'Epicor', tls: 'none', status: 'live' });
    });

    it('an unknown field is an error result listing the entity\'s fields', async () => {
        expect(errorText(await session.call('lineage', { data: 'Order.nope' })))
            .toBe("entity Order has no field 'nope' (fields: orderNumber, customerRef, lineItems, total, promisedDate, status)");
    });
});
