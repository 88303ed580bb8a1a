import { isAutomated } from '../analysis/inventory.js';
import type { AuthKind, Entity, Estate, Flow } from '../model/estate.js';
import type { EstateIndex } from '../model/estate-index.js';
import { findingOn, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';
import {
    carriedFields, describeFields, formatTls, isCurrentOrPlanned, isRegulated, listNames, receiversOf, type CarriedField
} from './rule-text.js';

/** Security rules check live and planned flows: a planned flow must be secure by design. */

function tlsNumber(flow: Flow): number | undefined {
    if (flow.tls === undefined) return undefined;
    return flow.tls === 'none' ? 0 : flow.tls;
}

/** The most demanding TLS requirement first, regulated data first among equals. */
function byTlsDemand(a: CarriedField, b: CarriedField): number {
    return (b.classification?.requires.minTls ?? 0) - (a.classification?.requires.minTls ?? 0)
        || Number(isRegulated(b.classification)) - Number(isRegulated(a.classification));
}

export const tls: Rule = {
    id: 'security/tls',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        const policyMin = estate.policy.minTls;
        for (const flow of estate.flows.values()) {
            const actual = tlsNumber(flow);
            if (!isCurrentOrPlanned(flow) || actual === undefined) continue;
            const below = carriedFields(flow, index)
                .filter(field => (field.classification?.requires.minTls ?? 0) > actual)
                .sort(byTlsDemand);
            const classified = below[0]?.classification;
            const classMin = classified?.requires.minTls ?? 0;
            const required = Math.max(policyMin, classMin);
            if (actual >= required) continue;
            const over = actual === 0 ? 'without TLS' : `over ${formatTls(actual)}`;
            const who = classified && classMin >= policyMin
                ? (classified.regulations.length > 0 ? classified.regulations.join('/') : classified.name)
                : 'the policy';
            const what = below.length > 0
                ? `${describeFields(below)} ${below.length === 1 ? 'moves' : 'move'} ${over}`
                : `${flow.name} moves data ${over}`;
            yield findingOn('security/tls', flow, `${what}; ${who} requires ${formatTls(required)}+`, {
                property: 'tls',
                data: { requiredTls: required, actualTls: flow.tls, fields: below.map(field => `${field.entity}.${field.field}`) }
            });
        }
    }
};

export const noAuth: Rule = {
    id: 'security/no-auth',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow) || !isAutomated(flow) || flow.auth !== 'none') continue;
            yield findingOn('security/no-auth', flow,
                `${flow.name} from ${flow.sourceSystem} to ${flow.targetSystem} has no authentication; anyone who reaches the endpoint can read or write its data`,
                { property: 'auth', data: { auth: flow.auth } });
        }
    }
};

const WEAK_AUTH: Partial<Record<AuthKind, string>> = { 'api-key': 'an API key', basic: 'basic auth' };

export const oauth2: Rule = {
    id: 'security/oauth2',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow) || !isAutomated(flow) || flow.auth === undefined) continue;
            const weak = WEAK_AUTH[flow.auth];
            if (!weak) continue;
            const regulated = carriedFields(flow, index).filter(field => isRegulated(field.classification));
            const carrying = regulated.length > 0 ? ` carries ${describeFields(regulated)} and` : '';
            yield findingOn('security/oauth2', flow,
                `${flow.name}${carrying} authenticates with ${weak}; the article requires OAuth 2.0 for system-to-system connections`,
                { property: 'auth', severity: regulated.length > 0 ? 'error' : 'warning', data: { auth: flow.auth, regulated: regulated.length > 0 } });
        }
    }
};

export const sharedCredentials: Rule = {
    id: 'security/shared-credentials',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow) || flow.auth !== 'shared-account') continue;
            yield findingOn('security/shared-credentials', flow,
                `${flow.name} uses a shared account; no audit log can tell who moved the data (the article: never use shared credentials)`,
                { property: 'auth', data: { auth: flow.auth } });
        }
    }
};

export const hardcodedSecret: Rule = {
    id: 'security/hardcoded-secret',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow) || flow.secrets !== 'hardcoded') continue;
            yield findingOn('security/hardcoded-secret', flow,
                `${flow.name} has hardcoded secrets; they leak with every copy of the code and cannot be rotated (the article: never use hardcoded API keys)`,
                { property: 'secrets', data: { secrets: flow.secrets } });
        }
    }
};

/** Regulated fields of each entity, computed once per run. */
export function regulatedFieldsByEntity(estate: Estate): Map<string, CarriedField[]> {
    const result = new Map<string, CarriedField[]>();
    for (const entity of estate.entities.values()) {
        const fields = regulatedFieldsOf(entity, estate);
        if (fields.length > 0) result.set(entity.name, fields);
    }
    return result;
}

