import type { Classification, Encryption, Severity } from '../model/estate.js';

/**
 * The controls a classification's `requires` declares, and the defaults regulated data gets
 * without declaring them (the article: AES-256 at rest, audit logging, OAuth 2.0 for regulated
 * data). Every flow that carries and every system that holds a field of the classification must
 * have them; the security and compliance rules ask here which fields demand a control.
 */

function regulated(classification: Classification): boolean {
    return classification.regulations.length > 0;
}

/**
 * Regulated data, and data classified confidential or restricted, is sensitive: a missing control
 * on it has the rule's full severity. Internal, public or unlevelled data that declares a control
 * gets one step less.
 */
export function isSensitive(classification: Classification): boolean {
    return regulated(classification) || classification.level === 'confidential' || classification.level === 'restricted';
}

export function severityFor(classifications: Iterable<Classification>, full: Severity, reduced: Severity): Severity {
    for (const classification of classifications) if (isSensitive(classification)) return full;
    return reduced;
}

export const ENCRYPTION_STRENGTH: Readonly<Record<Encryption, number>> = { none: 0, aes128: 1, aes256: 2 };

/** The encryption at rest the data needs: its `requires encryption`, at least AES-256 when regulated. */
export function encryptionDemand(classification: Classification): Encryption | undefined {
    const declared = classification.requires.encryption;
    if (regulated(classification)) return 'aes256';
    return declared === 'none' ? undefined : declared;
}

export function demandsAudit(classification: Classification): boolean {
    return classification.requires.audit || regulated(classification);
}

export function demandsOauth2(classification: Classification): boolean {
    return classification.requires.oauth2 || regulated(classification);
}

/**
 * Who demands a control, as a message says it: the classifications that declare it (`PII`,
 * `PII and Credentials`), or undefined when only the regulated-data default does.
 */
export function declaredBy(classifications: Iterable<Classification>, declares: (classification: Classification) => boolean): { names: string; verb: 'requires' | 'require' } | undefined {
    const names: string[] = [];
    for (const classification of classifications) {
        if (declares(classification) && !names.includes(classification.name)) names.push(classification.name);
    }
    if (names.length === 0) return undefined;
    const text = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return { names: text, verb: names.length === 1 ? 'requires' : 'require' };
}
