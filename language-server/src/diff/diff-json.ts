import type { EstateDiff } from './estate-diff.js';

/** For scripts and CI: the whole diff, every list complete. */
export function diffJson(diff: EstateDiff): string {
    return JSON.stringify({
        base: diff.base, head: diff.head, summary: diff.summary, declarations: diff.declarations,
        policy: diff.policy, findings: diff.findings, impact: diff.impact
    }, null, 2) + '\n';
}
