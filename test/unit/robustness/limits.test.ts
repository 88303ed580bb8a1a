import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { answerRoadmapRequest } from '../../../language-server/src/lsp/roadmap-request.js';
import type { WorkspaceAnalysis } from '../../../language-server/src/workspace/workspace-analysis.js';
import { renderGanttSvg } from '../../../language-server/src/roadmap/gantt-svg.js';
import { roadmapHtmlPage } from '../../../language-server/src/roadmap/roadmap-html.js';
import { roadmapMarkdown } from '../../../language-server/src/roadmap/roadmap-markdown.js';
import { roadmapReport } from '../../../language-server/src/roadmap/roadmap-report.js';
import { loadTexts } from '../helpers/workspace.js';

/**
 * Issue 15 items 3 and 5, issue 16 item 6: every number the language accepts has a maximum, a value
 * beyond it is an error on the value, and no output shows NaN or Infinity or crashes on a date.
 */

const HUGE = '9'.repeat(400);
const SHOWN = '999999999999… (400 digits)';

/** A model that uses every kind of value, each written as `{{name}}` to be filled in. */
const BASE: Record<string, string> = {
    wipLimit: '2', championsMax: '3', policyRunMax: '4', budget: '2 hours per month', hourlyCost: '48',
    regulationRetention: '6 years', requiredRetention: '7 years', freshness: '15 minutes',
    priceMax: '250000', users: '120', every: '15 minutes', auditRetention: '7 years', effort: '12 hours per week',
    errors: '3%', downtime: '3 hours per month', volume: '5000', rank: '1', needs: '1 hour',
    start: '2027-01', priority: '1', monthsTo: '3', parallelRun: '3 weeks', retrospective: '30 days', cost: '180000',
    manualHours: '-50%', targetDowntime: '2 hours per month', until: '2027-06-30', tls: '1.2'
};

function model(values: Record<string, string>): string {
    const v = { ...BASE, ...values };
    return `policy {
  wip-limit ${v.wipLimit}
  champions 2 to ${v.championsMax} per department
  parallel-run 2 to ${v.policyRunMax} weeks
  downtime-budget ${v.budget}
  hourly-cost ${v.hourlyCost} USD
}
regulation Reg { retention ${v.regulationRetention} }
classification Secret { requires retention ${v.requiredRetention} }
entity Order { freshness ${v.freshness}  field total: Secret }
platform Hub { price 50000 to ${v.priceMax} USD per year }
system Crm { kind crm  users ${v.users}  stores Order }
system Erp { kind erp  stores Order }
flow Sync : Crm -> Erp { carries Order.total  style manual  tls ${v.tls}  schedule every ${v.every}  audit retention ${v.auditRetention}  effort ${v.effort}  errors ${v.errors}  downtime ${v.downtime}  volume ${v.volume} per day }
process OrderToCash { rank ${v.rank}  needs every ${v.needs}  steps Sync }
roadmap Plan {
  start ${v.start}
  initiative Fix { priority ${v.priority}  months 1 to ${v.monthsTo}  replaces Sync  parallel-run ${v.parallelRun}  retrospective ${v.retrospective}  cost ${v.cost} USD
    targets { manual-hours ${v.manualHours}  downtime below ${v.targetDowntime} } }
}
accept "gap/batch" on Sync "Known" { until ${v.until} }
`;
}

interface Case {
    /** The value set, as BASE names it. */
    values: Record<string, string>;
    message: string;
    /** The text the diagnostic covers. */
    covers: string;
}

