/** A Mermaid flowchart for Markdown wikis: one subgraph per department, shadow IT marked, each flow coloured by its style. */
import type { DiagramState } from '../diagram/diagram-graph.js';
import type { Estate } from '../model/estate.js';
import { byDepartment, flowsOf, ownSystems, styleColour } from './export-scope.js';

/** Mermaid reads `#…;` as an entity and `"`, `<`, `>` as syntax or HTML; every other character passes. */
function label(text: string): string {
    return `"${text.replace(/[\p{Cc}]/gu, ' ').replace(/[#"<>&`]/g, ch => `#${ch.codePointAt(0)};`)}"`;
}

/** Node ids: our names with `-` spelled `_`, prefixed, so that a system called `end` or `graph` is not a keyword. */
function idMaker(): (prefix: string, name: string) => string {
    const ids = new Map<string, string>();
    const used = new Set<string>();
    return (prefix, name) => {
        const key = `${prefix}:${name}`;
        let id = ids.get(key);
        if (id) return id;
        const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
        id = base;
        for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
        ids.set(key, id);
        used.add(id);
        return id;
    };
}

export function mermaidText(estate: Estate, state: DiagramState): string {
    const id = idMaker();
    const lines = ['flowchart LR'];
    const systems = ownSystems(estate);
    for (const [department, members] of byDepartment(systems)) {
        const indent = department ? '    ' : '  ';
        if (department) lines.push(`  subgraph ${id('d', department)}[${label(estate.departments.get(department)?.title ?? department)}]`);
        for (const system of members) {
            lines.push(`${indent}${id('s', system.name)}[${label(system.title)}]${system.shadow ? ':::shadow' : ''}`);
        }
        if (department) lines.push('  end');
    }
    const styles = new Map<string, number[]>();
    flowsOf(estate, state).forEach((flow, index) => {
        lines.push(`  ${id('s', flow.sourceSystem)} ${flow.twoWay ? '<-->' : '-->'}|${label(flow.title)}| ${id('s', flow.targetSystem)}`);
        const style = flow.style ?? 'unknown';
        styles.set(style, [...(styles.get(style) ?? []), index]);
    });
    lines.push('  classDef shadow fill:#fde2e2,stroke:#c82828,stroke-dasharray:4 3');
    for (const [style, indexes] of styles) {
        lines.push(`  %% ${style} flows`, `  linkStyle ${indexes.join(',')} stroke:${styleColour(style === 'unknown' ? undefined : style)},stroke-width:2px`);
    }
    return lines.join('\n') + '\n';
}
