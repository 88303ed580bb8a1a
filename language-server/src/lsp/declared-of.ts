import type { AstNode } from 'langium';
import type { Declared, Estate } from '../model/estate.js';

/** The estate entry of a declaration node (by its AST type and name), if the estate has it. */
export function declaredOf(estate: Estate, node: AstNode): Declared | undefined {
    const name = (node as { name?: unknown }).name;
    if (typeof name !== 'string') return undefined;
    switch (node.$type) {
        case 'Department': return estate.departments.get(name);
        case 'Regulation': return estate.regulations.get(name);
        case 'Classification': return estate.classifications.get(name);
        case 'Entity': return estate.entities.get(name);
        case 'Platform': return estate.platforms.get(name);
        case 'System': return estate.systems.get(name);
        case 'Flow': return estate.flows.get(name);
        case 'Process': return estate.processes.get(name);
        case 'Roadmap': return estate.roadmaps.get(name);
        case 'Initiative': return estate.initiatives.get(name);
        default: return undefined;
    }
}
