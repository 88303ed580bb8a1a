import { gdprRopa } from '../analysis/gdpr-ropa.js';
import { hipaaPhi } from '../analysis/hipaa-phi.js';
import { pciDataflow } from '../analysis/pci-dataflow.js';
import { soxLineage } from '../analysis/sox-lineage.js';
import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';
import { evidenceCsv } from './evidence-csv.js';
import type { EvidenceDocument } from './evidence-document.js';
import { evidenceHtml } from './evidence-html.js';
import { evidenceMarkdown } from './evidence-markdown.js';
import type { FindingPlace } from './finding-text.js';
import { gdprRopaDocument } from './gdpr-ropa-document.js';
import { hipaaPhiDocument } from './hipaa-phi-document.js';
import { PCI_FIGURE_CAPTION, pciDataflowDocument } from './pci-dataflow-document.js';
import { soxLineageDocument } from './sox-lineage-document.js';

export const EVIDENCE_DOCUMENTS = ['gdpr-ropa', 'pci-dataflow', 'sox-lineage', 'hipaa-phi'] as const;
export type EvidenceDocumentKind = typeof EVIDENCE_DOCUMENTS[number];

/** The document in each format, and for the account-data flows the systems and flows its diagram draws. */
export interface CompiledEvidence {
    markdown(figure?: { path: string; caption: string }): string;
    html(figure?: { svg: string; caption: string }): string;
    csv(): string;
    figure?: { title: string; systems: string[]; flows: string[]; caption: string };
}

function renderers<R>(document: EvidenceDocument<R>): Omit<CompiledEvidence, 'figure'> {
    return { markdown: figure => evidenceMarkdown(document, figure), html: figure => evidenceHtml(document, figure), csv: () => evidenceCsv(document) };
}

/** One evidence document of an analysed estate; `place` says where a finding is written (`file:line:column`). */
export function compileEvidence(kind: EvidenceDocumentKind, estate: Estate, findings: readonly Finding[], place: FindingPlace): CompiledEvidence {
    switch (kind) {
        case 'gdpr-ropa': return renderers(gdprRopaDocument(gdprRopa(estate)));
        case 'sox-lineage': return renderers(soxLineageDocument(soxLineage(estate, findings), place));
        case 'hipaa-phi': return renderers(hipaaPhiDocument(hipaaPhi(estate, findings), place));
        case 'pci-dataflow': {
            const map = pciDataflow(estate, findings);
            const document = renderers(pciDataflowDocument(map, place));
            // No card data, no picture: the document says so in words.
            if (map.systems.length === 0) return document;
            return {
                ...document,
                figure: { title: 'Account data flows (PCI DSS)', systems: map.systems.map(system => system.name), flows: map.flows.map(flow => flow.name), caption: PCI_FIGURE_CAPTION }
            };
        }
    }
}
