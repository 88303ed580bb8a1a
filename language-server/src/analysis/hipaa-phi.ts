import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';
import { regulatedDataMap, type RegulatedDataMap } from './regulated-data-map.js';

/** A vendor that stores or carries PHI: the processor of a system, or the vendor of a platform a PHI flow runs on. */
export interface PhiVendor {
    vendor: string;
    /** The system it runs, or the platform. */
    runs: string;
    kind: 'system' | 'platform';
    baa: boolean;
}

export interface HipaaPhi extends RegulatedDataMap {
    vendors: PhiVendor[];
}

const BAA_CLAUSE = 'HIPAA §164.502(e)';

/**
 * Every place protected health information (a field whose classification names HIPAA) is stored or
 * sent, and the vendors that handle it with and without a business associate agreement. A platform
 * that names no `processor` is its own vendor (the standard library's Zapier is Zapier). Evidence
 * from the model, not legal advice.
 */
export function hipaaPhi(estate: Estate, findings: readonly Finding[]): HipaaPhi {
    const map = regulatedDataMap(estate, findings, 'HIPAA');
    const vendors = new Map<string, PhiVendor>();
    for (const system of map.systems) {
        if (system.processor === undefined) continue;
        const baa = system.agreements.includes('baa');
        vendors.set(`system ${system.name}`, { vendor: system.processor, runs: system.name, kind: 'system', baa });
        if (!baa) system.todos.push(`${system.name} is run by ${system.processor} with no BAA (${BAA_CLAUSE}): sign one and write agreements baa`);
    }
    for (const flow of map.flows) {
        if (flow.platform === undefined) continue;
        const { name, processor, agreements } = flow.platform;
        const vendor = processor ?? estate.platforms.get(name)?.title ?? name;
        const baa = agreements.includes('baa');
        vendors.set(`platform ${name}`, { vendor, runs: name, kind: 'platform', baa });
        if (!baa) flow.todos.push(`${flow.name} sends PHI via ${name} (${vendor}), which has no BAA (${BAA_CLAUSE})`);
    }
    return { ...map, vendors: [...vendors.values()] };
}
