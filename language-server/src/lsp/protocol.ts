/**
 * Every custom LSP message between the extension and the language server, typed once and imported
 * by both sides. Only plain types and method names here: no runtime dependency on either side.
 */

/** Server → client after a build whose estate may have changed; the previews then pull. */
export const ModelChangedNotification = 'integ/modelChanged' as const;
export interface ModelChangedParams {
    /** URIs of the documents built in this round. */
    uris: string[];
    /** True when any workspace document has syntax errors (previews keep their last good picture). */
    hasSyntaxErrors: boolean;
}