const BEYOND: Record<string, Case> = {
    'initiative months': { values: { monthsTo: '1000000' }, covers: '1000000', message: "Month 1000000 is too far out: initiative months run from 1 to 600 (50 years from the roadmap's start)." },
    'roadmap start year': { values: { start: '1899-12' }, covers: '1899-12', message: 'Year 1899 is outside 1900–2199, the years a roadmap may start in.' },
    'roadmap start year, late': { values: { start: '2200-01' }, covers: '2200-01', message: 'Year 2200 is outside 1900–2199, the years a roadmap may start in.' },
    'waiver until year': { values: { until: '1800-01-01' }, covers: '1800-01-01', message: 'Year 1800 is outside 1900–9999, the years the language accepts.' },
    'retrospective (issue 15 item 5)': { values: { retrospective: '300000 years' }, covers: '300000 years', message: '300000 years is too long: durations are at most 100 years.' },
    'parallel run': { values: { parallelRun: '5215 weeks' }, covers: '5215 weeks', message: '5215 weeks is too long: durations are at most 100 years.' },
    'policy parallel run': { values: { policyRunMax: HUGE }, covers: HUGE, message: `${SHOWN} weeks is too long: durations are at most 100 years.` },
    'regulation retention': { values: { regulationRetention: '101 years' }, covers: '101 years', message: '101 years is too long: durations are at most 100 years.' },
    'required retention': { values: { requiredRetention: '1217 months' }, covers: '1217 months', message: '1217 months is too long: durations are at most 100 years.' },
    freshness: { values: { freshness: `${HUGE} minutes` }, covers: `${HUGE} minutes`, message: `${SHOWN} minutes is too long: durations are at most 100 years.` },
    schedule: { values: { every: '36501 days' }, covers: '36501 days', message: '36501 days is too long: durations are at most 100 years.' },
    'audit retention': { values: { auditRetention: '876001 hours' }, covers: '876001 hours', message: '876001 hours is too long: durations are at most 100 years.' },
    'process needs': { values: { needs: '200 years' }, covers: '200 years', message: '200 years is too long: durations are at most 100 years.' },
    'effort (issue 16 item 6)': { values: { effort: `${HUGE} hours per week` }, covers: `${HUGE} hours per week`, message: `${SHOWN} hours per week is too much: effort is at most 10,000 hours per week (250 people full time).` },
    'effort per hour': { values: { effort: '3 days per hour' }, covers: '3 days per hour', message: '3 days per hour is too much: effort is at most 10,000 hours per week (250 people full time).' },
    'flow downtime': { values: { downtime: '800 hours per month' }, covers: '800 hours per month', message: '800 hours per month is longer than the month itself.' },
    'downtime budget': { values: { budget: '2 days per day' }, covers: '2 days per day', message: '2 days per day is longer than the day itself.' },
    'target downtime': { values: { targetDowntime: '169 hours per week' }, covers: '169 hours per week', message: '169 hours per week is longer than the week itself.' },
    'cost (issue 16 item 6)': { values: { cost: HUGE }, covers: `${HUGE} USD`, message: `${SHOWN} is too large: amounts of money are at most 1,000,000,000,000, in any currency.` },
    'hourly cost (issue 16 item 6)': { values: { hourlyCost: HUGE }, covers: HUGE, message: `${SHOWN} is too large: amounts of money are at most 1,000,000,000,000, in any currency.` },
    'platform price': { values: { priceMax: '1000000000001' }, covers: '1000000000001', message: '1000000000001 is too large: amounts of money are at most 1,000,000,000,000, in any currency.' },
    users: { values: { users: '1000000001' }, covers: '1000000001', message: '1000000001 is too large: the number of users is at most 1,000,000,000.' },
    volume: { values: { volume: HUGE }, covers: HUGE, message: `${SHOWN} is too large: a volume is at most 1,000,000,000.` },
    rank: { values: { rank: HUGE }, covers: HUGE, message: `${SHOWN} is too large: a rank is at most 1,000,000,000.` },
    priority: { values: { priority: HUGE }, covers: HUGE, message: `${SHOWN} is too large: a priority is at most 1,000,000,000.` },
    'wip-limit': { values: { wipLimit: HUGE }, covers: HUGE, message: `${SHOWN} is too large: the wip-limit is at most 1,000,000,000.` },
    champions: { values: { championsMax: HUGE }, covers: HUGE, message: `${SHOWN} is too large: a number of champions is at most 1,000,000,000.` },
    'error rate': { values: { errors: `${HUGE}%` }, covers: `${HUGE}%`, message: `${SHOWN.replace('400', '401')} is outside -100% to +100%.` },
    'manual-hours target': { values: { manualHours: '-101%' }, covers: '-101%', message: '-101% is outside -100% to +100%.' },
    'TLS version': { values: { tls: `${HUGE}.5` }, covers: `${HUGE}.5`, message: `Unknown TLS version ${SHOWN.replace('400', '402')}; use none, 1.0, 1.1, 1.2 or 1.3.` }
};

