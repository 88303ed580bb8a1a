/** The part of markdown-it's API the tests use to render Markdown as GitHub and VS Code would (the package ships no types). */
declare module 'markdown-it' {
    interface LinkifyIt {
        set(options: { fuzzyLink?: boolean; fuzzyEmail?: boolean; fuzzyIP?: boolean }): LinkifyIt;
    }
    export default class MarkdownIt {
        constructor(options?: { html?: boolean; linkify?: boolean; typographer?: boolean });
        readonly linkify: LinkifyIt;
        render(source: string): string;
        renderInline(source: string): string;
    }
}
