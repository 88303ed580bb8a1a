import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SAMPLES, integ, scratch } from './exchange-cli.js';

const HOSTILE = `department Ops "Ops <script>alert(1)</script> & \\"co\\""
system Crm "CRM <b>bold</b> \\"quoted\\" #1" { kind crm  department Ops  shadow }
system Erp "ERP & end" { kind erp  department Ops }
flow Sync "Sync </text> ]] -->|x|" : Crm -> Erp { style manual  auth none }
`;

async function exported(format: string, folder: string, ...extra: string[]): Promise<string> {
    const work = scratch(format);
    const result = await integ(work, 'export', format, folder, '-o', `out.${format}`, ...extra);
    expect(result.code, result.stderr).toBe(0);
    return readFileSync(join(work, `out.${format}`), 'utf8');
}

function hostileFolder(): string {
    const folder = scratch('hostile');
    writeFileSync(join(folder, 'estate.integ'), HOSTILE);
    return folder;
}

describe('archimate views', () => {
    it('one diagram per view (estate, each department, each process), systems placed inside their department as our layout places them', async () => {
        const text = await exported('archimate', join(SAMPLES, 'reference'));
        const model = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => ['view', 'node', 'connection'].includes(name) }).parse(text).model;
        const views = model.views.diagrams.view as Array<{ name: { '#text': string }; node: Array<Record<string, unknown>>; connection?: unknown[] }>;
        expect(views.map(view => view.name['#text'])).toEqual(expect.arrayContaining([expect.stringMatching(/^Estate/), expect.stringMatching(/Sales/), expect.stringMatching(/Order to cash/)]));
        expect(views).toHaveLength(1 + 3 + 1);
        const sales = views[0].node.find(node => node.elementRef === 'e-Sales')!;
        const salesforce = (sales.node as Array<Record<string, string>>).find(node => node.elementRef === 'e-Salesforce')!;
        for (const side of ['x', 'y']) expect(Number(salesforce[side])).toBeGreaterThanOrEqual(Number(sales[side]));
        expect(views[0].connection?.length).toBeGreaterThan(0);
    });

    it('escapes every model string', async () => {
        const text = await exported('archimate', hostileFolder());
        expect(XMLValidator.validate(text)).toBe(true);
        expect(text).not.toMatch(/<script>|<b>/);
    });
});

describe('mermaid', () => {
    it('draws one subgraph per department and colours flows by style', async () => {
        const text = await exported('mermaid', join(SAMPLES, 'reference'));
        expect(text.split('\n')[0]).toBe('flowchart LR');
        expect(text).toContain('subgraph d_Sales["Sales"]');
        expect(text).toMatch(/s_OrdersWorkbook\["Orders workbook"\]:::shadow/);
        expect(text).toMatch(/linkStyle \d+(,\d+)* stroke:#c82828/);
    });

    it('escapes every model string', async () => {
        const text = await exported('mermaid', hostileFolder());
        expect(text).not.toMatch(/<script>|<b>|<\/text>/);
        expect(text).toContain('#60;script#62;');
        expect(text).toMatch(/-->\|"Sync #60;\/text#62; \]\] --#62;\|x\|"\|/);
    });
});

describe('draw.io', () => {
    it('is an uncompressed file with our layout: groups, nodes inside them, edges between cells', async () => {
        const text = await exported('drawio', join(SAMPLES, 'reference'));
        expect(XMLValidator.validate(text)).toBe(true);
        const file = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
        expect(file.mxfile.compressed).toBe('false');
        const cells = file.mxfile.diagram.mxGraphModel.root.mxCell as Array<Record<string, string>>;
        const salesforce = cells.find(cell => cell.value?.startsWith('Salesforce Sales Cloud'))!;
        const group = cells.find(cell => cell.id === salesforce.parent)!;
        expect(group.style).toContain('swimlane');
        expect(group.value).toBe('Sales');
        const edges = cells.filter(cell => cell.edge === '1');
        expect(edges.length).toBeGreaterThan(0);
        for (const edge of edges) expect(cells.some(cell => cell.id === edge.source) && cells.some(cell => cell.id === edge.target)).toBe(true);
    });

    it('keeps labels plain text, escaped', async () => {
        const text = await exported('drawio', hostileFolder());
        expect(XMLValidator.validate(text)).toBe(true);
        expect(text).not.toMatch(/<script>|<b>/);
        expect(text).toContain('html=0');
        expect(text).not.toContain('html=1');
    });
});

/**
 * LikeC4's npm package is not installed here, so the output is checked against the grammar of its
 * documentation (likec4.dev/dsl): top-level blocks, element declarations `kind name 'title'`,
 * relationships `a -> b 'title'` or `a -[kind]-> b`, properties, tags, and balanced braces.
 */
function likeC4Problems(text: string): string[] {
    const problems: string[] = [];
    const ident = String.raw`[A-Za-z_][A-Za-z0-9_]*`;
    const fqn = `${ident}(?:\\.${ident})*`;
    const str = String.raw`'(?:[^'\\]|\\.)*'`;
    const statement = new RegExp([
        `^(specification|model|views) \\{$`,
        `^(element|tag) ${ident}$`,
        `^relationship ${ident} \\{$`,
        `^color (red|amber|indigo|green)$`,
        `^(department|system) ${ident} ${str}( \\{)?$`,
        `^${fqn} (->|-\\[${ident}\\]->) ${fqn} ${str}( \\{)?$`,
        `^#${ident}$`,
        `^(technology|title|owner) ${str}$`,
        `^metadata \\{$`,
        `^view ${ident}( of ${fqn})? \\{$`,
        `^include \\*$`,
        `^\\}$`
    ].join('|'));
    let depth = 0;
    text.split('\n').forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === '') return;
        if (!statement.test(trimmed)) problems.push(`${index + 1}: ${trimmed}`);
        depth += (trimmed.endsWith('{') ? 1 : 0) - (trimmed === '}' ? 1 : 0);
        if (depth < 0) problems.push(`${index + 1}: unbalanced }`);
    });
    if (depth !== 0) problems.push(`unbalanced braces (${depth})`);
    return problems;
}

