import { DefaultTokenBuilder, GrammarAST, type Grammar, type TokenBuilderOptions } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';

const WORD_LIKE = /^[A-Za-z_][\w-]*$/;

/**
 * Keywords may be used as names anywhere (`field status`, `system Make`). Giving every word-like
 * keyword token the ID token as category lets the parser accept it wherever an ID is expected;
 * this is much cheaper than a `Name: ID | 'kw' | …` rule over every keyword.
 */
export class KeywordAsNameTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const terminals = new Set(grammar.rules.filter(GrammarAST.isTerminalRule).map(rule => rule.name));
        const id = tokens.find(token => token.name === 'ID');
        if (id) {
            for (const token of tokens) {
                if (!terminals.has(token.name) && WORD_LIKE.test(token.name)) {
                    token.CATEGORIES = [id];
                }
            }
        }
        return tokens;
    }
}
