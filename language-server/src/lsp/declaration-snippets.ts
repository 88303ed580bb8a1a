/**
 * The declarations as snippets, offered by the server where their keyword is valid (so never
 * inside a block or in a value position). A placeholder that names something (`@System`) offers
 * the names the workspace has, so what is inserted links before the user tabs through it; a line
 * whose names the workspace does not have yet is left out. `@new:Kind` is a name not yet taken.
 */
export interface DeclarationSnippet {
    /** The keyword the snippet stands for: it is offered where that keyword starts a declaration. */
    keyword: string;
    label: string;
    description: string;
    body: readonly string[];
}

/** What a placeholder may name. */
export type NamedKind = 'System' | 'Department' | 'Entity' | 'Flow';

export interface SnippetNames {
    of(kind: NamedKind): readonly string[];
    taken(name: string): boolean;
}

export const DECLARATION_SNIPPETS: readonly DeclarationSnippet[] = [
    {
        keyword: 'policy', label: 'policy', description: 'Workspace policy (defaults are the article\'s figures)',
        body: ['policy {', '\twip-limit ${1:2}', '\tchampions ${2:2} to ${3:3} per department', '\tparallel-run ${4:2} to ${5:4} weeks', '\tmin-tls ${6:1.2}', '\tdowntime-budget ${7:2} hours per month', '}']
    },
    {
        keyword: 'department', label: 'department', description: 'A department with its change champions',
        body: ['department ${1:@new:Department} "${2:Title}" { champions "${3:First champion}", "${4:Second champion}" }']
    },
    {
        keyword: 'regulation', label: 'regulation', description: 'A regulation with its audit retention minimum',
        body: ['regulation ${1:@new:Regulation} "${2:Title}" { retention ${3:6} ${4|years,months|} }']
    },
    {
        keyword: 'classification', label: 'classification', description: 'A data classification with the controls it requires',
        body: ['classification ${1:@new:Classification} "${2:Title}" {', '\tlevel ${3|confidential,restricted,internal,public|}', '\tregulations ${4:GDPR}', '\trequires tls 1.2, encryption aes256, audit, oauth2', '}']
    },
    {
        keyword: 'entity', label: 'entity', description: 'A business entity with its master system and fields',
        body: ['entity ${1:@new:Entity} "${2:Title}" {', '\tmaster ${3:@System}', '\tfreshness ${4:15} ${5|minutes,hours,days|}', '\tfield ${6:id}', '\tfield ${7:email}: ${8:PII}', '}']
    },
    {
        keyword: 'platform', label: 'platform', description: 'An integration platform and the selection criteria it meets',
        body: ['platform ${1:@new:Platform} "${2:Title}" {', '\tkind ${3|ipaas,esb,automation,etl,api-gateway,message-broker,custom|}', '\tsupports ${4:webhooks, bulk, connectors, sso}', '\tagreements ${5:dpa}', '\tvolume ${6|moderate,low,high|}', '\tprice ${7:10000} to ${8:50000} ${9:USD} per year', '}']
    },
    {
        keyword: 'system', label: 'system', description: 'An application of the estate',
        body: ['system ${1:@new:System} "${2:Title}" {', '\tkind ${3|crm,erp,finance,hr,payroll,marketing,supply-chain,analytics,spreadsheet,personal-tool,custom,legacy|}', '\tdepartment ${4:@Department}', '\towner "${5:Owner}"', '\thosting ${6|saas,cloud,on-prem,desktop|}', '\tstores ${7:@Entity}', '\tencryption aes256', '\tsupports ${8:open-api, webhooks, sso-saml}', '}']
    },
    {
        keyword: 'system', label: 'system (shadow IT)', description: 'A shadow IT tool (spreadsheet or personal tool)',
        body: ['system ${1:@new:Sheet} "${2:Title}" { kind ${3|spreadsheet,personal-tool|}  shadow  department ${4:@Department}  owner "${5:Owner}" }']
    },
    {
        keyword: 'flow', label: 'flow', description: 'Data moving from one system to another',
        body: ['flow ${1:@new:Flow} "${2:Title}" : ${3:@System} ${4|->,<->|} ${5:@System+1} {', '\tcarries ${6:@Entity}.${7:*}', '\tstyle ${8|api,manual,email,file,batch,webhook,event,cdc,script,shared-db|}', '\tschedule ${9:realtime}', '\tauth ${10|oauth2,mtls,api-key,basic,shared-account,none|}', '\tsecrets ${11|vault,platform,env,hardcoded|}', '\ttls 1.2', '\taudit', '\tmonitored', '\tstatus ${12|live,planned,retired|}', '}']
    },
    {
        keyword: 'process', label: 'process', description: 'A business process (one of the top 20) and its flows',
        body: ['process ${1:@new:Process} "${2:Title}" {', '\trank ${3:1}', '\tneeds ${4:realtime}', '\tsteps ${5:@Flow}', '}']
    },
    {
        keyword: 'roadmap', label: 'roadmap', description: 'An integration roadmap with one initiative',
        body: ['roadmap ${1:@new:Roadmap} "${2:Title}" {', '\tstart ${3:2027-01}', '\tinitiative ${4:@new:Initiative} "${5:Title}" {', '\t\tpriority 1', '\t\tmonths 1 to 3', '\t\tdepartments ${6:@Department}', '\t\treplaces ${7:@Flow}', '\t\tparallel-run 3 weeks', '\t\tretrospective 30 days', '\t\ttargets { manual-hours -50%  error-rate below 1% }', '\t}', '}']
    },
    {
        keyword: 'initiative', label: 'initiative', description: 'One integration project inside a roadmap',
        body: ['initiative ${1:@new:Initiative} "${2:Title}" {', '\tpriority ${3:1}', '\tmonths ${4:1} to ${5:3}', '\tdepartments ${6:@Department}', '\treplaces ${7:@Flow}', '\tparallel-run 3 weeks', '\tretrospective 30 days', '\ttargets { manual-hours -50%  error-rate below 1% }', '}']
    },
    {
        keyword: 'accept', label: 'accept', description: 'Waive one finding, with a reason, ticket and expiry',
        body: ['accept "${1:rule/id}" on ${2:@System} "${3:Reason}" { ticket "${4:OPS-1}"  until ${5:2027-06-30} }']
    }
];

