import { describe, expect, test } from 'vitest';
import { findingsByRegulation } from '../../../language-server/src/analysis/findings-breakdown.js';
import type { Classification } from '../../../language-server/src/model/estate.js';
import { loadTexts } from '../helpers/workspace.js';
import { at, check } from './rule-check.js';

/**
 * Every control a classification `requires`, and every default of regulated data, binds every flow
 * that carries and every system that holds a field of it: one finding per element and control,
 * naming the classification, with the severity of its level.
 */

const DECLARED = `
regulation ExportControl { retention 5 years }
classification TradeSecret { level restricted  requires tls 1.3, encryption aes256, audit, oauth2, retention 2 years }
classification StaffRoster { level internal  requires encryption aes128, audit, oauth2, retention 1 year }
classification Controlled { regulations ExportControl }
`;

type Control = 'tls' | 'encryption' | 'audit' | 'oauth2' | 'retention';

interface Row {
    classification: string;
    control: Control;
    /** For tls and encryption: the version or encryption the classification demands. */
    demand?: string;
    severity: 'error' | 'warning' | 'info';
    /** The end of the message: who requires it. */
    why: string;
}

const TLS_BELOW: Record<string, string> = { '1.2': '1.1', '1.3': '1.2' };
const ENCRYPTION_BELOW: Record<string, string> = { aes256: 'aes128', aes128: 'none' };

/** A model where `Record.data` (of the classification) moves from Src to Dst with every control in place, or with one broken. */
function model(row: Row, broken?: Control): string {
    const tls = broken === 'tls' ? TLS_BELOW[row.demand ?? '1.2'] : '1.3';
    const encryption = broken === 'encryption' ? ENCRYPTION_BELOW[row.demand ?? 'aes256'] : 'aes256';
    const auth = broken === 'oauth2' ? 'basic' : 'oauth2';
    const audit = broken === 'audit' ? '' : `  audit retention ${broken === 'retention' ? '1 month' : '7 years'}`;
    return `${DECLARED}
entity Record { master Src  field data: ${row.classification} }
system Src { kind custom  owner "Ops"  stores Record  encryption aes256 }
system Dst { kind custom  owner "Ops"  stores Record  encryption ${encryption} }
flow Move : Src -> Dst { carries Record.data  style api  auth ${auth}  secrets vault  tls ${tls}${audit}  monitored }
`;
}

const RULE: Record<Control, string> = {
    tls: 'security/tls', encryption: 'security/encryption-at-rest', audit: 'security/audit-log', oauth2: 'security/oauth2', retention: 'compliance/retention'
};

/** Where the finding is shown: the written value it is about, or the element's name. */
const SHOWN_AT: Record<Control, (text: string) => { line: number; character: number }> = {
    tls: text => valueAfter(text, 'flow Move', 'tls '),
    encryption: text => valueAfter(text, 'system Dst', 'encryption '),
    audit: text => at(text, 'Move :'),
    oauth2: text => valueAfter(text, 'flow Move', 'auth '),
    retention: text => valueAfter(text, 'flow Move', 'retention ')
};

