import {
    EMPTY_SCOPE, WorkspaceCache, stream,
    type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope, type ScopeProvider, type Stream,
    type AstReflection, type IndexManager, type AstNodeDescriptionProvider
} from 'langium';
import { isFieldRef, FieldRef, type Entity, type Field } from '../generated/ast.js';
import { STDLIB_URI } from '../stdlib/stdlib.js';

/**
 * A name → descriptions map per reference type, built once per workspace state, so linking stays
 * linear in the number of references (the default local scope does a linear search per reference).
 * User declarations shadow standard-library ones of the same name.
 */
class IndexedScope implements Scope {
    constructor(private readonly byName: Map<string, AstNodeDescription[]>) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.byName.get(name) ?? []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.byName.values()).map(descriptions => descriptions[0]);
    }
}

/**
 * The fields of one entity. Descriptions are made only for the names asked for: a flow names a few
 * fields of an entity, and describing every field for every `Entity.field` reference was a large
 * share of linking time on big estates.
 */
class FieldScope implements Scope {
    private readonly fields = new Map<string, Field>();
    private readonly described = new Map<string, AstNodeDescription>();

    constructor(entity: Entity, private readonly descriptions: AstNodeDescriptionProvider) {
        for (const field of entity.fields) {
            if (field.name && !this.fields.has(field.name)) this.fields.set(field.name, field);
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        let description = this.described.get(name);
        if (!description) {
            const field = this.fields.get(name);
            if (!field) return undefined;
            description = this.descriptions.createDescription(field, name);
            this.described.set(name, description);
        }
        return description;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const description = this.getElement(name);
        return stream(description ? [description] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream([...this.fields.keys()]).map(name => this.getElement(name)!);
    }
}

export class IndexedScopeProvider implements ScopeProvider {
    /** Keyed by the entity's AST node: re-parsing its document makes a new node, so a stale scope is never found. */
    private readonly fieldScopes = new WeakMap<Entity, FieldScope>();

    private readonly reflection: AstReflection;
    private readonly indexManager: IndexManager;
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly globalScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.globalScopes = new WorkspaceCache(services.shared);
    }

    getScope(context: ReferenceInfo): Scope {
        if (isFieldRef(context.container) && context.property === FieldRef.field) {
            return this.fieldScope(context.container);
        }
        const referenceType = this.reflection.getReferenceType(context);
        return this.globalScopes.get(referenceType, () => this.buildGlobalScope(referenceType));
    }

    private fieldScope(fieldRef: FieldRef): Scope {
        // Only the entity link decides the field scope; an unresolved entity is reported once, on the entity.
        const entity = fieldRef.entity?.ref;
        if (!entity) {
            return EMPTY_SCOPE;
        }
        let scope = this.fieldScopes.get(entity);
        if (!scope) {
            scope = new FieldScope(entity, this.descriptions);
            this.fieldScopes.set(entity, scope);
        }
        return scope;
    }

    private buildGlobalScope(referenceType: string): Scope {
        const byName = new Map<string, AstNodeDescription[]>();
        for (const description of this.indexManager.allElements(referenceType)) {
            const list = byName.get(description.name);
            if (!list) {
                byName.set(description.name, [description]);
            } else if (list[0].documentUri.toString() === STDLIB_URI) {
                list.unshift(description);
            } else {
                list.push(description);
            }
        }
        return new IndexedScope(byName);
    }
}
