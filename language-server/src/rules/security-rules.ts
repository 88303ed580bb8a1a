import { isAutomated } from '../model/inventory.js';
import type { AuthKind, Classification, Flow } from '../model/estate.js';
import type { CarriedField } from '../model/estate-index.js';
import { heldFields, holdingVerb, holdsReceived } from './holdings.js';
import { declaredBy, demandsAudit, demandsOauth2, ENCRYPTION_STRENGTH, encryptionDemand, severityFor } from './requirements.js';
import { findingOn, flowRule, systemRule, type Rule } from './rule-kit.js';
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

/** The classifications of the fields, each once, in the order the fields come. */
function classificationsOf(fields: readonly CarriedField[]): Classification[] {
    const seen = new Set<Classification>();
    for (const field of fields) if (field.classification) seen.add(field.classification);
    return [...seen];
}

/**
 * The policy's `min-tls` binds every flow; a classification's `requires tls` binds the flows that
 * carry it. Below the policy is an error; below only a classification's higher demand follows
 * that classification's level.
 */
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
    const byClassification = classified !== undefined && classMin >= policyMin;
    const who = byClassification ? classified.name : 'the policy';
    const what = below.length > 0
        ? `${describeFields(below)} ${below.length === 1 ? 'moves' : 'move'} ${over}`
        : `${flow.name} moves data ${over}`;
    const severity = actual < policyMin ? 'error' : severityFor(classificationsOf(below), 'error', 'warning');
    report(findingOn('security/tls', flow, `${what}; ${who} requires ${formatTls(required)}+`, {
        property: 'tls',
        severity,
        data: { requiredTls: required, actualTls: flow.tls, fields: below.map(field => `${field.entity}.${field.field}`), requiredBy: byClassification ? classified.name : 'policy' }
    }));
});

export const noAuth = flowRule('security/no-auth', (flow, _context, report) => {
    if (!isCurrentOrPlanned(flow) || !isAutomated(flow) || flow.auth !== 'none') return;
    report(findingOn('security/no-auth', flow,
        `${flow.name} from ${flow.sourceSystem} to ${flow.targetSystem} has no authentication; anyone who reaches the endpoint can read or write its data`,
        { property: 'auth', data: { auth: flow.auth } }));
});

const WEAK_AUTH: Partial<Record<AuthKind, string>> = { 'api-key': 'an API key', basic: 'basic auth' };

/**
 * API keys and basic auth are a warning on any automated flow (the article: OAuth 2.0 for all
 * system-to-system connections); an error when carried data demands OAuth 2.0 (regulated data, or
 * a classification that `requires oauth2`) and is sensitive.
 */
