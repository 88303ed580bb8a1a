/**
 * What to do with an answer while the model may have syntax errors. A picture from a model with errors
 * may miss what the broken file declares, so the last picture of an error-free model is kept instead,
 * but only when there is one: the same view, drawn before the errors appeared.
 */
export interface AnswerState {
    hasErrors: boolean;
    error?: string;
}

export interface OnScreen {
    /** Whether the picture on screen came from a model with syntax errors. */
    hadErrors: boolean;
    /** The picture on screen shows what the new answer was asked for (view, state, filters, departments, data followed). */
    sameOptions: boolean;
}

export interface BannerDecision {
    render: boolean;
    banner?: string;
}

export const KEPT_LAST_GOOD = 'The model has syntax errors — showing the last good diagram.';
export const MAY_BE_INCOMPLETE = 'The model has syntax errors — the diagram may be incomplete.';

export function decidePicture(answer: AnswerState, onScreen: OnScreen | undefined): BannerDecision {
    if (answer.error) return { render: false, banner: answer.error };
    if (!answer.hasErrors) return { render: true };
    if (onScreen && !onScreen.hadErrors && onScreen.sameOptions) return { render: false, banner: KEPT_LAST_GOOD };
    return { render: true, banner: MAY_BE_INCOMPLETE };
}

export function showBanner(banner: HTMLElement, text: string | undefined): void {
    banner.textContent = text ?? '';
    banner.classList.toggle('visible', text !== undefined);
}
