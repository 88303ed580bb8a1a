import { findingOn, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';

/** The article's ROI targets: manual data entry hours cut by 50 %+, error rate below 1 %. */
export const ARTICLE_TARGETS = { manualHoursPercent: -50, errorRateBelowPercent: 1 } as const;

export const targets: Rule = {
    id: 'roi/targets',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const initiative of estate.initiatives.values()) {
            const written = initiative.targets;
            if (!written) {
                yield findingOn('roi/targets', initiative,
                    `${initiative.name} sets no ROI targets; the article's are manual hours −50 %, error rate below 1 %`,
                    { data: { missing: true } });
                continue;
            }
            const weak: string[] = [];
            if (written.manualHoursPercent === undefined) weak.push('no manual-hours target (the article: −50 % or more)');
            else if (written.manualHoursPercent > ARTICLE_TARGETS.manualHoursPercent) weak.push(`manual hours ${written.manualHoursPercent} % (the article: −50 % or more)`);
            if (written.errorRateBelowPercent === undefined) weak.push('no error-rate target (the article: below 1 %)');
            else if (written.errorRateBelowPercent > ARTICLE_TARGETS.errorRateBelowPercent) weak.push(`error rate below ${written.errorRateBelowPercent} % (the article: below 1 %)`);
            if (weak.length === 0) continue;
            yield findingOn('roi/targets', initiative, `${initiative.name} targets are weaker than the article's: ${weak.join('; ')}`,
                { property: 'targets', data: { missing: false } });
        }
    }
};

export const ROI_RULES: Rule[] = [targets];