function regulatedFieldsOf(entity: Entity, estate: Estate): CarriedField[] {
    const fields: CarriedField[] = [];
    for (const field of entity.fields) {
        const classification = field.classification ? estate.classifications.get(field.classification) : undefined;
        if (isRegulated(classification)) fields.push({ entity: entity.name, field: field.name, classification });
    }
    return fields;
}

export const encryptionAtRest: Rule = {
    id: 'security/encryption-at-rest',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const regulatedOf = regulatedFieldsByEntity(estate);
        for (const system of estate.systems.values()) {
            if (system.status === 'retired' || system.encryption === 'aes256') continue;
            const stored = system.stores.flatMap(entity => regulatedOf.get(entity) ?? []);
            if (stored.length === 0) continue;
            const how = system.encryption === undefined || system.encryption === 'none'
                ? 'without encryption at rest'
                : `with encryption ${system.encryption}`;
            yield findingOn('security/encryption-at-rest', system,
                `${system.name} stores ${describeFields(stored)} ${how}; the article requires AES-256 for data at rest`,
                { property: 'encryption', data: { encryption: system.encryption, fields: stored.map(field => `${field.entity}.${field.field}`) } });
        }
    }
};

/** Per entity, per field: the flows by which a system sends that field on. */
type PassedOn = Map<string, Map<string, Flow[]>>;

function passedOnBy(system: string, index: EstateIndex, cache: Map<string, PassedOn>): PassedOn {
    let result = cache.get(system);
    if (result) return result;
    result = new Map();
    const outgoing = [
        ...(index.flowsFrom.get(system) ?? []),
        ...(index.flowsTo.get(system) ?? []).filter(flow => flow.twoWay)
    ];
    for (const flow of outgoing) {
        if (!isCurrentOrPlanned(flow)) continue;
        for (const carried of flow.carries) {
            let byField = result.get(carried.entity);
            if (!byField) result.set(carried.entity, byField = new Map());
            for (const field of carried.fields) {
                const list = byField.get(field);
                if (list) list.push(flow); else byField.set(field, [flow]);
            }
        }
    }
    cache.set(system, result);
    return result;
}

/** True when another flow than `flow` sends the field on. */
function sentOnByAnother(sent: ReadonlyMap<string, Flow[]> | undefined, field: string, flow: Flow): boolean {
    const flows = sent?.get(field);
    if (!flows) return false;
    for (const other of flows) if (other !== flow) return true;
    return false;
}

export const leastPrivilege: Rule = {
    id: 'security/least-privilege',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        const cache = new Map<string, PassedOn>();
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow)) continue;
            for (const receiver of receiversOf(flow)) {
                const system = estate.systems.get(receiver);
                if (!system) continue;
                const passedOn = passedOnBy(receiver, index, cache);
                const unneeded: string[] = [];
                for (const carried of flow.carries) {
                    if (system.stores.includes(carried.entity)) continue;
                    const sent = passedOn.get(carried.entity);
                    const fields = carried.fields.filter(field => !sentOnByAnother(sent, field, flow));
                    if (carried.all && fields.length === carried.fields.length) unneeded.push(`${carried.entity}.*`);
                    else unneeded.push(...fields.map(field => `${carried.entity}.${field}`));
                }
                if (unneeded.length === 0) continue;
                yield findingOn('security/least-privilege', flow,
                    `${flow.name} carries ${listNames(unneeded)}, which ${receiver} neither stores nor passes on; integrations should only access the fields they need`,
                    { property: 'carries', data: { receiver, fields: unneeded } });
            }
        }
    }
};

export const auditLog: Rule = {
    id: 'security/audit-log',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow) || flow.audit) continue;
            const regulated = carriedFields(flow, index).filter(field => isRegulated(field.classification));
            if (regulated.length === 0) continue;
            const regulations = [...new Set(regulated.flatMap(field => field.classification?.regulations ?? []))];
            yield findingOn('security/audit-log', flow,
                `${flow.name} moves ${describeFields(regulated)} from ${flow.sourceSystem} to ${flow.targetSystem} without an audit log; every movement of regulated data must be logged with timestamp, source, destination and user`,
                { data: { regulations } });
        }
    }
};

const SSO: ReadonlySet<string> = new Set(['sso', 'sso-saml', 'sso-oidc']);

export const sso: Rule = {
    id: 'security/sso',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const system of estate.systems.values()) {
            if (system.status === 'retired' || !system.users || system.users <= 0) continue;
            if (system.supports.some(capability => SSO.has(capability))) continue;
            yield findingOn('security/sso', system,
                `${system.name} has ${system.users} user${system.users === 1 ? '' : 's'} but no SSO (SAML or OIDC); their accounts cannot be switched off centrally`,
                { property: system.source.properties.supports ? 'supports' : 'users', data: { users: system.users } });
        }
    }
};

/** In catalogue order. */
export const SECURITY_RULES: Rule[] = [
    tls, noAuth, oauth2, sharedCredentials, hardcodedSecret, encryptionAtRest, leastPrivilege, auditLog, sso
];
