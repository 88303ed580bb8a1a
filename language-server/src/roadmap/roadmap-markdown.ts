import type { RoadmapImpact } from '../analysis/roadmap-impact.js';
import type { RoadmapSchedule, ScheduledInitiative } from '../analysis/roadmap-schedule.js';
import { addMonths } from '../model/units.js';
import {
    costText, departmentsText, hoursText, inFlightText, monthsText, parallelRunText, retrospectiveText, totalsRows
} from './roadmap-text.js';
import type { YearMonth } from '../model/estate.js';
import { formatYearMonth } from '../model/units.js';
import { escapeMarkdown, markdownCode } from '../render/markdown-escape.js';
import { visible } from '../render/visible-text.js';

/** Words that start a statement in Mermaid's gantt grammar; a task title must not begin with one. */
const MERMAID_KEYWORDS = /^(gantt|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|click|acctitle|accdescr|inclusiveenddates|topaxis|displaymode)\b/i;

/** Mermaid text: `:` `#` `;` end or break a statement, `%%` starts a comment, a backtick could close the fence. */
export function mermaidText(text: string): string {
    const cleaned = visible(text.replace(/[:#;%\r\n`]+/g, ' ').replace(/\s+/g, ' ').trim());
    const safe = cleaned === '' ? 'Untitled' : cleaned;
    return MERMAID_KEYWORDS.test(safe) ? `• ${safe}` : safe;
}

function mermaidId(name: string, used: Set<string>): string {
    const base = name.replace(/[^A-Za-z0-9_]/g, '_') || 'task';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
}

function firstDay(month: YearMonth): string {
    return `${formatYearMonth(month)}-01`;
}

/** A Mermaid gantt block: one section per roadmap, one task per initiative with explicit start and (exclusive) end dates. */
export function mermaidGantt(schedule: RoadmapSchedule): string {
    const lines = ['```mermaid', 'gantt'];
    lines.push(`    title ${mermaidText(schedule.roadmaps.map(r => r.title).join(' · ') || 'Roadmap')}`);
    lines.push('    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m');
    const used = new Set<string>();
    const byRoadmap = new Map<string, ScheduledInitiative[]>();
    for (const initiative of schedule.initiatives) {
        const list = byRoadmap.get(initiative.roadmap);
        if (list) list.push(initiative); else byRoadmap.set(initiative.roadmap, [initiative]);
    }
    for (const roadmap of schedule.roadmaps) {
        const initiatives = byRoadmap.get(roadmap.name);
        if (!initiatives) continue;
        lines.push(`    section ${mermaidText(roadmap.title)}`);
        for (const i of initiatives) {
            const title = mermaidText(`${i.priority === undefined ? '' : `${i.priority}. `}${i.title}`);
            lines.push(`    ${title} :${mermaidId(i.name, used)}, ${firstDay(i.start)}, ${firstDay(addMonths(i.end, 1))}`);
        }
    }
    lines.push('```');
    return lines.join('\n');
}

/** The roadmap for a README or a pull request: impact table, totals, ROI, and a Gantt GitHub renders. */
export function roadmapMarkdown(schedule: RoadmapSchedule, impact: RoadmapImpact): string {
    const lines: string[] = [];
    lines.push(`# ${escapeMarkdown(schedule.roadmaps.map(r => r.title).join(' · ') || 'Roadmap')}`, '');
    if (schedule.initiatives.length) lines.push(mermaidGantt(schedule), '');
    const over = schedule.months.filter(m => m.overLimit);
    if (over.length) {
        lines.push(`**Over the WIP limit of ${schedule.wipLimit}:** ${escapeMarkdown(over.map(m => `${m.label} (${m.count}: ${inFlightText(m)})`).join('; '))}`, '');
    }
    for (const p of schedule.dependencyProblems) lines.push(`- **Dependency order:** ${escapeMarkdown(`${p.initiative} starts ${p.starts}, before ${p.dependsOn} ends (${p.dependencyEnds})`)}`);
    for (const u of schedule.unscheduled) lines.push(`- **Not scheduled:** ${escapeMarkdown(`${u.name}: ${u.reason}`)}`);
    if (schedule.dependencyProblems.length || schedule.unscheduled.length) lines.push('');
    lines.push('## Impact per initiative', '');
    if (impact.initiatives.length === 0) {
        lines.push('No initiatives declared yet: add a `roadmap` with `initiative`s.');
    } else {
        lines.push('| # | Initiative | Months | Gaps closed | h/week saved | Regulated flows into compliance | Departments and champions | Parallel run | Retrospective | Cost |');
        lines.push('|---:|---|---|---:|---:|---:|---|---|---|---|');
        for (const i of impact.initiatives) {
            const cells = [String(i.priority ?? '—'), `${escapeMarkdown(i.title)} (${markdownCode(i.name, true)})`, ...[monthsText(i), String(i.closes.length), hoursText(i),
                String(i.broughtIntoCompliance.length), departmentsText(i), parallelRunText(i), retrospectiveText(i), costText(i)].map(escapeMarkdown)];
            lines.push(`| ${cells.join(' | ')} |`);
        }
    }
    lines.push('', '## Totals', '');
    for (const [label, value] of totalsRows(impact.totals)) lines.push(`- ${label}: **${escapeMarkdown(value)}**`);
    lines.push('', '## ROI targets vs the article', '', '| Metric | Article | Roadmap targets | Modelled after the roadmap | |', '|---|---|---|---|---|');
    for (const row of impact.totals.roi) {
        const verdict = row.meets === undefined ? '—' : row.meets ? 'meets' : 'misses';
        lines.push(`| ${[row.label, row.article, row.planned, row.modelled ?? '—', verdict].map(escapeMarkdown).join(' | ')} |`);
    }
    return lines.join('\n') + '\n';
}
