/**
 * A LikeC4 model (https://likec4.dev/dsl/): element kinds department and system, systems nested in
 * their department, one relationship kind per flow style, shadow IT as a tag, one landscape view.
 */
import type { Estate } from '../model/estate.js';
import { byDepartment, flowsOf, ownSystems } from './export-scope.js';

/** LikeC4 strings are single-quoted; a quote or backslash is escaped and line breaks become spaces. */
function str(text: string): string {
    return `'${text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/[\\']/g, ch => `\\${ch}`)}'`;
}

/** Identifiers take letters, digits and `_`: a `-` in our names becomes `_`. */
const ident = (name: string) => name.replace(/-/g, '_');

const STYLES = ['manual', 'email', 'file', 'batch', 'api', 'webhook', 'event', 'cdc', 'script', 'shared-db'];

export function likeC4Text(estate: Estate): string {
    const systems = ownSystems(estate);
    const fqn = new Map<string, string>();
    const lines = ['specification {', '  element department', '  element system', '  tag shadow'];
    for (const style of STYLES) lines.push(`  relationship ${ident(style)} {`, `    color ${style === 'manual' || style === 'email' ? 'red' : style === 'file' || style === 'batch' ? 'amber' : style === 'script' || style === 'shared-db' ? 'indigo' : 'green'}`, '  }');
    lines.push('}', '', 'model {');
    for (const [department, members] of byDepartment(systems)) {
        const indent = department ? '    ' : '  ';
        if (department) lines.push(`  department ${ident(department)} ${str(estate.departments.get(department)?.title ?? department)} {`);
        for (const system of members) {
            fqn.set(system.name, department ? `${ident(department)}.${ident(system.name)}` : ident(system.name));
            const body = [
                system.shadow ? `${indent}  #shadow` : '',
                system.systemKind || system.hosting ? `${indent}  technology ${str([system.systemKind, system.hosting].filter(Boolean).join(', '))}` : '',
                system.owner ? `${indent}  metadata {\n${indent}    owner ${str(system.owner)}\n${indent}  }` : ''
            ].filter(Boolean);
            lines.push(`${indent}system ${ident(system.name)} ${str(system.title)}${body.length > 0 ? ` {\n${body.join('\n')}\n${indent}}` : ''}`);
        }
        if (department) lines.push('  }');
    }
    for (const flow of flowsOf(estate, 'as-is')) {
        const arrow = flow.style ? `-[${ident(flow.style)}]->` : '->';
        const technology = [flow.style, flow.schedule?.text].filter(Boolean).join(', ');
        lines.push(`  ${fqn.get(flow.sourceSystem)} ${arrow} ${fqn.get(flow.targetSystem)} ${str(flow.title)}${technology ? ` {\n    technology ${str(technology)}\n  }` : ''}`);
        if (flow.twoWay) lines.push(`  ${fqn.get(flow.targetSystem)} ${arrow} ${fqn.get(flow.sourceSystem)} ${str(flow.title)}`);
    }
    lines.push('}', '', 'views {', '  view index {', `    title ${str('Estate')}`, '    include *', '  }');
    for (const department of byDepartment(systems).keys()) {
        if (!department) continue;
        lines.push(`  view ${ident(department)}_view of ${ident(department)} {`, `    title ${str(estate.departments.get(department)?.title ?? department)}`, '    include *', '  }');
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
