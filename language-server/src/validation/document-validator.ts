import { DefaultDocumentValidator, DocumentValidator, type AstReflection, type LangiumCoreServices, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isFieldRef, FieldRef } from '../generated/ast.js';

const KIND_NAMES: Record<string, string> = {
    System: 'system', Entity: 'entity', Field: 'field', Department: 'department', Regulation: 'regulation',
    Classification: 'classification', Platform: 'platform', Flow: 'flow', Initiative: 'initiative', Declaration: 'declaration'
};

/**
 * Link errors say what is missing in the language's own words, and `Nope.x` reports only `Nope`:
 * a field cannot be looked up in an entity that does not exist.
 */
export class IntegDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: AstReflection;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const container = error.info.container;
            if (isFieldRef(container) && error.info.property === FieldRef.field && !container.entity?.ref) continue;
            const type = this.reflection.getReferenceType(error.info);
            const kind = KIND_NAMES[type] ?? type.toLowerCase();
            const where = isFieldRef(container) && error.info.property === FieldRef.field
                ? ` in entity '${container.entity.ref?.name}'` : '';
            diagnostics.push(this.toDiagnostic('error', `Unknown ${kind} '${reference.$refText}'${where}.`, {
                node: container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                data: { code: DocumentValidator.LinkingError, containerType: container.$type, property: error.info.property, refText: reference.$refText }
            }));
        }
    }
}
