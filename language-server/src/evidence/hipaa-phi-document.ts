import type { HipaaPhi } from '../analysis/hipaa-phi.js';
import { dataMapDocument, type DataMapRecord } from './data-map-document.js';
import type { EvidenceDocument } from './evidence-document.js';
import type { FindingPlace } from './finding-text.js';

/** Where protected health information is stored and sent, and which vendors handle it without a BAA. */
export function hipaaPhiDocument(phi: HipaaPhi, place: FindingPlace): EvidenceDocument<DataMapRecord> {
    const vendorText = (vendor: HipaaPhi['vendors'][number]) => `${vendor.vendor} (${vendor.kind} ${vendor.runs})`;
    const unnamed = phi.systems.filter(system => system.processor === undefined && (system.hosting === 'saas' || system.hosting === 'cloud'))
        .map(system => `${system.name} (hosting ${system.hosting})`);
    return dataMapDocument(phi, {
        kind: 'hipaa-phi',
        title: 'Protected health information: where it is stored and sent (HIPAA)',
        preamble: 'Every system that stores, sends or receives PHI (fields classified under HIPAA) and every live or planned flow that carries it, with the vendors '
            + 'that handle it and whether a business associate agreement is recorded. Compiled from the model: what it does not say is listed under "To do", never left blank. '
            + 'Evidence from the model, not legal advice.',
        empty: 'No protected health information (no field classified under HIPAA) in the model.',
        dataLabel: 'PHI',
        summary: [
            { label: 'Classifications', items: phi.classifications },
            { label: 'Vendors without a BAA', items: phi.vendors.filter(vendor => !vendor.baa).map(vendorText) },
            { label: 'Vendors with a BAA', items: phi.vendors.filter(vendor => vendor.baa).map(vendorText) },
            { label: 'Hosted by a vendor the model does not name (BAA unknown)', items: unnamed }
        ]
    }, place);
}
