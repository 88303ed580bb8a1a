/**
 * A Structurizr DSL workspace (https://docs.structurizr.com/dsl/language): one software system per
 * system inside a group per department, one relationship per flow with its style as technology and
 * tag, shadow IT tagged, a system landscape view with styles per flow style.
 */
import type { Estate } from '../model/estate.js';
import { byDepartment, flowsOf, ownSystems, styleColour } from './export-scope.js';

function str(text: string): string {
    return `"${text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/[\\"]/g, ch => `\\${ch}`)}"`;
}

/** Identifiers: letters, digits, `_` and `-`, not starting with a digit; our names already are. */
const ident = (name: string) => `s_${name.replace(/-/g, '_')}`;

export function structurizrText(estate: Estate, title: string): string {
    const systems = ownSystems(estate);
    const lines = [`workspace ${str(title)} ${str('Exported by integ export structurizr')} {`, '  !identifiers flat', '  model {'];
    for (const [department, members] of byDepartment(systems)) {
        const indent = department ? '      ' : '    ';
        if (department) lines.push(`    group ${str(estate.departments.get(department)?.title ?? department)} {`);
        for (const system of members) {
            const tags = ['Integ', system.systemKind ?? '', system.shadow ? 'Shadow IT' : '', system.status === 'planned' ? 'Planned' : ''].filter(Boolean).join(',');
            lines.push(`${indent}${ident(system.name)} = softwareSystem ${str(system.title)} ${str([system.systemKind, system.hosting, system.owner && `owner ${system.owner}`].filter(Boolean).join(', '))} ${str(tags)}`);
        }
        if (department) lines.push('    }');
    }
    const styles = new Set<string>();
    for (const flow of flowsOf(estate, 'as-is')) {
        const style = flow.style ?? 'unknown';
        styles.add(style);
        const technology = [flow.style, flow.schedule?.text].filter(Boolean).join(', ');
        lines.push(`    ${ident(flow.sourceSystem)} -> ${ident(flow.targetSystem)} ${str(flow.title)} ${str(technology)} ${str(`flow ${style}`)}`);
        if (flow.twoWay) lines.push(`    ${ident(flow.targetSystem)} -> ${ident(flow.sourceSystem)} ${str(flow.title)} ${str(technology)} ${str(`flow ${style}`)}`);
    }
    lines.push('  }', '  views {', '    systemLandscape "estate" "The estate as it runs today" {', '      include *', '      autoLayout lr', '    }', '    styles {',
        '      element "Shadow IT" {', '        background #fde2e2', '        color #c82828', '      }');
    for (const style of styles) {
        lines.push(`      relationship ${str(`flow ${style}`)} {`, `        color ${styleColour(style === 'unknown' ? undefined : style)}`, '      }');
    }
    lines.push('    }', '  }', '}');
    return lines.join('\n') + '\n';
}
