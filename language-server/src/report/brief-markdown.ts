import { escapeMarkdown } from '../render/markdown-escape.js';
import { actionLines, headlineCards, type Brief } from './brief.js';

/** The brief as text: the four headline figures and the five actions, the charts left to the HTML page. */
export function briefMarkdown(brief: Brief): string[] {
    const lines = ['## Brief', ''];
    for (const card of headlineCards(brief.headline)) {
        // Value and caption are the brief's own numbers and words; the comparison can name a currency from the model.
        lines.push(`- **${card.value}** ${card.caption}: ${escapeMarkdown(card.comparison)}`);
    }
    lines.push('', '### Five actions with the largest impact', '');
    const actions = actionLines(brief);
    if (actions.length === 0) lines.push('No open findings.');
    actions.forEach((action, i) => lines.push(`${i + 1}. **${escapeMarkdown(action.element)}** — ${escapeMarkdown(action.saving)}: ${escapeMarkdown(action.reason)}`));
    return lines;
}
