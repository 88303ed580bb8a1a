import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';
import { regulatedDataMap, type RegulatedDataMap } from './regulated-data-map.js';

/**
 * The account-data flows a PCI DSS assessor asks for (Req. 1.2.4 and 12.5.2): every system that
 * stores, sends or receives a field whose classification names PCI-DSS (the standard library's `PCI`,
 * or your own), and every live or planned flow that carries one, with its controls and findings.
 * Evidence from the model, not an assessment: what the model does not say is a to-do.
 */
export function pciDataflow(estate: Estate, findings: readonly Finding[]): RegulatedDataMap {
    return regulatedDataMap(estate, findings, 'PCI-DSS');
}
