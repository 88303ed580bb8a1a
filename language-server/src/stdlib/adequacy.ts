/**
 * The countries the European Commission has decided protect personal data adequately (GDPR Art. 45),
 * as ISO codes. Personal data may go there from the EEA without another safeguard. The list changes
 * with the Commission's decisions: `asOf` says when it was last checked, and a model can always declare
 * `transfer adequacy` on a flow the list does not cover.
 *
 * Left out on purpose: the United States (its decision covers only organisations certified under the
 * EU-US Data Privacy Framework, which the model cannot know; declare `transfer adequacy` on a flow to a
 * certified recipient) and Canada's decision, which covers only organisations under PIPEDA (the same).
 */
export const ADEQUACY = {
    asOf: '2025-09-01',
    regions: [
        'ad', // Andorra
        'ar', // Argentina
        'fo', // Faroe Islands
        'gb', // United Kingdom (renewed 2025)
        'gg', // Guernsey
        'il', // Israel
        'im', // Isle of Man
        'je', // Jersey
        'jp', // Japan
        'kr', // Republic of Korea
        'ch', // Switzerland
        'nz', // New Zealand
        'uy'  // Uruguay
    ]
} as const;