/** The largest value of each kind the language accepts: no error. */
const AT_LIMIT: Record<string, string> = {
    monthsTo: '600', start: '2199-12', until: '9999-12-31', retrospective: '100 years', parallelRun: '5214 weeks', every: '36500 days',
    effort: '10000 hours per week', downtime: '720 hours per month', targetDowntime: '168 hours per week', cost: '1000000000000',
    hourlyCost: '1000000000000', users: '1000000000', volume: '1000000000', priority: '1000000000', wipLimit: '1000000000', manualHours: '-100%'
};

/** Error diagnostics of the language (not rule findings) as `covered text → message`. */
async function languageErrors(text: string): Promise<string[]> {
    const ws = await loadTexts({ 'a.integ': text });
    const lines = text.split('\n');
    return ws.diagnostics.get('file:///ws/a.integ')!
        .filter(d => d.severity === 1 && (typeof d.code !== 'string' || !d.code.includes('/')))
        .map(d => `${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)} → ${d.message}`);
}

describe('a value beyond its maximum is an error on the value', () => {
    test('the model with ordinary values has no language error', async () => {
        expect(await languageErrors(model({}))).toEqual([]);
    });

    test.each(Object.entries(BEYOND))('%s', async (_name, { values, covers, message }) => {
        expect(await languageErrors(model(values))).toEqual([`${covers} → ${message}`]);
    });

    test('the largest accepted values are no error', async () => {
        expect(await languageErrors(model(AT_LIMIT))).toEqual([]);
    });
});

/** Every rendering of the roadmap and every finding: what a user could read a NaN or an Infinity in. */
async function everythingShown(text: string): Promise<string> {
    const ws = await loadTexts({ 'a.integ': text });
    const { estate, findings } = ws.analysis;
    const report = roadmapReport(estate, { today: '2027-02-01', findings });
    return [
        ...findings.map(f => f.message),
        renderGanttSvg(report.schedule), roadmapMarkdown(report.schedule, report.impact), roadmapHtmlPage(report.schedule, report.impact),
        JSON.stringify(report.impact, (_key, value: unknown) => typeof value === 'number' && !Number.isFinite(value) ? String(value) : value)
    ].join('\n');
}

describe('no NaN, no Infinity, no crash downstream of a value beyond its maximum', () => {
    test('400-digit effort, cost and hourly cost (issue 16 item 6: "Infinity h/week", "Payback NaN months", "NaN%")', async () => {
        const shown = await everythingShown(model({ effort: `${HUGE} hours per week`, cost: HUGE, hourlyCost: HUGE }));
        expect(shown).not.toMatch(/NaN|Infinity/);
        expect(shown).toContain('Manual re-entry from Crm to Erp costs an estimated 10–20 h/week');
    });

    test('every value beyond its maximum at once', async () => {
        const all = Object.assign({}, ...Object.values(BEYOND).map(c => c.values)) as Record<string, string>;
        expect(await everythingShown(model(all))).not.toMatch(/NaN|Infinity|Invalid/);
    });

    test('the largest accepted values at once: figures stay finite', async () => {
        expect(await everythingShown(model(AT_LIMIT))).not.toMatch(/NaN|Infinity/);
    });

    test('roadmaps as far apart as their starts may be: the chart spans 4,188 months, not 97,788', async () => {
        const ws = await loadTexts({ 'a.integ': 'roadmap A { start 1900-01  initiative I { months 1 } }\nroadmap B { start 2199-12  initiative J { months 1 to 600 } }\n' });
        const report = roadmapReport(ws.analysis.estate, { today: '2027-02-01', findings: ws.analysis.findings });
        expect(report.schedule.months).toHaveLength((2199 - 1900) * 12 + 11 + 600);
    });

    test('months beyond the maximum leave the initiative off the calendar, with the reason', async () => {
        const ws = await loadTexts({ 'a.integ': model({ monthsTo: '300000' }) });
        const report = roadmapReport(ws.analysis.estate, { today: '2027-02-01', findings: ws.analysis.findings });
        expect(report.schedule.months).toEqual([]);
        expect(report.schedule.unscheduled).toEqual([{ name: 'Fix', title: 'Fix', roadmap: 'Plan', reason: '`months` must run forward from month 1 to at most month 600' }]);
    });
});

