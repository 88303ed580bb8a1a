import { beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import type { IntegServices } from '../../../language-server/src/lsp/lsp-services.js';
import { completionsAt as completionsIn, hoverAt, servicesWithStdlib } from './lsp-workspace.js';

const MODEL = `
entity Customer { master Shop  field email: PII }
system Shop { kind custom  region de  stores Customer }
system Crm { kind crm  region us  stores Customer }
`;

let services: IntegServices;
beforeAll(async () => { services = await servicesWithStdlib(); });

function completionsAt(text: string): Promise<CompletionItem[]> {
    return completionsIn(services, text);
}


describe('the keywords of where data lives and goes', () => {
    it('completion offers region, processor and agreements on a system, purpose and transfer on a flow, with their meaning', async () => {
        const system = await completionsAt('system X { <|> }');
        expect(system.find(item => item.label === 'region')?.documentation).toMatch(/ISO 3166 country code/);
        expect(system.find(item => item.label === 'processor')?.documentation).toMatch(/external processor/);
        expect(system.find(item => item.label === 'agreements')?.documentation).toMatch(/dpa/);
        const flow = await completionsAt(`${MODEL}\nflow F : Shop -> Crm { <|> }`);
        expect(flow.find(item => item.label === 'purpose')?.documentation).toMatch(/record of processing/);
        expect(flow.find(item => item.label === 'transfer')?.documentation).toMatch(/leaving the EEA/);
    });

    it('completion offers the transfer safeguards with what each one means', async () => {
        const safeguards = await completionsAt(`${MODEL}\nflow F : Shop -> Crm { transfer <|> }`);
        expect(safeguards.filter(item => ['adequacy', 'scc', 'bcr'].includes(item.label)).map(item => [item.label, item.detail])).toEqual([
            ['adequacy', 'TransferSafeguard'], ['scc', 'TransferSafeguard'], ['bcr', 'TransferSafeguard']
        ]);
        expect(safeguards.find(item => item.label === 'scc')?.documentation).toMatch(/Standard contractual clauses/);
    });

    it('hover on a safeguard and on region explains them', async () => {
        expect(await hoverAt(`${MODEL}\nflow F : Shop -> Crm { carries Customer.email  transfer |scc }`)).toMatch(/Standard contractual clauses/);
        expect(await hoverAt(MODEL.replace('region de', '|region de'))).toMatch(/Where the system is hosted/);
    });
});
