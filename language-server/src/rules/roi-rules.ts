import { findingOn, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

/** The article's average share of a company's applications that are integrated: the mark coverage is read against. */
export const ARTICLE_COVERAGE_PERCENT = 29;

/**
 * The article's ROI targets ("Measuring Integration ROI"), for the rule, the roadmap's comparison
 * and the quick fix that writes them.
 */
export const ARTICLE_TARGETS = {
    manualHoursPercent: -50,
    errorRateBelowPercent: 1,
    reportTimePercent: -75,
    productivityPercent: { min: 10, max: 20 },
    downtimeBelowHoursPerMonth: 2
} as const;

/** The targets as the messages print them (`−50 %`, with a minus sign). */
const MANUAL_HOURS = `−${-ARTICLE_TARGETS.manualHoursPercent} %`;
const ERROR_RATE = `below ${ARTICLE_TARGETS.errorRateBelowPercent} %`;

export const targets: Rule = {
    id: 'roi/targets',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const initiative of estate.initiatives.values()) {
            const written = initiative.targets;
            if (!written) {
                yield findingOn('roi/targets', initiative,
                    `${initiative.name} sets no ROI targets; the article's are manual hours ${MANUAL_HOURS}, error rate ${ERROR_RATE}`,
                    { data: { missing: true } });
                continue;
            }
            const weak: string[] = [];
            if (written.manualHoursPercent === undefined) weak.push(`no manual-hours target (the article: ${MANUAL_HOURS} or more)`);
            else if (written.manualHoursPercent > ARTICLE_TARGETS.manualHoursPercent) weak.push(`manual hours ${written.manualHoursPercent} % (the article: ${MANUAL_HOURS} or more)`);
            if (written.errorRateBelowPercent === undefined) weak.push(`no error-rate target (the article: ${ERROR_RATE})`);
            else if (written.errorRateBelowPercent > ARTICLE_TARGETS.errorRateBelowPercent) weak.push(`error rate below ${written.errorRateBelowPercent} % (the article: ${ERROR_RATE})`);
            if (weak.length === 0) continue;
            yield findingOn('roi/targets', initiative, `${initiative.name} targets are weaker than the article's: ${weak.join('; ')}`,
                { property: 'targets', data: { missing: false } });
        }
    }
};

export const ROI_RULES: Rule[] = [targets];
