import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * What a "did you mean" diagnostic (a link error, a misspelt keyword) carries for its quick fix:
 * the words that may replace its range, nearest first. The validator writes it, the fixes read it.
 */
export interface SuggestionData {
    code: string;
    suggestions: string[];
}

export function suggestionsOf(diagnostic: Diagnostic): string[] {
    const data = diagnostic.data as Partial<SuggestionData> | undefined;
    return Array.isArray(data?.suggestions) ? data.suggestions.filter(s => typeof s === 'string') : [];
}
