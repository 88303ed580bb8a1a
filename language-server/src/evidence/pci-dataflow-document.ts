import type { RegulatedDataMap } from '../analysis/regulated-data-map.js';
import { dataMapDocument, type DataMapRecord } from './data-map-document.js';
import type { EvidenceDocument } from './evidence-document.js';
import type { FindingPlace } from './finding-text.js';

export const PCI_FIGURE_CAPTION = 'Account data flows: every system that stores, sends or receives cardholder data and every flow that carries it, coloured by findings';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The account-data flows (PCI DSS Req. 1.2.4, 12.5.2) as an evidence document; the diagram is added by whoever renders it. */
export function pciDataflowDocument(map: RegulatedDataMap, place: FindingPlace): EvidenceDocument<DataMapRecord> {
    const manual = map.flows.filter(flow => flow.manual).map(flow => `${flow.name}: ${flow.from} → ${flow.to}`);
    return dataMapDocument(map, {
        kind: 'pci-dataflow',
        title: 'Account data flows (PCI DSS)',
        preamble: 'Every system that stores, sends or receives cardholder data (fields classified under PCI-DSS) and every live or planned flow that carries it, '
            + 'with the controls as modelled and the findings on each. Compiled from the model: what it does not say is listed under "To do", never left blank. '
            + 'Evidence from the model, not a PCI DSS assessment.',
        empty: 'No cardholder data (no field classified under PCI-DSS) in the model.',
        dataLabel: 'Account data',
        summary: [
            { label: 'Classifications', items: map.classifications },
            { label: 'In scope', items: [count(map.systems.length, 'system'), count(map.flows.length, 'flow')] },
            { label: 'Moved by a person (manual, e-mail or shadow IT)', items: manual }
        ]
    }, place);
}