describe('likec4 and structurizr', () => {
    it('likec4 output follows the DSL grammar, for the samples and for hostile titles', async () => {
        for (const folder of [join(SAMPLES, 'acme'), hostileFolder()]) {
            const text = await exported('likec4', folder);
            expect(likeC4Problems(text)).toEqual([]);
        }
        expect(likeC4Problems("model {\n  system a 'x' 'y'\n")).toHaveLength(2);
    });

    it('structurizr output groups systems by department and escapes strings', async () => {
        const text = await exported('structurizr', hostileFolder());
        expect(text).toMatch(/^workspace ".*" "Exported by integ export structurizr" \{/);
        expect(text).toContain('group "Ops <script>alert(1)</script> & \\"co\\"" {');
        expect(text).toContain('s_Crm -> s_Erp "Sync </text> ]] -->|x|" "manual" "flow manual"');
        for (const line of text.split('\n')) expect(line.replace(/\\"/g, '').split('"').length % 2).toBe(1);
    });
});

/** The official CycloneDX 1.6 JSON schema and the two it refers to, as the CycloneDX library ships them. */
function cycloneDxValidator() {
    const folder = 'node_modules/@cyclonedx/cyclonedx-library/res/schema';
    const schema = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats.default(ajv);
    ajv.addSchema(schema('spdx.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
    ajv.addSchema(schema('jsf-0.82.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
    return ajv.compile(schema('bom-1.6.SNAPSHOT.schema.json'));
}

describe('cyclonedx', () => {
    it('is a SaaSBOM: a service per system, a data entry per flow with direction, classification and BOM-links', async () => {
        const validate = cycloneDxValidator();
        for (const sample of ['acme', 'reference']) {
            const valid = validate(JSON.parse(await exported('cyclonedx', join(SAMPLES, sample))));
            expect(validate.errors ?? [], `${sample}: ${JSON.stringify(validate.errors)}`).toEqual([]);
            expect(valid).toBe(true);
        }
        const bom = JSON.parse(await exported('cyclonedx', join(SAMPLES, 'reference')));
        const salesforce = bom.services.find((service: { name: string }) => service.name === 'Salesforce Sales Cloud');
        expect(salesforce.trustZone).toBe('Sales');
        const sync = salesforce.data.find((entry: { name: string }) => entry.name === 'Order entry');
        expect(sync).toMatchObject({ flow: 'bi-directional', classification: 'Financial' });
        const reentry = bom.services.find((service: { name: string }) => service.name === 'Orders workbook').data[0];
        expect(reentry.flow).toBe('outbound');
        expect(reentry.destination[0]).toMatch(/#system%3ASAP$/);
    });

    it('says a service is not authenticated when one of its flows is not', async () => {
        const bom = JSON.parse(await exported('cyclonedx', hostileFolder()));
        expect(bom.services.find((service: { name: string }) => service.name === 'ERP & end').authenticated).toBe(false);
    });
});
