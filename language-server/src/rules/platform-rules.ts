import type { Capability, Estate, Flow, Platform, System, VolumeTier } from '../model/estate.js';
import { findingOn, flowRule, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

/** The article's must-have integration criteria, as capabilities that satisfy each. */
interface Criterion { label: string; satisfiedBy: readonly Capability[] }

const OPEN_API: Criterion = { label: 'open API', satisfiedBy: ['open-api'] };
const CONNECTORS: Criterion = { label: 'connectors', satisfiedBy: ['connectors'] };
// Events serve the purpose the article gives webhooks: real-time notification.
const WEBHOOKS: Criterion = { label: 'webhooks', satisfiedBy: ['webhooks', 'events'] };
const BULK: Criterion = { label: 'bulk', satisfiedBy: ['bulk'] };
const SSO: Criterion = { label: 'SSO', satisfiedBy: ['sso', 'sso-saml', 'sso-oidc'] };

/** Pre-built connectors are what an integration platform brings; a business system is judged on the other four. */
const PLATFORM_CRITERIA = [OPEN_API, CONNECTORS, WEBHOOKS, BULK, SSO];
const SYSTEM_CRITERIA = [OPEN_API, WEBHOOKS, BULK, SSO];

/**
 * Records per day each volume tier handles comfortably. The article places Zapier at "simple,
 * low-volume" and Make at "moderate volume"; their plans top out around a few thousand and a few
 * tens of thousands of tasks a day.
 */
export const PLATFORM_VOLUME_PER_DAY: Record<VolumeTier, number> = { low: 1_000, moderate: 50_000, high: Number.POSITIVE_INFINITY };

const REALTIME_STYLES = new Set(['webhook', 'event', 'cdc']);

function missing(supports: readonly Capability[], criteria: readonly Criterion[]): string[] {
    return criteria.filter(c => !c.satisfiedBy.some(capability => supports.includes(capability))).map(c => c.label);
}

/** Flows that are to go live: `status planned`, or delivered by an initiative and not retired. */
function plannedFlows(estate: Estate): Flow[] {
    const delivered = new Set<string>();
    for (const initiative of estate.initiatives.values()) initiative.delivers.forEach(name => delivered.add(name));
    return [...estate.flows.values()].filter(flow => flow.status === 'planned' || (flow.status !== 'retired' && delivered.has(flow.name)));
}

function isRealtime(flow: Flow): boolean {
    return flow.schedule?.kind === 'realtime' || (flow.style !== undefined && REALTIME_STYLES.has(flow.style));
}

function flowList(flows: Flow[]): string {
    return `${flows.length === 1 ? 'flow' : 'flows'} ${flows.map(f => f.name).join(', ')}`;
}

const criteriaText = (criteria: readonly Criterion[]) => criteria.map(c => c.label).join(', ');

export const missingCriteria: Rule = {
    id: 'platform/missing-criteria',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const users = new Map<System | Platform, Flow[]>();
        const use = (key: System | Platform | undefined, flow: Flow) => {
            if (!key) return;
            const list = users.get(key);
            if (list) list.push(flow); else users.set(key, [flow]);
        };
        for (const flow of plannedFlows(estate)) {
            use(estate.systems.get(flow.sourceSystem), flow);
            use(estate.systems.get(flow.targetSystem), flow);
            if (flow.via) use(estate.platforms.get(flow.via), flow);
        }
        for (const [declared, flows] of users) {
            const criteria = declared.kind === 'platform' ? PLATFORM_CRITERIA : SYSTEM_CRITERIA;
            const lacking = missing(declared.supports, criteria);
            if (lacking.length === 0) continue;
            const message = `${declared.name} is used by planned ${flowList(flows)} but lacks ${lacking.join(', ')} `
                + `(must-have integration criteria: ${criteriaText(criteria)})`;
            const data = { target: declared.name, targetKind: declared.kind, missing: lacking };
            // A standard-library platform has no editable source: the finding goes on the flow that picks it.
            if (declared.source.builtin) {
                yield findingOn('platform/missing-criteria', flows[0], message, { property: 'via', data });
            } else {
                yield findingOn('platform/missing-criteria', declared, message, { property: 'supports', data });
            }
        }
    }
};

export const platformFit = flowRule('platform/fit', (flow, { estate }, report) => {
    if (flow.status === 'retired' || !flow.via) return;
    const platform = estate.platforms.get(flow.via);
    if (!platform) return;
    if (isRealtime(flow) && missing(platform.supports, [WEBHOOKS]).length > 0) {
        report(findingOn('platform/fit', flow,
            `${flow.name} must be real-time (${flow.schedule?.kind === 'realtime' ? 'schedule realtime' : `style ${flow.style}`}) but runs via ${platform.name}, which has no webhooks`,
            { property: 'via', data: { platform: platform.name, reason: 'webhooks' } }));
    }
    const capacity = platform.volume ? PLATFORM_VOLUME_PER_DAY[platform.volume] : undefined;
    if (capacity !== undefined && flow.volumePerDay !== undefined && flow.volumePerDay > capacity) {
        report(findingOn('platform/fit', flow,
            `${flow.name} moves ${formatCount(flow.volumePerDay)} records/day via ${platform.name}, whose ${platform.volume} volume tier suits up to ${formatCount(capacity)} per day`,
            { property: 'volume', data: { platform: platform.name, reason: 'volume', volumePerDay: flow.volumePerDay, capacity } }));
    }
});

function formatCount(value: number): string {
    return Math.round(value).toLocaleString('en-US');
}

export const PLATFORM_RULES: Rule[] = [missingCriteria, platformFit];
