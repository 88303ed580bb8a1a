import { describe, expect, test } from 'vitest';
import { findingsOf, keyOf, labelledEstates, labelsOf, outcomeOf, score } from './labelled-estates.js';

/**
 * Each hand-labelled estate yields exactly its labelled findings: same place, rule, element,
 * severity and waiver. `LABEL_REPORT=1` prints precision and recall per rule.
 */
describe.each(labelledEstates().map(name => [name]))('labelled estate %s', name => {
    test('has no language error and reports exactly the labelled findings', async () => {
        const labels = labelsOf(name);
        const { found, languageErrors } = await findingsOf(name);
        expect(languageErrors).toEqual([]);
        const wanted = labels.map(outcomeOf).sort();
        const actual = found.map(outcomeOf).sort();
        expect(wanted.filter(key => !actual.includes(key)), 'labelled but not found').toEqual([]);
        expect(actual.filter(key => !wanted.includes(key)), 'found but not labelled').toEqual([]);
        expect(actual).toEqual(wanted);
        if (process.env.LABEL_REPORT) {
            const rows = score(labels, found).map(row => `${row.ruleId.padEnd(36)} labelled ${row.expected}  found ${row.found}  precision ${row.found ? (row.matched / row.found).toFixed(2) : '—'}  recall ${row.expected ? (row.matched / row.expected).toFixed(2) : '—'}`);
            console.log(`${name}\n${rows.join('\n')}`);
        }
    });

    test('labels name each finding once per place, rule and element', () => {
        const keys = labelsOf(name).map(keyOf);
        const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
        // Only a rule that reports twice on one element (change/parallel-run: run and retrospective) repeats a key.
        expect(repeated.every(key => key.includes(' change/parallel-run '))).toBe(true);
    });
});
