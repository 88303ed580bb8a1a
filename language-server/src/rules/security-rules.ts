import { isAutomated } from '../analysis/inventory.js';
import type { AuthKind, Flow, System } from '../model/estate.js';
import type { CarriedField } from '../model/estate-index.js';
import { findingOn, flowRule, systemRule, type ElementContext, type Rule } from './rule-kit.js';
import { describeFields, formatTls, isCurrentOrPlanned, isRegulated, listNames, receiversOf } from './rule-text.js';

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

export const tls = flowRule('security/tls', (flow, { estate, index }, report) => {
    const policyMin = estate.policy.minTls;
    const actual = tlsNumber(flow);
    if (!isCurrentOrPlanned(flow) || actual === undefined) return;
    const below = index.carriedFields(flow)
        .filter(field => (field.classification?.requires.minTls ?? 0) > actual)
        .sort(byTlsDemand);
    const classified = below[0]?.classification;
    const classMin = classified?.requires.minTls ?? 0;
    const required = Math.max(policyMin, classMin);
    if (actual >= required) return;
    const over = actual === 0 ? 'without TLS' : `over ${formatTls(actual)}`;
    const who = classified && classMin >= policyMin
        ? (classified.regulations.length > 0 ? classified.regulations.join('/') : classified.name)
        : 'the policy';
    const what = below.length > 0
        ? `${describeFields(below)} ${below.length === 1 ? 'moves' : 'move'} ${over}`
        : `${flow.name} moves data ${over}`;
    report(findingOn('security/tls', flow, `${what}; ${who} requires ${formatTls(required)}+`, {
        property: 'tls',
        data: { requiredTls: required, actualTls: flow.tls, fields: below.map(field => `${field.entity}.${field.field}`) }
    }));
});

export const noAuth = flowRule('security/no-auth', (flow, _context, report) => {
    if (!isCurrentOrPlanned(flow) || !isAutomated(flow) || flow.auth !== 'none') return;
    report(findingOn('security/no-auth', flow,
        `${flow.name} from ${flow.sourceSystem} to ${flow.targetSystem} has no authentication; anyone who reaches the endpoint can read or write its data`,
        { property: 'auth', data: { auth: flow.auth } }));
});

const WEAK_AUTH: Partial<Record<AuthKind, string>> = { 'api-key': 'an API key', basic: 'basic auth' };

export const oauth2 = flowRule('security/oauth2', (flow, { index }, report) => {
    if (!isCurrentOrPlanned(flow) || !isAutomated(flow) || flow.auth === undefined) return;
    const weak = WEAK_AUTH[flow.auth];
    if (!weak) return;
    const regulated = index.carriedFields(flow).filter(field => isRegulated(field.classification));
    const carrying = regulated.length > 0 ? ` carries ${describeFields(regulated)} and` : '';
    report(findingOn('security/oauth2', flow,
        `${flow.name}${carrying} authenticates with ${weak}; the article requires OAuth 2.0 for system-to-system connections`,
        { property: 'auth', severity: regulated.length > 0 ? 'error' : 'warning', data: { auth: flow.auth, regulated: regulated.length > 0 } }));
});

export const sharedCredentials = flowRule('security/shared-credentials', (flow, _context, report) => {
    if (!isCurrentOrPlanned(flow) || flow.auth !== 'shared-account') return;
    report(findingOn('security/shared-credentials', flow,
        `${flow.name} uses a shared account; no audit log can tell who moved the data (the article: never use shared credentials)`,
        { property: 'auth', data: { auth: flow.auth } }));
});

export const hardcodedSecret = flowRule('security/hardcoded-secret', (flow, _context, report) => {
    if (!isCurrentOrPlanned(flow) || flow.secrets !== 'hardcoded') return;
    report(findingOn('security/hardcoded-secret', flow,
        `${flow.name} has hardcoded secrets; they leak with every copy of the code and cannot be rotated (the article: never use hardcoded API keys)`,
        { property: 'secrets', data: { secrets: flow.secrets } }));
});

