import type { Severity } from '../model/estate.js';
import { editDistance } from '../model/closest-names.js';

export interface RuleMetadata {
    id: string;
    defaultSeverity: Severity;
    title: string;
    /** One paragraph: why it matters, citing the article or the regulation. */
    rationale: string;
    /** Anchor of the rule's section in docs/rules.md. */
    anchor: string;
}

/** GitHub's heading anchor for `## <id>`: lower case, punctuation other than `-` dropped. */
function anchorOf(id: string): string {
    return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function rule(id: string, defaultSeverity: Severity, title: string, rationale: string): RuleMetadata {
    return { id, defaultSeverity, title, rationale, anchor: anchorOf(id) };
}

/** The design's 36 rules, the 5 that keep policy, waivers and dependencies honest and the impact of retiring a system, in catalogue order; ids are stable. */
export const CATALOGUE: RuleMetadata[] = [
    rule('inventory/shadow-it-unowned', 'warning', 'Shadow IT without an owner',
        'The article asks the inventory to include shadow IT, "the spreadsheets and personal tools departments use because the official systems do not meet their needs"; most companies discover 30–50 % more applications than they expected. A shadow system with neither a department nor an owner cannot be assessed, migrated or switched off, because nobody answers for it.'),
    rule('inventory/disconnected-system', 'info', 'System with no live flow',
        'Organisations average 897 applications but only 29 % are integrated (the article). A system that no live flow touches counts against integration coverage: either its data is re-keyed somewhere the model does not show, or the flows are missing from the model.'),
    rule('inventory/incomplete-flow', 'warning', 'Flow missing style, auth or TLS',
        'Step 2 of the article\'s assessment traces how data moves from system to system. A flow without a style cannot be classified as a gap (manual, batch, one-way, fragile), and an automated flow without `auth` or `tls` cannot be checked against the article\'s security controls (OAuth 2.0, TLS 1.2+).'),
    rule('inventory/empty-flow', 'warning', 'Flow carries no data',
        'Data-flow mapping is about which data moves. A flow that carries nothing cannot be checked for least privilege, regulated data, one-way gaps or conflicting masters, so every data rule silently skips it.'),
    rule('inventory/retired-dependency', 'warning', 'Live flow or process depends on a retired system',
        'A system marked `retired` is switched off, but a live flow into or out of it stops with it, and so does every process that uses that flow. Unless an initiative `replaces` the flow, switching the system off breaks the business process without anyone having planned for it; the rules about the system also stop reporting, so nothing else shows the risk.'),
    rule('gap/no-integration', 'warning', 'Manual re-entry between systems',
        'The article\'s first gap type: "manual data re-entry between systems" costs 10–20 hours per week per team. A flow moved by hand or by e-mail is that gap; its `effort` (or the article\'s estimate) is the hours an integration would eliminate.'),
    rule('gap/batch', 'warning', 'Batch schedule staler than the data may be',
        'The article\'s batch gap: "data syncs overnight; decisions based on yesterday\'s numbers", causing delayed decisions and stale reporting. A schedule whose staleness exceeds the entity\'s `freshness` or the `needs` of a process that uses the flow delivers data older than the business accepts.'),
    rule('gap/one-way', 'warning', 'Changes in the target never flow back',
        'The article\'s one-way gap: "data flows from A to B but changes in B do not flow back", causing data conflicts and reconciliation work. When the target `edits` an entity it receives and no live flow carries that entity back, the two copies drift apart.'),
    rule('gap/fragile', 'warning', 'Fragile integration',
        'The article\'s fragile gap: "custom scripts that break when either system updates", causing frequent outages and IT firefighting. A script, or any automated flow that nobody monitors or owns, fails silently until someone notices the missing data.'),
    rule('gap/conflicting-master', 'error', 'No single system of record',
        'The article asks "where do different systems hold conflicting versions of the same data?". An entity stored in two or more systems needs exactly one `master`; without one (or with two) every copy can claim to be right and conflicts cannot be resolved.'),
    rule('gap/excel-export', 'warning', 'Export into a spreadsheet or personal tool',
        'The article asks "where do people export to Excel because the systems do not talk to each other?". A flow into a spreadsheet or personal tool is such an export: a copy outside any control, stale from the moment it is taken.'),
    rule('gap/shared-database', 'warning', 'Shared database across departments',
        'Two departments\' systems integrated by sharing a database couple both to one schema: a change by either side breaks the other, the same failure mode as the article\'s fragile integrations ("break when either system updates").'),
    rule('security/tls', 'error', 'Data in transit below the required TLS version',
        'The article requires "TLS 1.2+ for data in transit". The minimum is the policy\'s `min-tls` or, when higher, the `requires tls` of the data\'s classification (GDPR Art. 32, HIPAA §164.312(e)(1), PCI DSS 4.2.1 all require strong transport encryption). TLS 1.0 and 1.1 are deprecated (RFC 8996).'),
    rule('security/no-auth', 'error', 'Automated flow without authentication',
        '"Every integration point is a potential security vulnerability" (the article). An automated system-to-system flow with `auth none` lets anyone who can reach the endpoint read or write the data.'),
    rule('security/oauth2', 'warning', 'System-to-system auth other than OAuth 2.0 / mTLS',
        'The article: "OAuth 2.0 for all system-to-system connections. Never use shared credentials or hardcoded API keys." API keys and basic auth are long-lived bearer secrets without scopes or rotation; for regulated data the finding is an error.'),
    rule('security/shared-credentials', 'error', 'Shared credentials',
        'The article: "Never use shared credentials". A shared account makes every data movement anonymous, so the audit log cannot say which user or integration acted (HIPAA §164.312(a)(2)(i) requires unique user identification; PCI DSS 8.2.2 forbids shared IDs).'),
    rule('security/hardcoded-secret', 'error', 'Hardcoded secret',
        'The article: "Never use ... hardcoded API keys." A secret in code or configuration leaks with every copy of the repository and cannot be rotated without a release; keep it in a vault or the integration platform\'s secret store.'),
    rule('security/encryption-at-rest', 'error', 'Regulated data at rest without AES-256',
        'The article requires "AES-256 for data at rest". Regulated data (GDPR Art. 32, HIPAA §164.312(a)(2)(iv), PCI DSS 3.5) stored in a system without `encryption aes256` is exposed by any backup, disk or database copy.'),
    rule('security/least-privilege', 'warning', 'Flow carries fields its target does not need',
        'The article: "Principle of least privilege -- integrations only access the data fields they need." A field the target neither stores nor passes on is moved for nothing and widens what a breach of the target exposes (GDPR Art. 5(1)(c), data minimisation).'),
    rule('security/audit-log', 'error', 'Regulated data moves without an audit log',
        'The article: "Every data movement through integration points is logged with timestamp, source, destination, and user context." For regulated data this is also the law: HIPAA §164.312(b), PCI DSS 10.2, SOX §404 controls, GDPR Art. 30.'),
    rule('security/sso', 'warning', 'System with users but no SSO',
        'SSO via SAML or OIDC is one of the article\'s five must-have integration criteria. A system people log into with its own passwords cannot be switched off centrally when someone leaves.'),
    rule('compliance/unclassified-field', 'info', 'Unclassified field leaves its master',
        'The article: "Document which integrations handle regulated data (PII, PHI, financial records) and ensure compliance controls are in place." A field that leaves its system of record without a classification cannot be checked by any security or compliance rule.'),
    rule('compliance/regulated-in-shadow-it', 'error', 'Regulated data in shadow IT',
        'Shadow IT ("spreadsheets and personal tools", the article) has no access control, encryption or audit trail. Regulated data stored in it or sent to it escapes every control the regulation requires (GDPR Art. 32, HIPAA §164.312, PCI DSS 3 and 7, SOX §404).'),
    rule('compliance/vendor-agreement', 'error', 'Platform without the required vendor agreement',
        'An integration platform that processes personal data is a processor and needs a data processing agreement (GDPR Art. 28); one that handles PHI is a business associate and needs a BAA (HIPAA §164.502(e), §164.504(e)).'),
    rule('compliance/cross-border-transfer', 'error', 'Personal data leaves the EEA without a safeguard',
        'GDPR Chapter V: personal data may go from the EEA to another country only when the Commission has decided that country protects it adequately (Art. 45) or under a safeguard such as standard contractual clauses or binding corporate rules (Art. 46–47). The adequacy list is dated in the standard library; a flow declares its safeguard with `transfer adequacy|scc|bcr`.'),
    rule('compliance/sox-reconciliation', 'warning', 'Financial data into finance/ERP not reconciled',
        'SOX §404 requires internal controls over financial reporting; an interface feeding a finance or ERP system needs a completeness control (control totals, record counts) so that lost or duplicated records are caught. The article\'s "automated financial reporting" is only trustworthy with it.'),
    rule('compliance/retention', 'warning', 'Audit retention below the regulation\'s minimum',
        'Audit logs must be kept as long as the regulation requires: PCI DSS 10.5.1 12 months, HIPAA §164.316(b)(2) 6 years, SOX §802 7 years. A shorter `audit` retention destroys the evidence an auditor will ask for.'),
    rule('platform/missing-criteria', 'warning', 'Missing must-have integration criterion',
        'The article\'s "integration-first thinking": evaluate integration capability before features. Must-haves are an open API, pre-built connectors, webhooks for real-time events, bulk import/export and SSO via SAML or OIDC. A system or platform a planned flow relies on that lacks one will limit the integration.'),
    rule('platform/fit', 'warning', 'Platform does not fit the flow',
        'The article matches platforms to volume and style: Zapier for "simple, low-volume automations", Make for "moderate volume", MuleSoft, Boomi and Workato for enterprise volume. A realtime flow needs webhook support, and a flow above the platform\'s volume tier will be throttled or priced out.'),
    rule('reliability/downtime', 'warning', 'Integration downtime above budget',
        'The article\'s ROI target for system downtime: "hours of integration-related outages per month ... below 2 hours". A flow above the policy\'s `downtime-budget` misses that target on its own.'),
    rule('roadmap/wip-limit', 'warning', 'Too many initiatives in flight',
        'Trying "to integrate too many systems simultaneously" is a cause of the 84 % failure rate; the article says to succeed "by prioritizing 1-2 integrations at a time with dedicated champions". More initiatives overlapping in a month than the policy\'s `wip-limit` (2) repeats that mistake.'),
    rule('roadmap/dependency-order', 'error', 'Initiative starts before its dependency ends',
        'An initiative that depends on another cannot be delivered before the other is done; scheduling it earlier means either the plan is wrong or the work will stall waiting, and the roadmap\'s dates are fiction.'),
    rule('roadmap/dependency-cycle', 'error', 'Initiatives depend on each other in a cycle',
        'Initiatives that depend on each other in a cycle can never start: each waits for another to end. Without months no date shows the contradiction, so the roadmap looks plannable while it is not.'),
    rule('roadmap/unaddressed-gap', 'info', 'Gap no initiative replaces',
        'The roadmap exists to close the gaps found in the assessment (the article\'s step 3). A gap that no initiative `replaces` stays in the estate after the roadmap is done.'),
    rule('roadmap/priority-order', 'info', 'Priority disagrees with impact',
        'The article: "Prioritize integrations by business impact, not technical complexity" — measured as hours of manual work eliminated. An initiative that saves more hours per week than a higher-priority one suggests the order is wrong.'),
    rule('change/champions', 'warning', 'Too few integration champions',
        'The 84 % failure rate is "overwhelmingly a change management failure". The article: "Identify 2-3 integration champions per department who are technically comfortable and socially influential". A department an initiative touches with fewer than the policy\'s minimum has nobody to carry the change.'),
    rule('change/parallel-run', 'warning', 'Parallel run or retrospective missing',
        'The article: "Run parallel systems for 2-4 weeks during transition" and "Conduct 30-day retrospective". Without a parallel run a defect in the new integration goes straight into production data; without a retrospective the lessons are lost for the next initiative.'),
    rule('roi/targets', 'warning', 'ROI targets missing or weaker than the article\'s',
        'The article\'s ROI targets: manual data entry hours 50 %+ reduction, error rate below 1 %, report generation time 75 % reduction, productivity 10–20 % improvement, downtime below 2 hours per month. An initiative without targets, or with weaker ones, cannot show its return.'),
    rule('waiver/expired', 'warning', 'Expired waiver',
        'An `accept` is a documented, time-boxed decision to live with a finding. Past its `until` date the decision must be revisited: the finding counts again, and the waiver that still reads as a decision no longer is one.'),
    rule('waiver/unknown-rule', 'warning', 'Waiver of a rule that does not exist',
        'A waiver naming a rule that does not exist accepts nothing: the finding it was written for stays open while the file reads as if it were decided, usually because of a typo in the rule id.'),
    rule('waiver/duplicate', 'warning', 'Two waivers of the same finding',
        'Two `accept`s of the same rule on the same element are two records of one decision, with their own reasons, tickets and dates; only one applies, and when it lapses the other silently takes over or does not.'),
    rule('policy/conflict', 'error', 'Policy blocks set the same setting differently',
        'Settings may be spread over `policy` blocks in several files; when two set the same thing differently, the file read last wins, so which rule severity or budget applies depends on file names. Each side of the contradiction is reported.'),
    rule('policy/unknown-rule', 'warning', 'Policy names a rule that does not exist',
        'A `rule "…"` setting for a rule id that does not exist changes nothing: the rule it was meant for keeps its catalogue severity, usually because of a typo in the id.')
];

/** The catalogue rule an unknown id most likely means: a few typos away, or the same name in another area. */
export function closestRuleId(unknown: string): string | undefined {
    const name = unknown.slice(unknown.indexOf('/') + 1);
    let best: { id: string; distance: number } | undefined;
    for (const { id } of CATALOGUE) {
        const away = Math.min(editDistance(unknown, id), editDistance(name, id.slice(id.indexOf('/') + 1)) + 1);
        if (!best || away < best.distance) best = { id, distance: away };
    }
    return best && best.distance <= Math.max(2, Math.floor(unknown.length / 4)) ? best.id : undefined;
}