/** Where the value of `keyword` starts in the declaration that begins with `declaration`. */
function valueAfter(text: string, declaration: string, keyword: string): { line: number; character: number } {
    const offset = text.indexOf(keyword, text.indexOf(declaration)) + keyword.length;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function describe_(row: Row): string {
    const regulations = row.classification === 'Controlled' ? ['ExportControl'] : (STDLIB_REGULATION[row.classification] ?? []);
    return `Record.data (${[row.classification, ...regulations].join(', ')})`;
}

const STDLIB_REGULATION: Record<string, string[]> = { PII: ['GDPR'], SensitivePII: ['GDPR'], PHI: ['HIPAA'], PCI: ['PCI-DSS'], Financial: ['SOX'] };

function message(row: Row): string {
    const field = describe_(row);
    switch (row.control) {
        case 'tls': return `${field} moves over TLS ${TLS_BELOW[row.demand ?? '1.2']}; ${row.why} (security/tls)`;
        case 'encryption': return `Dst stores ${field} ${row.demand === 'aes128' ? 'without encryption at rest' : 'with encryption aes128'}; ${row.why} (security/encryption-at-rest)`;
        case 'audit': return `Move moves ${field} from Src to Dst without an audit log; ${row.why} (security/audit-log)`;
        case 'oauth2': return `Move carries ${field} and authenticates with basic auth; ${row.why} (security/oauth2)`;
        case 'retention': return `Move keeps its audit log 1 month; ${row.why} for ${field} (compliance/retention)`;
    }
}

const AUDIT = (who: string) => `${who} every movement to be logged with timestamp, source, destination and user`;
const OAUTH = (who: string) => `${who} OAuth 2.0 (or mTLS) for system-to-system connections`;

/** Each declared control of each standard-library classification, then a user's, then the regulated-data defaults. */
const ROWS: Row[] = [
    { classification: 'Confidential', control: 'tls', demand: '1.2', severity: 'error', why: 'Confidential requires TLS 1.2+' },
    ...['PII', 'SensitivePII', 'PHI', 'PCI'].flatMap((name): Row[] => [
        { classification: name, control: 'tls', demand: '1.2', severity: 'error', why: `${name} requires TLS 1.2+` },
        { classification: name, control: 'encryption', demand: 'aes256', severity: 'error', why: `${name} requires AES-256 at rest` },
        { classification: name, control: 'audit', severity: 'error', why: AUDIT(`${name} requires`) },
        { classification: name, control: 'oauth2', severity: 'error', why: OAUTH(`${name} requires`) }
    ]),
    { classification: 'PHI', control: 'retention', severity: 'warning', why: 'PHI requires 6 years' },
    { classification: 'PCI', control: 'retention', severity: 'warning', why: 'PCI requires 1 year' },
    { classification: 'Financial', control: 'tls', demand: '1.2', severity: 'error', why: 'Financial requires TLS 1.2+' },
    { classification: 'Financial', control: 'encryption', demand: 'aes256', severity: 'error', why: 'Financial requires AES-256 at rest' },
    { classification: 'Financial', control: 'audit', severity: 'error', why: AUDIT('Financial requires') },
    { classification: 'Financial', control: 'retention', severity: 'warning', why: 'Financial requires 7 years' },
    { classification: 'Credentials', control: 'tls', demand: '1.2', severity: 'error', why: 'Credentials requires TLS 1.2+' },
    { classification: 'Credentials', control: 'encryption', demand: 'aes256', severity: 'error', why: 'Credentials requires AES-256 at rest' },
    { classification: 'Credentials', control: 'audit', severity: 'error', why: AUDIT('Credentials requires') },
    // A user's restricted classification: the full severity; an internal one: one step less.
    { classification: 'TradeSecret', control: 'tls', demand: '1.3', severity: 'error', why: 'TradeSecret requires TLS 1.3+' },
    { classification: 'TradeSecret', control: 'encryption', demand: 'aes256', severity: 'error', why: 'TradeSecret requires AES-256 at rest' },
    { classification: 'TradeSecret', control: 'audit', severity: 'error', why: AUDIT('TradeSecret requires') },
    { classification: 'TradeSecret', control: 'oauth2', severity: 'error', why: OAUTH('TradeSecret requires') },
    { classification: 'TradeSecret', control: 'retention', severity: 'warning', why: 'TradeSecret requires 2 years' },
    { classification: 'StaffRoster', control: 'encryption', demand: 'aes128', severity: 'warning', why: 'StaffRoster requires AES-128 at rest' },
    { classification: 'StaffRoster', control: 'audit', severity: 'warning', why: AUDIT('StaffRoster requires') },
    { classification: 'StaffRoster', control: 'oauth2', severity: 'warning', why: OAUTH('StaffRoster requires') },
    { classification: 'StaffRoster', control: 'retention', severity: 'info', why: 'StaffRoster requires 1 year' },
    // Regulated data needs AES-256, audit and OAuth 2.0 even where its classification does not say so.
    { classification: 'Financial', control: 'oauth2', severity: 'error', why: 'the article requires OAuth 2.0 for system-to-system connections' },
    { classification: 'Controlled', control: 'encryption', demand: 'aes256', severity: 'error', why: 'the article requires AES-256 for regulated data at rest' },
    { classification: 'Controlled', control: 'audit', severity: 'error', why: 'every movement of regulated data must be logged with timestamp, source, destination and user' },
    { classification: 'Controlled', control: 'oauth2', severity: 'error', why: 'the article requires OAuth 2.0 for system-to-system connections' },
    { classification: 'Controlled', control: 'retention', severity: 'warning', why: 'ExportControl requires 5 years' }
];

describe.each(ROWS.map(row => [`${row.classification} ${row.control}`, row]))('%s', (_name, row) => {
    test(`a broken ${row.control} gives one ${RULE[row.control]} finding naming who requires it`, async () => {
        const text = model(row, row.control);
        const { findings, diagnostics } = await check(text, RULE[row.control]);
        expect(findings.map(f => f.message)).toEqual([message(row)]);
        expect(findings.map(f => f.severity)).toEqual([row.severity]);
        expect(diagnostics[0].range.start).toEqual(SHOWN_AT[row.control](text));
    });

    test('with the control in place there is no finding of any of the five rules', async () => {
        const text = model(row);
        for (const ruleId of Object.values(RULE)) expect((await check(text, ruleId)).findings, ruleId).toEqual([]);
    });
});

test('the table has a row for every control every standard-library classification declares', async () => {
    const { analysis } = await loadTexts({ 'a.integ': '' });
    const declared = (classification: Classification): string[] => {
        const { minTls, encryption, audit, oauth2, retentionMonths } = classification.requires;
        return [minTls && 'tls', encryption && 'encryption', audit && 'audit', oauth2 && 'oauth2', retentionMonths && 'retention'].filter((c): c is string => typeof c === 'string');
    };
    const stdlib = [...analysis.estate.classifications.values()].filter(c => c.source.builtin);
    const wanted = stdlib.flatMap(c => declared(c).map(control => `${c.name} ${control}`)).sort();
    const covered = ROWS.filter(row => stdlib.some(c => c.name === row.classification) && declared(stdlib.find(c => c.name === row.classification) as Classification).includes(row.control))
        .map(row => `${row.classification} ${row.control}`).sort();
    expect(covered).toEqual(wanted);
    expect(wanted).toContain('Credentials audit');
});

describe('what a declaration implies for data at rest', () => {
    const base = `
entity Order { master Netsuite  field total: Financial  field lines }
system Shop { kind custom  owner "Ops"  stores Order  encryption aes256 }
system Netsuite { kind erp  owner "Ops"  encryption aes128 }
flow Orders : Shop -> Netsuite { carries Order.total, Order.lines  style api  auth oauth2  secrets vault  tls 1.2  audit retention 7 years  reconciled  monitored }
`;

    test('the master of an entity stores it: encryption is checked, least privilege is not', async () => {
        const { findings } = await check(base, 'security/encryption-at-rest');
        expect(findings.map(f => f.message)).toEqual(['Netsuite stores Order.total (Financial, SOX) (as master of Order) with encryption aes128; Financial requires AES-256 at rest (security/encryption-at-rest)']);
        expect((await check(base, 'security/least-privilege')).findings).toEqual([]);
    });

    test('the report counts a finding on what a master holds under the data\'s regulation', async () => {
        const { analysis } = await loadTexts({ 'a.integ': base });
        const sox = findingsByRegulation(analysis.estate, analysis.findings).find(row => row.regulation === 'SOX');
        expect(sox?.byRule).toContainEqual({ ruleId: 'security/encryption-at-rest', count: 1 });
    });

    test('a spreadsheet keeps what a flow brings it: regulated data in it is reported on the spreadsheet too', async () => {
        const text = base.replace('master Netsuite', 'master Shop').replace('encryption aes128', 'encryption aes256')
            + 'system Sheet { kind spreadsheet  owner "Ops" }\nflow Copy : Shop -> Sheet { carries Order.total  style manual }\n';
        const encryption = await check(text, 'security/encryption-at-rest');
        expect(encryption.findings.map(f => f.message)).toEqual(['Sheet holds Order.total (Financial, SOX) (received by Copy) without encryption at rest; Financial requires AES-256 at rest (security/encryption-at-rest)']);
        const shadow = await check(text, 'compliance/regulated-in-shadow-it');
        expect(shadow.findings.map(f => f.element.name)).toEqual(['Sheet', 'Copy']);
        expect((await check(text, 'security/least-privilege')).findings.map(f => f.data)).toEqual([{ receiver: 'Netsuite', fields: ['Order.total', 'Order.lines'] }]);
    });
});