/** The regulated fields of the entities a system stores. */
export function regulatedStored(system: System, index: ElementContext['index']): CarriedField[] {
    return system.stores.flatMap(entity => index.regulatedFields(entity));
}

export const encryptionAtRest = systemRule('security/encryption-at-rest', (system, { index }, report) => {
    if (system.status === 'retired' || system.encryption === 'aes256') return;
    const stored = regulatedStored(system, index);
    if (stored.length === 0) return;
    const how = system.encryption === undefined || system.encryption === 'none'
        ? 'without encryption at rest'
        : `with encryption ${system.encryption}`;
    report(findingOn('security/encryption-at-rest', system,
        `${system.name} stores ${describeFields(stored)} ${how}; the article requires AES-256 for data at rest`,
        { property: 'encryption', data: { encryption: system.encryption, fields: stored.map(field => `${field.entity}.${field.field}`) } }));
});

/** True when another flow than `flow` sends the field on. */
function sentOnByAnother(sent: ReadonlyMap<string, readonly Flow[]> | undefined, field: string, flow: Flow): boolean {
    const flows = sent?.get(field);
    if (!flows) return false;
    for (const other of flows) if (other !== flow) return true;
    return false;
}

export const leastPrivilege = flowRule('security/least-privilege', (flow, { estate, index }, report) => {
    if (!isCurrentOrPlanned(flow)) return;
    for (const receiver of receiversOf(flow)) {
        const system = estate.systems.get(receiver);
        if (!system) continue;
        const unneeded: string[] = [];
        for (const carried of flow.carries) {
            if (system.stores.includes(carried.entity)) continue;
            const sent = index.passedOn(receiver, carried.entity);
            const fields = carried.fields.filter(field => !sentOnByAnother(sent, field, flow));
            if (carried.all && fields.length === carried.fields.length) unneeded.push(`${carried.entity}.*`);
            else unneeded.push(...fields.map(field => `${carried.entity}.${field}`));
        }
        if (unneeded.length === 0) continue;
        report(findingOn('security/least-privilege', flow,
            `${flow.name} carries ${listNames(unneeded)}, which ${receiver} neither stores nor passes on; integrations should only access the fields they need`,
            { property: 'carries', data: { receiver, fields: unneeded } }));
    }
});

export const auditLog = flowRule('security/audit-log', (flow, { index }, report) => {
    if (!isCurrentOrPlanned(flow) || flow.audit) return;
    const regulated = index.carriedFields(flow).filter(field => isRegulated(field.classification));
    if (regulated.length === 0) return;
    const regulations = [...new Set(regulated.flatMap(field => field.classification?.regulations ?? []))];
    report(findingOn('security/audit-log', flow,
        `${flow.name} moves ${describeFields(regulated)} from ${flow.sourceSystem} to ${flow.targetSystem} without an audit log; every movement of regulated data must be logged with timestamp, source, destination and user`,
        { data: { regulations } }));
});

const SSO: ReadonlySet<string> = new Set(['sso', 'sso-saml', 'sso-oidc']);

export const sso = systemRule('security/sso', (system, _context, report) => {
    if (system.status === 'retired' || !system.users || system.users <= 0) return;
    if (system.supports.some(capability => SSO.has(capability))) return;
    report(findingOn('security/sso', system,
        `${system.name} has ${system.users} user${system.users === 1 ? '' : 's'} but no SSO (SAML or OIDC); their accounts cannot be switched off centrally`,
        { property: system.source.properties.supports ? 'supports' : 'users', data: { users: system.users } }));
});

/** In catalogue order. */
export const SECURITY_RULES: Rule[] = [
    tls, noAuth, oauth2, sharedCredentials, hardcodedSecret, encryptionAtRest, leastPrivilege, auditLog, sso
];
