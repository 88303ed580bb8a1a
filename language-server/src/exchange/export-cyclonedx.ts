/**
 * A CycloneDX 1.6 SaaSBOM: one service per system, its trust zone the department, `authenticated`
 * from the auth of the flows it takes part in, and per flow a `data` entry with its direction as
 * seen from the service, the classifications it carries and BOM-links to both ends.
 */
import { createHash } from 'node:crypto';
import type { Estate, Flow, System } from '../model/estate.js';
import { systemId } from '../diagram/element-ids.js';
import { carriedClassifications, flowsOf, ownSystems } from './export-scope.js';
import type { FindingCounts } from './laid-out-view.js';

/** A name-based UUID (version 5 layout) of the estate's content: the same estate gives the same serial number. */
function serialOf(content: unknown): string {
    const hex = createHash('sha1').update(JSON.stringify(content)).digest('hex');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const UNAUTHENTICATED = new Set(['none', 'shared-account']);

/** True when every flow with a known auth authenticates, false when one does not, absent when no flow says. */
function authenticated(flows: Flow[]): boolean | undefined {
    const known = flows.filter(flow => flow.auth !== undefined);
    if (known.length === 0) return undefined;
    return known.every(flow => !UNAUTHENTICATED.has(flow.auth!));
}

export function cycloneDxJson(estate: Estate, findings: FindingCounts, title: string): string {
    const systems = ownSystems(estate);
    const flows = flowsOf(estate, 'as-is');
    const serial = serialOf({ systems: systems.map(system => system.name), flows: flows.map(flow => flow.name), title });
    const link = (system: string) => `urn:cdx:${serial}/1#${encodeURIComponent(systemId(system))}`;
    const service = (system: System) => {
        const own = flows.filter(flow => flow.sourceSystem === system.name || flow.targetSystem === system.name);
        const isAuthenticated = authenticated(own);
        const properties = [
            ['integ:kind', system.systemKind], ['integ:hosting', system.hosting], ['integ:owner', system.owner], ['integ:status', system.status],
            ['integ:shadow', String(system.shadow)], ['integ:findings', String(findings.get(systemId(system.name)) ?? 0)]
        ].filter((entry): entry is [string, string] => entry[1] !== undefined).map(([name, value]) => ({ name, value }));
        return {
            'bom-ref': systemId(system.name),
            name: system.title,
            ...(isAuthenticated === undefined ? {} : { authenticated: isAuthenticated }),
            ...(system.department ? { trustZone: estate.departments.get(system.department)?.title ?? system.department } : {}),
            data: own.map(flow => ({
                name: flow.title,
                flow: flow.twoWay ? 'bi-directional' : flow.sourceSystem === system.name ? 'outbound' : 'inbound',
                classification: carriedClassifications(estate, flow).join(', ') || 'unclassified',
                source: [link(flow.sourceSystem)],
                destination: [link(flow.targetSystem)]
            })),
            properties
        };
    };
    const bom = {
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: `urn:uuid:${serial}`,
        version: 1,
        metadata: {
            timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
            tools: { components: [{ type: 'application', name: 'integ', version: '0.1.0' }] },
            component: { type: 'application', name: title, 'bom-ref': 'estate' }
        },
        services: systems.map(service)
    };
    return JSON.stringify(bom, null, 2) + '\n';
}
