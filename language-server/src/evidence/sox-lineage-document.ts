import type { SoxHop, SoxLineage, SoxRecord } from '../analysis/sox-lineage.js';
import type { Tls } from '../model/estate.js';
import type { EvidenceDocument } from './evidence-document.js';
import { findingText, type FindingPlace } from './finding-text.js';

function tlsText(tls: Tls | undefined): string {
    return tls === undefined ? 'TLS not modelled' : tls === 'none' ? 'no TLS' : `TLS ${tls.toFixed(1)}`;
}

/** `InvoicePosting: Epicor → SageIntacct (file, nightly, not reconciled)`, with manual and spreadsheet hops said in words. */
function soxHopText(hop: SoxHop): string {
    const flags = [hop.style ?? 'style not modelled', hop.schedule, hop.status === 'live' ? undefined : hop.status,
        // `style manual` and `email` say it already; through a spreadsheet it is by hand too.
        hop.manual && hop.style !== 'manual' && hop.style !== 'email' ? 'by hand' : undefined,
        hop.spreadsheets.length > 0 ? `through spreadsheet ${hop.spreadsheets.join(', ')}` : undefined, hop.reconciled ? 'reconciled' : 'not reconciled'];
    return `${hop.flow}: ${hop.from} ${hop.twoWay ? '↔' : '→'} ${hop.to} (${flags.filter(Boolean).join(', ')})`;
}

function controlsText(hop: SoxHop): string {
    const c = hop.controls;
    return `${hop.flow}: ${tlsText(c.tls)} (requires ${c.requiredTls.toFixed(1)}+), auth ${c.auth ?? 'not modelled'}, ${c.audit ? 'audited' : 'no audit log'}, `
        + `at rest ${c.sourceEncryption ?? 'not modelled'} → ${c.targetEncryption ?? 'not modelled'}${c.platform ? `, via ${c.platform}` : ''}`;
}

/** An empty path is a gap unless the system of record is the ledger itself: the cell says which. */
function pathText(record: SoxRecord): string[] {
    if (record.path.length > 0) return record.path.map(soxHopText);
    return record.masters.some(name => record.ledgers.includes(name)) ? ['none needed: the system of record is the general ledger'] : [];
}

const hopsOf = (record: SoxRecord) => [...record.feeds, ...record.path, ...record.elsewhere];

/** The path of each financial entity to the general ledger, as an evidence document. */
export function soxLineageDocument(sox: SoxLineage, place: FindingPlace): EvidenceDocument<SoxRecord> {
    return {
        kind: 'sox-lineage',
        title: 'Financial data lineage to the general ledger (SOX)',
        preamble: 'For every entity with fields classified under SOX: the flows from its system of record to the general ledger, the flows that feed the system of record, '
            + 'and its other copies, with manual and spreadsheet hops and reconciliation marked. Compiled from the model: what it does not say is listed under "To do", '
            + 'never left blank. Evidence from the model, not an audit opinion.',
        empty: 'No financial data (no field classified under SOX) in the model.',
        summary: [{
            label: 'General ledger', none: 'none recognised in the model (see the to-dos)',
            items: sox.ledgers.map(ledger => `${ledger.system}: ${ledger.reason}`)
        }],
        records: sox.records,
        heading: record => record.title === record.entity ? record.entity : `${record.title} (${record.entity})`,
        columns: [
            { header: 'Entity', values: record => [record.entity], listed: false },
            { header: 'Financial data', values: record => record.fields },
            { header: 'System of record', values: record => record.masters, none: 'none declared' },
            { header: 'General ledger', values: record => record.ledgers, none: 'not reached' },
            { header: 'Path to the ledger', values: pathText },
            { header: 'Feeds into the system of record', values: record => record.feeds.map(soxHopText) },
            { header: 'Other copies', values: record => record.elsewhere.map(soxHopText) },
            { header: 'Manual hops', values: record => hopsOf(record).filter(hop => hop.manual).map(hop => hop.flow) },
            { header: 'Spreadsheet hops', values: record => hopsOf(record).filter(hop => hop.spreadsheets.length > 0).map(hop => `${hop.flow} (${hop.spreadsheets.join(', ')})`) },
            { header: 'Not reconciled', values: record => hopsOf(record).filter(hop => !hop.reconciled).map(hop => hop.flow) },
            { header: 'Controls', values: record => hopsOf(record).map(controlsText) },
            { header: 'Findings', values: record => [...record.systemFindings, ...hopsOf(record).flatMap(hop => hop.findings)].map(finding => findingText(finding, place)) },
            { header: 'To do', values: record => record.todos, todo: true }
        ]
    };
}
