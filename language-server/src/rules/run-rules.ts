import type { Estate } from '../model/estate.js';
import { todayIso } from '../model/units.js';
import { ALL_RULES } from './all-rules.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule-kit.js';
import { RuleRunner } from './rule-runner.js';

/** Every rule (or the given ones) over the estate once, policy and waivers applied (see RuleRunner). */
export function runRules(estate: Estate, options: { rules?: readonly Rule[]; today?: string } = {}): Finding[] {
    return new RuleRunner(options.rules ?? ALL_RULES, false).run(estate, options.today ?? todayIso());
}
