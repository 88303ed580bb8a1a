/**
 * Finds declarations in the sample's text so the suite can pick its own edit targets (a PII flow, the
 * flow behind a gap/one-way finding) instead of hard-coding names that the sample may rename.
 * Comments and strings are blanked first with offsets preserved, so the regexes only see code.
 */

export interface FlowDeclaration {
    name: string;
    source: string;
    target: string;
    twoWay: boolean;
    /** Offsets into the text: header start, body end (after `}`). */
    start: number;
    end: number;
    body: string;
    bodyStart: number;
    carries: string[];
    status?: string;
}

export function blankCommentsAndStrings(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"/g, match => match.replace(/[^\n]/g, ' '));
}

const NAME = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*`;

export function flowsIn(text: string): FlowDeclaration[] {
    const code = blankCommentsAndStrings(text);
    const header = new RegExp(String.raw`\bflow\s+(${NAME})\s*:\s*(${NAME})\s*(<->|->)\s*(${NAME})\s*\{`, 'g');
    const flows: FlowDeclaration[] = [];
    for (const match of code.matchAll(header)) {
        const start = match.index;
        const bodyStart = start + match[0].length;
        const close = code.indexOf('}', bodyStart);
        if (close < 0) continue;
        const body = code.slice(bodyStart, close);
        const carriesMatch = /\bcarries\s+([^\n]+)/.exec(body);
        flows.push({
            name: match[1],
            source: match[2],
            twoWay: match[3] === '<->',
            target: match[4],
            start,
            end: close + 1,
            body,
            bodyStart,
            carries: carriesMatch ? carriesMatch[1].split(',').map(item => item.trim()).filter(Boolean) : [],
            status: /\bstatus\s+(\w+)/.exec(body)?.[1]
        });
    }
    return flows;
}

/** Fields per entity with their classification (`field email: PII`). */
export function classifiedFields(text: string): Map<string, Map<string, string | undefined>> {
    const code = blankCommentsAndStrings(text);
    const entities = new Map<string, Map<string, string | undefined>>();
    for (const match of code.matchAll(new RegExp(String.raw`\bentity\s+(${NAME})\s*\{([^}]*)\}`, 'g'))) {
        const fields = new Map<string, string | undefined>();
        for (const field of match[2].matchAll(new RegExp(String.raw`\bfield\s+(${NAME})(?:\s*:\s*(${NAME}))?`, 'g'))) {
            fields.set(field[1], field[2]);
        }
        entities.set(match[1], fields);
    }
    return entities;
}

export function systemNames(text: string): string[] {
    const code = blankCommentsAndStrings(text);
    return [...code.matchAll(new RegExp(String.raw`\bsystem\s+(${NAME})`, 'g'))].map(match => match[1]);
}

/** True when the flow carries a field of the given classification (named or through `Entity.*`). */
export function carriesClassification(flow: FlowDeclaration, entities: Map<string, Map<string, string | undefined>>, classification: string): boolean {
    return flow.carries.some(item => {
        const [entity, field] = item.split('.');
        const fields = entities.get(entity);
        if (!fields) return false;
        if (field === '*') return [...fields.values()].includes(classification);
        return fields.get(field) === classification;
    });
}

export function lineOf(text: string, offset: number): number {
    let line = 0;
    for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
}
