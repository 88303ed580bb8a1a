import type { Rule } from './rule-kit.js';
import { INVENTORY_RULES } from './inventory-rules.js';
import { GAP_RULES } from './gap-rules.js';
import { SECURITY_RULES } from './security-rules.js';
import { COMPLIANCE_RULES } from './compliance-rules.js';
import { PLATFORM_RULES } from './platform-rules.js';
import { RELIABILITY_RULES } from './reliability-rules.js';
import { ROADMAP_RULES } from './roadmap-rules.js';
import { CHANGE_RULES } from './change-rules.js';
import { ROI_RULES } from './roi-rules.js';
import { WAIVER_RULES } from './waiver-rules.js';
import { POLICY_RULES } from './policy-rules.js';

/** Every rule of the catalogue, in catalogue order. Each area module exports its rules. */
export const ALL_RULES: Rule[] = [
    ...INVENTORY_RULES,
    ...GAP_RULES,
    ...SECURITY_RULES,
    ...COMPLIANCE_RULES,
    ...PLATFORM_RULES,
    ...RELIABILITY_RULES,
    ...ROADMAP_RULES,
    ...CHANGE_RULES,
    ...ROI_RULES,
    ...WAIVER_RULES,
    ...POLICY_RULES
];
