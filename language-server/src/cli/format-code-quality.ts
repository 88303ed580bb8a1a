import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Severity } from '../model/estate.js';
import type { DiagnosticRecord } from './diagnostic-records.js';
import { withoutRuleSuffix } from './format-check.js';

/** GitLab's severities run info, minor, major, critical, blocker; ours three map as ESLint's GitLab formatters map theirs. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab's Code Quality report (the CodeClimate-like JSON array its `artifacts:reports:codequality`
 * reads). Waived findings are left out: the format has no suppressions, and GitLab would show them
 * as open. The fingerprint leaves the line out, so moving a declaration does not make its findings
 * new in the merge request's widget; equal findings in one file are told apart by their order.
 */
export function formatCodeQuality(records: DiagnosticRecord[]): string {
    const seen = new Map<string, number>();
    const issues = records.filter(record => !record.accepted).map(record => {
        const file = reportPath(record.file);
        const description = withoutRuleSuffix(record.message, record.ruleId);
        const identity = JSON.stringify([record.ruleId, file, description]);
        const occurrence = seen.get(identity) ?? 0;
        seen.set(identity, occurrence + 1);
        return {
            description,
            check_name: record.ruleId,
            fingerprint: createHash('sha256').update(`${identity}#${occurrence}`).digest('hex'),
            severity: SEVERITY[record.severity],
            location: { path: file, lines: { begin: record.line } }
        };
    });
    return JSON.stringify(issues, null, 2) + '\n';
}

/** GitLab links a path relative to the repository's root, written with `/` whatever the runner's system. */
function reportPath(file: string): string {
    return path.isAbsolute(file) ? file : file.split(path.sep).join('/');
}
