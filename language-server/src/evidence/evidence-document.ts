/**
 * One shape for every evidence document, so Markdown, HTML and CSV come from one place and read
 * alike: a register of records (a CSV row each, stable columns) that the documents show as one
 * section per record, every column named even when the model says nothing.
 */

/** What a register cell says where its column does not apply to the record. */
export const NOT_APPLICABLE = '—';

export interface EvidenceColumn<R> {
    /** The CSV header; also the label in the documents unless `label` says otherwise. */
    header: string;
    label?: string;
    /** Multi-valued cells are joined with `; ` in CSV and listed in the documents. */
    values(record: R): readonly string[];
    /** What the documents say when there is no value (`none` unless given); a CSV cell says it only when given, else stays empty. */
    none?: string;
    /** False for the columns the section's heading and lead already show. */
    listed?: boolean;
    /** The record's to-dos: set apart in the documents so what is missing stands out. */
    todo?: boolean;
    /** One value, shown on the label's line rather than as a list. */
    inline?: boolean;
    /** False where the column means nothing for this record (a system has no TLS): the documents leave it out, the CSV says `—`. */
    applies?(record: R): boolean;
}

export interface EvidenceSummary {
    label: string;
    items: readonly string[];
    none?: string;
}

export interface EvidenceDocument<R> {
    /** The document's kind, as `integ evidence` names it. */
    kind: string;
    title: string;
    /** What the document is compiled from and what it is not. */
    preamble: string;
    /** Said instead of the records when there are none. */
    empty: string;
    /** Lists before the records, in the documents only (the CSV is the register alone). */
    summary?: readonly EvidenceSummary[];
    records: readonly R[];
    heading(record: R): string;
    lead?(record: R): string;
    columns: ReadonlyArray<EvidenceColumn<R>>;
}

