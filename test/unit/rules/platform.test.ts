import { describe, expect, it } from 'vitest';
import { loadTexts } from '../helpers/workspace.js';

async function findings(text: string, ruleId: string) {
    const workspace = await loadTexts({ 'a.integ': text });
    const errors = [...workspace.diagnostics.values()].flat().filter(d => d.severity === 1 && !String(d.code ?? '').includes('/'));
    expect(errors.map(e => e.message)).toEqual([]);
    return workspace.analysis.findings.filter(f => f.ruleId === ruleId);
}

const SYSTEMS = (crmSupports: string) => `
system Crm { kind crm  supports ${crmSupports} }
system Erp { kind erp  supports open-api, webhooks, bulk, sso-oidc }
entity Order { master Crm  field id }
`;

describe('platform/missing-criteria', () => {
    it('fires on a system a planned flow uses that lacks must-haves', async () => {
        const found = await findings(`${SYSTEMS('open-api, webhooks')}
flow NewSync : Crm -> Erp { carries Order.id  style api  status planned }`, 'platform/missing-criteria');
        expect(found.map(f => f.message)).toEqual([
            'Crm is used by planned flow NewSync but lacks bulk, SSO (must-have integration criteria: open API, webhooks, bulk, SSO) (platform/missing-criteria)'
        ]);
        expect(found[0].element).toEqual({ kind: 'system', name: 'Crm' });
        expect(found[0].range.start.line).toBe(1);
    });

    it('puts a finding about a standard-library platform on the flow that picks it', async () => {
        const found = await findings(`${SYSTEMS('open-api, webhooks, bulk, sso-saml')}
flow NewSync : Crm -> Erp { carries Order.id  style api  via Zapier  status planned }`, 'platform/missing-criteria');
        expect(found.map(f => f.message)).toEqual([
            'Zapier is used by planned flow NewSync but lacks open API, bulk (must-have integration criteria: open API, connectors, webhooks, bulk, SSO) (platform/missing-criteria)'
        ]);
        expect(found[0].element).toEqual({ kind: 'flow', name: 'NewSync' });
        expect(found[0].property).toBe('via');
    });

    it('counts a flow an initiative delivers as planned', async () => {
        const found = await findings(`${SYSTEMS('open-api, webhooks')}
flow NewSync : Crm -> Erp { carries Order.id  style api }
roadmap R { initiative Go { delivers NewSync } }`, 'platform/missing-criteria');
        expect(found.map(f => f.element.name)).toEqual(['Crm']);
    });

    it('looks only at planned flows', async () => {
        expect(await findings(`${SYSTEMS('open-api')}
flow Sync : Crm -> Erp { carries Order.id  style api }`, 'platform/missing-criteria')).toEqual([]);
    });

    it('does not fire when every must-have is supported', async () => {
        expect(await findings(`${SYSTEMS('open-api, webhooks, bulk, sso-saml')}
flow NewSync : Crm -> Erp { carries Order.id  style api  via MuleSoft  status planned }`, 'platform/missing-criteria')).toEqual([]);
    });
});

describe('platform/fit', () => {
    const ALL = 'open-api, webhooks, bulk, sso-saml';
    const flow = (body: string) => `${SYSTEMS(ALL)}
platform Poller { kind automation  supports open-api, bulk, connectors, sso  volume low }
flow Sync : Crm -> Erp { carries Order.id  style api  ${body} }`;

    it('fires for a realtime flow via a platform without webhooks', async () => {
        const found = await findings(flow('schedule realtime  via Poller'), 'platform/fit');
        expect(found.map(f => f.message)).toEqual(['Sync must be real-time (schedule realtime) but runs via Poller, which has no webhooks (platform/fit)']);
        expect(found[0].range.start.line).toBe(6);
        expect(found[0].property).toBe('via');
    });

    it('fires for a volume above the platform tier', async () => {
        const found = await findings(flow('schedule hourly  via Zapier  volume 5000 per day'), 'platform/fit');
        expect(found.map(f => f.message)).toEqual(['Sync moves 5,000 records/day via Zapier, whose low volume tier suits up to 1,000 per day (platform/fit)']);
        expect(found[0].property).toBe('volume');
    });

    it('does not fire for a realtime flow via a webhook platform within its tier', async () => {
        expect(await findings(flow('schedule realtime  via MuleSoft  volume 5000 per day'), 'platform/fit')).toEqual([]);
        expect(await findings(flow('schedule hourly  via Poller  volume 500 per day'), 'platform/fit')).toEqual([]);
    });
});
