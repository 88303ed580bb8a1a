import { describe, expect, test } from 'vitest';
import { loadTexts, uri } from '../helpers/workspace.js';
import { at, check } from './rule-check.js';

const SECURE = 'style api  auth oauth2  secrets vault  tls 1.2  audit  monitored  owner "Eva"';

// An EU web shop sends its customers' e-mail addresses to a CRM hosted in the United States.
const MODEL = `
entity Customer { master Shop  field email: PII  field segment: Internal }
system Shop "Web shop" { kind custom  region de  owner "Eva"  stores Customer  encryption aes256 }
system Crm "US-hosted CRM" { kind crm  region us  processor "CRM Inc."  agreements dpa  owner "Ana"  stores Customer  encryption aes256 }
flow ShopToCrm : Shop -> Crm { carries Customer.email  ${SECURE}  purpose "Customer service" }
`;

const RULE = 'compliance/cross-border-transfer';

describe(RULE, () => {
    test('a US-hosted CRM receiving EU customer e-mails without a safeguard: an error on the flow\'s target', async () => {
        const { findings, diagnostics } = await check(MODEL, RULE);
        expect(findings.map(f => [f.severity, f.message])).toEqual([['error',
            'ShopToCrm sends Customer.email (PII, GDPR) from Shop (de) to Crm (us), outside the EEA; us has no EU adequacy decision (list of 2025-09-01) '
            + 'and the flow declares no safeguard (transfer scc or bcr, GDPR Art. 46) (compliance/cross-border-transfer)']]);
        expect(diagnostics[0].range.start).toEqual({ line: at(MODEL, 'flow ShopToCrm').line, character: at(MODEL, 'Shop -> Crm').character + 'Shop -> '.length });
    });

    test.each(['scc', 'bcr', 'adequacy'])('the same flow with `transfer %s` passes', async safeguard => {
        const text = MODEL.replace('purpose "Customer service"', `purpose "Customer service"  transfer ${safeguard}`);
        expect((await check(text, RULE)).findings).toEqual([]);
    });

    test('a destination with an adequacy decision (Switzerland, the UK) or inside the EEA passes', async () => {
        for (const region of ['ch', 'uk', 'gb', 'fr', 'eu', 'NO']) {
            expect((await check(MODEL.replace('region us', `region ${region}`), RULE)).findings, region).toEqual([]);
        }
    });

    test('data leaving from outside the EEA, data that is not personal, or an end without a region: no finding', async () => {
        expect((await check(MODEL.replace('region de', 'region ca'), RULE)).findings).toEqual([]);
        expect((await check(MODEL.replace('carries Customer.email', 'carries Customer.segment'), RULE)).findings).toEqual([]);
        expect((await check(MODEL.replace('region us  ', ''), RULE)).findings).toEqual([]);
    });

    test('a two-way flow: the leg back from the US-hosted end into the EEA is not a transfer, the leg out is', async () => {
        const reversed = MODEL.replace('flow ShopToCrm : Shop -> Crm', 'flow ShopToCrm : Crm <-> Shop');
        const { findings } = await check(reversed, RULE);
        expect(findings.map(f => f.message)).toEqual([expect.stringMatching(/^ShopToCrm sends Customer\.email \(PII, GDPR\) from Shop \(de\) to Crm \(us\), outside the EEA;/)]);
    });

    test('an unknown region is a language error on its value', async () => {
        const text = MODEL.replace('region us', 'region xx');
        const ws = await loadTexts({ 'a.integ': text });
        const errors = (ws.diagnostics.get(uri('a.integ')) ?? []).filter(d => d.severity === 1);
        expect(errors.map(d => [d.message, d.range.start])).toEqual([[
            "Unknown region 'xx'; use eu, eea, uk or an ISO 3166 country code such as de, fr, us.", at(text, 'xx')
        ]]);
    });

    test('what the model says of where data lives and goes reaches the estate', async () => {
        const text = MODEL.replace('region us', 'region US').replace('purpose "Customer service"', 'purpose "Customer service"  transfer scc')
            + 'platform Relay { kind ipaas  processor "Relay GmbH"  agreements dpa }\nprocess Support { purpose "Answer customers"  steps ShopToCrm }\n';
        const { analysis: { estate } } = await loadTexts({ 'a.integ': text });
        expect(estate.systems.get('Crm')).toMatchObject({ region: 'us', processor: 'CRM Inc.', agreements: ['dpa'] });
        expect(estate.flows.get('ShopToCrm')).toMatchObject({ purpose: 'Customer service', transfer: 'scc' });
        expect(estate.platforms.get('Relay')).toMatchObject({ processor: 'Relay GmbH', agreements: ['dpa'] });
        expect(estate.processes.get('Support')?.purpose).toBe('Answer customers');
    });
});
