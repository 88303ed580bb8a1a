import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArchiConcept, ArchiModel, ArchiRelationship } from './archimate-model.js';
import { ImportError } from './records.js';

type Node = Record<string, unknown>;

const LISTS = new Set(['element', 'relationship', 'property', 'propertyDefinition', 'name', 'documentation', 'value', 'item', 'view', 'node', 'connection']);

function list(node: unknown): Node[] {
    return Array.isArray(node) ? node as Node[] : node === undefined ? [] : [node as Node];
}

/** The first language string of a `name`, `documentation` or `value` list: the text, whether or not it has `xml:lang`. */
function text(node: unknown): string {
    const first = list(node)[0] as unknown;
    if (first === undefined) return '';
    if (typeof first === 'string') return first;
    return String((first as Node)['#text'] ?? '');
}

/** 1-based line of a character offset, by binary search over the line starts. */
function lineFinder(source: string): (offset: number | undefined) => number {
    const starts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return offset => {
        if (offset === undefined) return 1;
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (starts[mid] <= offset) low = mid; else high = mid - 1;
        }
        return low + 1;
    };
}

/** An ArchiMate Model Exchange File (3.0 / 3.1) as a model; malformed XML is an ImportError at its line and column. */
export function readArchimateXml(source: string, file: string): ArchiModel {
    const valid = XMLValidator.validate(source);
    if (valid !== true) throw new ImportError(`${file}:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`);
    const meta = XMLParser.getMetaDataSymbol();
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        removeNSPrefix: true,
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: true,
        htmlEntities: true,
        captureMetaData: true,
        isArray: name => LISTS.has(name)
    });
    const root = parser.parse(source) as Node;
    const model = root.model as Node | undefined;
    if (!model) {
        const found = Object.keys(root).find(key => !key.startsWith('?'));
        throw new ImportError(`${file}:1: not an ArchiMate exchange file: the root element is <${found ?? 'none'}>, not <model>`);
    }
    const lineOf = lineFinder(source);
    const at = (node: Node) => ({ file, line: lineOf(((node as Record<symbol, { startIndex?: number }>)[meta as unknown as symbol])?.startIndex) });
    const definitions = new Map<string, string>();
    for (const definition of list((model.propertyDefinitions as Node | undefined)?.propertyDefinition)) {
        definitions.set(String(definition['@_identifier']), text(definition.name) || String(definition['@_name'] ?? definition['@_identifier']));
    }
    const concept = (node: Node): ArchiConcept => ({
        id: String(node['@_identifier'] ?? ''),
        type: String(node['@_type'] ?? '').replace(/Relationship$/, ''),
        name: text(node.name),
        documentation: text(node.documentation) || undefined,
        properties: list((node.properties as Node | undefined)?.property).map(property => [definitions.get(String(property['@_propertyDefinitionRef'])) ?? String(property['@_propertyDefinitionRef']), text(property.value)]),
        origin: at(node)
    });
    const elements = new Map<string, ArchiConcept>();
    for (const node of list((model.elements as Node | undefined)?.element)) {
        const element = concept(node);
        elements.set(element.id, element);
    }
    const relationships: ArchiRelationship[] = list((model.relationships as Node | undefined)?.relationship).map(node => ({
        ...concept(node),
        source: String(node['@_source'] ?? ''),
        target: String(node['@_target'] ?? ''),
        accessType: node['@_accessType'] === undefined ? undefined : String(node['@_accessType'])
    }));
    return { elements, relationships };
}
