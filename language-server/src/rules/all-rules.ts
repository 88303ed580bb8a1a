import type { Rule } from './rule-kit.js';

/** Every rule of the catalogue, in catalogue order. Each area module exports its rules. */
export const ALL_RULES: Rule[] = [];
