import type { Ropa, RopaRecord, RopaSystem, RopaTransfer } from '../analysis/gdpr-ropa.js';
import type { EvidenceDocument } from './evidence-document.js';

function systemText(system: RopaSystem): string {
    const facts = [system.owner ? `owner ${system.owner}` : 'no owner', system.department, system.region ? `region ${system.region}` : 'region unknown',
        system.processor ? `run by ${system.processor}` : undefined].filter(Boolean).join(', ');
    return `${system.name} (${facts})`;
}

function transferText(transfer: RopaTransfer): string {
    return `${transfer.flow}: ${transfer.from} → ${transfer.to} (${transfer.toRegion}), ${transfer.safeguard ? `safeguard ${transfer.safeguard}` : 'no safeguard'}`;
}

/** The record of processing activities (GDPR Art. 30) as an evidence document. */
export function gdprRopaDocument(ropa: Ropa): EvidenceDocument<RopaRecord> {
    return {
        kind: 'gdpr-ropa',
        title: 'Record of processing activities (GDPR Art. 30)',
        preamble: 'Compiled from the model: what it does not say is listed under "To do", never left blank. Evidence from the model, not legal advice. '
            + `Transfers judged against the EU adequacy decisions as of ${ropa.adequacyAsOf}.`,
        empty: 'No personal data (no field classified under GDPR) in the model.',
        records: ropa.records,
        heading: record => record.activity,
        lead: record => record.process ? `Process ${record.process}.` : 'No process moves this data; one record for the entity.',
        columns: [
            { header: 'Activity', values: record => [record.activity], listed: false },
            { header: 'Process', values: record => record.process ? [record.process] : [], listed: false },
            { header: 'Purposes', values: record => record.purposes, none: 'not modelled' },
            { header: 'Data subjects', label: 'Categories of data subjects', values: record => record.dataSubjects },
            { header: 'Personal data', label: 'Categories of personal data', values: record => record.dataCategories },
            { header: 'Systems', values: record => record.systems.map(systemText) },
            { header: 'Recipients', values: record => record.recipients },
            { header: 'Transfers to third countries', values: record => record.transfers.map(transferText) },
            { header: 'Retention', values: record => record.retention },
            { header: 'Technical measures', values: record => record.measures },
            { header: 'To do', values: record => record.todos, todo: true }
        ]
    };
}
