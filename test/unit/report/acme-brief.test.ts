import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEstate, scaledOptions } from '../../../scripts/gen-estate.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { findingsByDepartment, HEAT_AREAS, shadowShareByDepartment } from '../../../language-server/src/analysis/department-figures.js';
import { gapsByType } from '../../../language-server/src/analysis/findings-breakdown.js';
import { findingTotals } from '../../../language-server/src/analysis/findings-totals.js';
import { fixFirst } from '../../../language-server/src/analysis/fix-first.js';
import { roadmapImpact } from '../../../language-server/src/analysis/roadmap-impact.js';
import { roadmapTrajectory } from '../../../language-server/src/analysis/roadmap-trajectory.js';
import { scheduleRoadmaps } from '../../../language-server/src/analysis/roadmap-schedule.js';
import { inventory } from '../../../language-server/src/model/inventory.js';
import type { Estate } from '../../../language-server/src/model/estate.js';
import type { Finding } from '../../../language-server/src/rules/finding.js';
import { folderTexts, loadTexts } from '../helpers/workspace.js';
import { readBrief, type ShownBrief } from './read-brief.js';

/**
 * The demo estate's brief against the analysis run on its own, outside the CLI: every number the
 * page shows is the number the rest of the product computes.
 */
const TODAY = '2026-01-15';
let estate: Estate;
let findings: Finding[];
let brief: ShownBrief;
let markdown: string;

async function report(format: string): Promise<string> {
    let stdout = '';
    await runCli(['report', '.', '--format', format, '--today', TODAY], { stdout: { write: t => (stdout += t) }, stderr: { write: () => true }, cwd: 'samples/acme' });
    return stdout;
}

beforeAll(async () => {
    const files = folderTexts('samples/acme');
    ({ estate, findings } = (await loadTexts(files)).analysis);
    brief = readBrief(await report('html'));
    markdown = await report('md');
});

describe('the brief of samples/acme', () => {
    it('shows the inventory\'s coverage and manual hours, priced at the policy\'s 48 USD an hour', () => {
        const { coverage, manualHours } = inventory(estate);
        expect(brief.cards.coverage.value).toBe(`${coverage.percent} %`);
        expect(brief.cards.coverage.comparison).toContain(`(${coverage.integrated} of ${coverage.total} systems)`);
        expect(brief.cards['manual-hours'].value).toBe(`${manualHours.hoursPerWeek} h`);
        const perYear = Math.round(manualHours.hoursPerWeek * 52 * 10) / 10;
        expect(brief.cards['manual-hours'].comparison).toContain(`${Math.round(perYear * 48).toLocaleString('en-US')} USD a year`);
    });

    it('shows the open errors of "Findings by area"', () => {
        const totals = findingTotals(findings);
        expect(brief.cards.errors.value).toBe(String(totals.total.errors));
        for (const area of totals.byArea.filter(a => a.errors > 0)) expect(brief.cards.errors.comparison).toContain(`${area.area} ${area.errors}`);
    });

    it('names the first five rows of "Fix these first", in order', () => {
        const first = fixFirst(estate, findings, 5);
        expect(brief.actions).toHaveLength(5);
        brief.actions.forEach((line, i) => {
            expect(line.startsWith(`${first[i].finding.element.kind} ${first[i].finding.element.name} — `)).toBe(true);
            expect(line).toContain(first[i].finding.message);
        });
        first.forEach((row, i) => expect(markdown).toContain(`${i + 1}. **${row.finding.element.kind} ${row.finding.element.name}**`));
    });
});

interface Subject { estate: Estate; findings: Finding[]; brief: ShownBrief }

/** The brief of the estate in `folder`, and the same estate analysed outside the CLI. */
async function subjectIn(folder: string): Promise<Subject> {
    const files = folderTexts(folder);
    const { estate, findings } = (await loadTexts(files)).analysis;
    let stdout = '';
    await runCli(['report', '.', '--format', 'html', '--today', TODAY], { stdout: { write: t => (stdout += t) }, stderr: { write: () => true }, cwd: folder });
    return { estate, findings, brief: readBrief(stdout) };
}