export const oauth2 = flowRule('security/oauth2', (flow, { index }, report) => {
    if (!isCurrentOrPlanned(flow) || !isAutomated(flow) || flow.auth === undefined) return;
    const weak = WEAK_AUTH[flow.auth];
    if (!weak) return;
    const demanding = index.carriedFields(flow).filter(field => field.classification !== undefined && demandsOauth2(field.classification));
    const classifications = classificationsOf(demanding);
    const carrying = demanding.length > 0 ? ` carries ${describeFields(demanding)} and` : '';
    const declared = declaredBy(classifications, classification => classification.requires.oauth2);
    const why = declared
        ? `${declared.names} ${declared.verb} OAuth 2.0 (or mTLS) for system-to-system connections`
        : 'the article requires OAuth 2.0 for system-to-system connections';
    report(findingOn('security/oauth2', flow, `${flow.name}${carrying} authenticates with ${weak}; ${why}`, {
        property: 'auth',
        severity: severityFor(classifications, 'error', 'warning'),
        data: { auth: flow.auth, regulated: demanding.some(field => isRegulated(field.classification)), requiredBy: classifications.map(c => c.name) }
    }));
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

const ENCRYPTION_TEXT = { aes128: 'AES-128', aes256: 'AES-256' } as const;

/**
 * Every field a system holds (stores, masters, or as a spreadsheet receives) needs the encryption
 * at rest its classification demands: `requires encryption`, AES-256 for regulated data.
 */
export const encryptionAtRest = systemRule('security/encryption-at-rest', (system, context, report) => {
    if (system.status === 'retired' || system.encryption === 'aes256') return;
    const has = ENCRYPTION_STRENGTH[system.encryption ?? 'none'];
    const short = heldFields(system, context, classification => ENCRYPTION_STRENGTH[encryptionDemand(classification) ?? 'none'] > has);
    if (short.length === 0) return;
    const classifications = classificationsOf(short);
    const required: keyof typeof ENCRYPTION_TEXT = short.some(field => encryptionDemand(field.classification as Classification) === 'aes256') ? 'aes256' : 'aes128';
    const how = system.encryption === undefined || system.encryption === 'none'
        ? 'without encryption at rest'
        : `with encryption ${system.encryption}`;
    const declared = declaredBy(classifications, classification => classification.requires.encryption === required);
    const why = declared
        ? `${declared.names} ${declared.verb} ${ENCRYPTION_TEXT[required]} at rest`
        : 'the article requires AES-256 for regulated data at rest';
    const { verb, basis } = holdingVerb(short[0]);
    report(findingOn('security/encryption-at-rest', system, `${system.name} ${verb} ${describeFields(short)}${basis} ${how}; ${why}`, {
        property: 'encryption',
        severity: severityFor(classifications, 'error', 'warning'),
        data: { encryption: system.encryption, requiredEncryption: required, fields: short.map(field => `${field.entity}.${field.field}`) }
    }));
});

/** True when another flow than `flow` sends the field on. */
function sentOnByAnother(sent: ReadonlyMap<string, readonly Flow[]> | undefined, field: string, flow: Flow): boolean {
    const flows = sent?.get(field);
    if (!flows) return false;
    for (const other of flows) if (other !== flow) return true;
    return false;
}

/** A receiver needs what it holds (stores, masters, or keeps as a spreadsheet) or sends on; the rest is moved for nothing. */
export const leastPrivilege = flowRule('security/least-privilege', (flow, context, report) => {
    const { estate, index } = context;
    if (!isCurrentOrPlanned(flow)) return;
    for (const receiver of receiversOf(flow)) {
        const system = estate.systems.get(receiver);
        if (!system) continue;
        const unneeded: string[] = [];
        for (const carried of flow.carries) {
            if (holdsReceived(system, carried.entity, context)) continue;
            const sent = index.passedOn(receiver, carried.entity);
            const fields = carried.fields.filter(field => !sentOnByAnother(sent, field, flow));
            if (carried.all && fields.length === carried.fields.length) unneeded.push(`${carried.entity}.*`);
            else for (const field of fields) unneeded.push(`${carried.entity}.${field}`);
        }
        if (unneeded.length === 0) continue;
        report(findingOn('security/least-privilege', flow,
            `${flow.name} carries ${listNames(unneeded)}, which ${receiver} neither stores nor passes on; integrations should only access the fields they need`,
            { property: 'carries', data: { receiver, fields: unneeded } }));
    }
});

/** Every movement of data that demands audit (regulated, or its classification `requires audit`) must be logged. */
export const auditLog = flowRule('security/audit-log', (flow, { index }, report) => {
    if (!isCurrentOrPlanned(flow) || flow.audit) return;
    const demanding = index.carriedFields(flow).filter(field => field.classification !== undefined && demandsAudit(field.classification));
    if (demanding.length === 0) return;
    const classifications = classificationsOf(demanding);
    const regulations = [...new Set(classifications.flatMap(classification => classification.regulations))];
    const declared = declaredBy(classifications, classification => classification.requires.audit);
    const why = declared
        ? `${declared.names} ${declared.verb} every movement to be logged with timestamp, source, destination and user`
        : 'every movement of regulated data must be logged with timestamp, source, destination and user';
    report(findingOn('security/audit-log', flow,
        `${flow.name} moves ${describeFields(demanding)} from ${flow.sourceSystem} to ${flow.targetSystem} without an audit log; ${why}`,
        { severity: severityFor(classifications, 'error', 'warning'), data: { regulations, requiredBy: classifications.map(c => c.name) } }));
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