describe('months: 3 × 300,000 gave the server no answer after 120 s (issue 15 item 3)', () => {
    test('the roadmap preview answers with the initiatives off the calendar, and each value is an error', async () => {
        const text = `roadmap R { start 2027-01\n${[1, 2, 3].map(i => `  initiative I${i} { months 1 to 300000 }`).join('\n')}\n}\n`;
        const ws = await loadTexts({ 'a.integ': text });
        expect(await languageErrors(text)).toEqual(Array(3).fill("300000 → Month 300000 is too far out: initiative months run from 1 to 600 (50 years from the roadmap's start)."));
        const answer = answerRoadmapRequest({ today: '2027-02-01' }, { result: ws.analysis } as unknown as WorkspaceAnalysis, false);
        expect(answer.report.schedule.months).toEqual([]);
        expect(answer.report.schedule.unscheduled.map(u => u.name)).toEqual(['I1', 'I2', 'I3']);
    });

    test('600 months of 2,000 initiatives: each month over the WIP limit names 10 and counts the rest', async () => {
        const text = `roadmap R { start 2027-01\n${Array.from({ length: 2_000 }, (_, i) => `  initiative I${i} { months 1 to 600 }`).join('\n')}\n}\n`;
        const ws = await loadTexts({ 'a.integ': text });
        const wip = ws.analysis.findings.filter(f => f.ruleId === 'roadmap/wip-limit');
        expect(wip).toHaveLength(600);
        expect(wip[0].message).toBe('2000 initiatives in flight in 2027-01 (I0, I1, I10, I100, I1000, I1001, I1002, I1003, I1004, I1005 and 1990 more); the policy allows 2 (roadmap/wip-limit)');
        expect(wip.every(f => f.related!.length === 10)).toBe(true);
    });
});

describe('the command line on `retrospective 300000 years` (issue 15 item 5)', () => {
    let folder: string;

    async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        let stdout = '';
        let stderr = '';
        const code = await runCli(args, { cwd: folder, stdout: { write: text => { stdout += text; } }, stderr: { write: text => { stderr += text; } } });
        return { code, stdout, stderr };
    }

    beforeAll(() => {
        folder = mkdtempSync(join(tmpdir(), 'integ-limits-'));
        writeFileSync(join(folder, 'estate.integ'), model({ retrospective: '300000 years' }));
    });

    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    test('integ check reports the error on the value (it said nothing) and exits 1', async () => {
        const result = await cli('check');
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^estate\.integ:18:\d+ error 300000 years is too long: durations are at most 100 years\. \[check\]$/m);
    });

    test.each([['roadmap'], ['roadmap', '-o', 'roadmap.html'], ['report'], ['report', '--format', 'html'], ['report', '--format', 'json']])('integ %s writes its output (it crashed: "Invalid time value")', async (...args) => {
        const result = await cli(...args);
        expect(result.stderr).not.toMatch(/internal error|Invalid time value/);
        expect(result.code).toBe(0);
        const output = args.includes('-o') ? readFileSync(join(folder, args[args.indexOf('-o') + 1]), 'utf8') : result.stdout;
        expect(output).toMatch(/Manual|manual/);
        expect(output).not.toMatch(/NaN|Infinity/);
    });
});