/** A choice longer than this is a list to scroll, not a choice; the user types the name instead. */
const MAX_CHOICES = 30;

const NAMED = /\$\{(\d+):@(new:)?(\w+)(\+1)?\}/g;

/**
 * The snippet's text for this workspace: named placeholders become a choice of existing names
 * (rotated by one for `+1`, so a flow's target is not its source), `@new:` a free name, and a line
 * naming something the workspace has none of is dropped, unless it is the declaration's first line.
 */
export function expandSnippet(snippet: DeclarationSnippet, names: SnippetNames): string {
    const lines: string[] = [];
    snippet.body.forEach((line, index) => {
        let missing = false;
        const expanded = line.replace(NAMED, (_, tab: string, isNew: string | undefined, kind: string, rotate: string | undefined) => {
            if (isNew) return `\${${tab}:${freeName(kind, names)}}`;
            const known = names.of(kind as NamedKind).slice(0, MAX_CHOICES);
            if (known.length === 0) {
                missing = true;
                return `\${${tab}:${kind}}`;
            }
            const shift = rotate && known.length > 1 ? 1 : 0;
            return `\${${tab}|${[...known.slice(shift), ...known.slice(0, shift)].join(',')}|}`;
        });
        if (!missing || index === 0) lines.push(expanded);
    });
    return lines.join('\n');
}

/** `System1`, `System2`, …: the first not declared anywhere (the namespace is workspace-wide). */
function freeName(kind: string, names: SnippetNames): string {
    for (let n = 1; ; n++) {
        if (!names.taken(`${kind}${n}`)) return `${kind}${n}`;
    }
}
