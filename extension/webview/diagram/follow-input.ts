/**
 * "Follow the data": an entity or `Entity.field` picked from the model's list; what stores or carries
 * it stands out and the rest is dimmed (the server marks which is which). Clearing the box stops following.
 */
export class FollowInput {
    private choices: string[] = [];

    constructor(private readonly input: HTMLInputElement, private readonly list: HTMLDataListElement, changed: (follow: string | undefined) => void, unknown: (text: string) => void) {
        const pick = () => {
            const text = input.value.trim();
            if (!text) return changed(undefined);
            const choice = this.choices.find(candidate => candidate.toLowerCase() === text.toLowerCase());
            if (choice) {
                input.value = choice;
                changed(choice);
            } else {
                unknown(text);
            }
        };
        input.addEventListener('change', pick);
        // The clear button of a search field empties it without a change event.
        input.addEventListener('search', () => { if (!input.value) pick(); });
    }

    update(choices: readonly string[], following: string | undefined): void {
        if (choices.length !== this.choices.length || choices.some((choice, i) => choice !== this.choices[i])) {
            this.choices = [...choices];
            this.list.replaceChildren(...this.choices.map(choice => new Option(choice, choice)));
        }
        if (document.activeElement !== this.input) this.input.value = following ?? '';
    }
}