/** An estate the charts were not written against: generated, with its own departments, gaps and roadmap. */
function generatedFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'integ-brief-'));
    for (const file of generateEstate(scaledOptions(80, { files: 3, seed: 5 })).files) writeFileSync(join(folder, file.name), file.text);
    return folder;
}

describe.each([['samples/acme', () => 'samples/acme'], ['a generated estate of 80 systems', generatedFolder]])('the charts of the brief of %s', (_name, folderOf) => {
    let subject: Subject;
    beforeAll(async () => {
        subject = await subjectIn(folderOf());
    });

    it('draws one bar per gap type with its hours, lengths in proportion', () => {
        const [chart] = subject.brief.charts.gaps;
        expect(chart.bars.length).toBeGreaterThan(0);
        expect(chart.bars.map(b => [b.label, b.value])).toEqual(gapsByType(subject.estate, subject.findings).map(g => [g.ruleId.replace('gap/', ''), g.hoursPerWeek]));
        const longest = Math.max(...chart.bars.map(b => b.value));
        for (const bar of chart.bars) expect(bar.width).toBeCloseTo(bar.value / longest * bar.track, 1);
    });

    it('fills every heat-map cell with the department\'s open findings of that area', () => {
        const [chart] = subject.brief.charts.heat;
        const rows = findingsByDepartment(subject.estate, subject.findings);
        expect(chart.cells.length).toBeGreaterThan(0);
        for (const cell of chart.cells) {
            const row = rows.find(r => r.title === cell.row)!;
            expect(cell.value).toBe(row.counts[cell.column as typeof HEAT_AREAS[number]]);
        }
        // The chart keeps the departments with the most findings.
        const total = (r: typeof rows[number]) => HEAT_AREAS.reduce((sum, a) => sum + r.counts[a], 0);
        const shown = new Set(chart.cells.map(c => c.row));
        const leftOut = rows.filter(r => !shown.has(r.title));
        const shownNamed = rows.filter(r => shown.has(r.title) && r.department !== '');
        for (const row of leftOut) for (const kept of shownNamed) expect(total(kept)).toBeGreaterThanOrEqual(total(row));
    });

    it('draws each department\'s shadow-IT share', () => {
        const [chart] = subject.brief.charts.shadow;
        expect(chart.bars.length).toBeGreaterThan(0);
        const shares = shadowShareByDepartment(subject.estate).filter(r => r.shadow > 0);
        expect(chart.bars.map(b => [b.label, b.value])).toEqual(shares.slice(0, 8).map(r => [r.title, r.percent]));
    });

    it('plots coverage and manual hours from today to the end of the schedule, ending at the roadmap\'s totals', () => {
        const [coverage, hours] = subject.brief.charts.roadmap;
        expect(coverage.points.length).toBeGreaterThan(1);
        const points = roadmapTrajectory(subject.estate, scheduleRoadmaps(subject.estate, TODAY));
        expect(coverage.points[0]).toMatchObject({ x: 'today', value: points[0].coveragePercent });
        expect(coverage.points.at(-1)).toMatchObject({ x: points.at(-1)!.label, value: points.at(-1)!.coveragePercent });
        expect(hours.points.at(-1)!.value).toBe(points.at(-1)!.manualHoursPerWeek);
        // Every initiative is on the schedule, so the last month is the roadmap's "after".
        const totals = roadmapImpact(subject.estate, { today: TODAY, findings: subject.findings }).totals;
        expect(hours.points.at(-1)!.value).toBe(totals.manualHoursAfter.hoursPerWeek);
        expect(coverage.points.at(-1)!.value).toBe(totals.coverageAfter.percent);
    });
});
