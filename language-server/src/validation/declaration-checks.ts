import { GrammarAST, isCompositeCstNode, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type * as ast from '../generated/ast.js';
import { percentWithinLimit } from '../model/limits.js';
import { isKnownRegion } from '../model/regions.js';
import { parseYearMonth } from '../model/units.js';
import { shortNumber } from './range-checks.js';

const TLS_VERSIONS = new Set([1.0, 1.1, 1.2, 1.3]);

/** Single-valued properties written twice: the second silently replaces the first, so say so. */
function checkRepeatedProperties(node: AstNode, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    let cst = node.$cstNode;
    // `Element: … | Flow | …` wraps the declaration's own node in the rule call's node.
    while (cst && isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0]) && cst.content[0].astNode === node) {
        cst = cst.content[0];
    }
    if (!cst || !isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        const keyword = child.grammarSource;
        if (!GrammarAST.isKeyword(keyword) || !isSingleValued(keyword)) continue;
        if (seen.has(keyword.value)) {
            accept('error', `'${keyword.value}' is set more than once; keep one.`, { node, range: child.range });
        }
        seen.add(keyword.value);
    }
}

/** Per grammar keyword: the grammar never changes, and every declaration of every build asks. */
const singleValued = new WeakMap<GrammarAST.Keyword, boolean>();

function isSingleValued(keyword: GrammarAST.Keyword): boolean {
    let result = singleValued.get(keyword);
    if (result === undefined) {
        result = keywordIsSingleValued(keyword);
        singleValued.set(keyword, result);
    }
    return result;
}

function keywordIsSingleValued(keyword: GrammarAST.Keyword): boolean {
    const container: AstNode | undefined = keyword.$container;
    if (GrammarAST.isAssignment(container)) {
        return container.operator !== '+=';
    }
    if (GrammarAST.isGroup(container)) {
        const index = container.elements.indexOf(keyword);
        if (index !== 0) return false;
        const assignment = container.elements.slice(index + 1).find(GrammarAST.isAssignment);
        return assignment !== undefined && assignment.operator !== '+=';
    }
    return false;
}

function checkTls(node: ast.TlsVersion | undefined, accept: ValidationAcceptor): void {
    if (node && !node.none && node.version !== undefined && !TLS_VERSIONS.has(node.version)) {
        accept('error', `Unknown TLS version ${shortNumber(node.$cstNode?.text ?? String(node.version))}; use none, 1.0, 1.1, 1.2 or 1.3.`, { node, property: 'version' });
    }
}

function checkPercent(node: AstNode, property: string, text: string | undefined, accept: ValidationAcceptor, signed: boolean): void {
    if (text === undefined) return;
    const value = Number.parseFloat(text);
    if (!signed && (text.startsWith('+') || text.startsWith('-'))) {
        accept('error', `A rate is written without a sign, e.g. 3%.`, { node, property });
    } else if (!percentWithinLimit(value)) {
        accept('error', `${shortNumber(text)} is outside -100% to +100%.`, { node, property });
    }
}

function checkDate(node: AstNode, property: string, text: string | undefined, accept: ValidationAcceptor): void {
    if (text === undefined) return;
    const month = parseYearMonth(text);
    const day = /^\d{4}-\d{2}-(\d{2})$/.exec(text)?.[1];
    if (!month || (day !== undefined && (Number(day) < 1 || Number(day) > new Date(Date.UTC(month.year, month.month, 0)).getUTCDate()))) {
        accept('error', `'${text}' is not a valid date; write YYYY-MM or YYYY-MM-DD.`, { node, property });
    }
}

function blockChecks<T extends AstNode>(extra?: (node: T, accept: ValidationAcceptor) => void) {
    return (node: T, accept: ValidationAcceptor) => {
        checkRepeatedProperties(node, accept);
        extra?.(node, accept);
    };
}

function rangeCheck(node: AstNode, min: number, max: number | undefined, property: string, accept: ValidationAcceptor, what: string): void {
    if (max !== undefined && max < min) {
        accept('error', `${what}: ${max} is before ${min}; write the smaller number first.`, { node, property });
    }
}

export const declarationChecks: ValidationChecks<ast.IntegrationAstType> = {
    Department: blockChecks(),
    Regulation: blockChecks(),
    Classification: blockChecks(),
    Entity: blockChecks<ast.Entity>((entity, accept) => {
        const names = new Set<string>();
        for (const field of entity.fields) {
            if (field.name && names.has(field.name)) {
                accept('error', `Field '${field.name}' is declared twice in entity '${entity.name}'.`, { node: field, property: 'name' });
            }
            names.add(field.name);
        }
    }),
    Platform: blockChecks(),
    System: blockChecks<ast.System>((system, accept) => {
        if (system.region !== undefined && !isKnownRegion(system.region)) {
            accept('error', `Unknown region '${system.region}'; use eu, eea, uk or an ISO 3166 country code such as de, fr, us.`, { node: system, property: 'region' });
        }
    }),
    Flow: blockChecks<ast.Flow>((flow, accept) => {
        checkTls(flow.tls, accept);
        checkPercent(flow, 'errors', flow.errors, accept, false);
        // By name, not by resolved target: these checks read only the syntax tree, so their results are kept while it is unchanged.
        if (flow.source?.$refText && flow.source.$refText === flow.target?.$refText) {
            accept('warning', `Flow '${flow.name}' goes from '${flow.source.$refText}' to itself.`, { node: flow, property: 'target' });
        }
    }),
    Process: blockChecks(),
    Roadmap: blockChecks<ast.Roadmap>((roadmap, accept) => {
        checkDate(roadmap, 'start', roadmap.start, accept);
        if (roadmap.start === undefined && roadmap.initiatives.some(i => i.months)) {
            accept('warning', `Roadmap '${roadmap.name}' has no 'start'; its initiatives' months cannot be placed on a calendar.`, { node: roadmap, property: 'name' });
        }
    }),
    Initiative: blockChecks<ast.Initiative>((initiative, accept) => {
        const months = initiative.months;
        if (months) {
            if (months.from < 1) accept('error', `Months count from 1 (the roadmap's start month).`, { node: months, property: 'from' });
            rangeCheck(months, months.from, months.to, 'to', accept, 'Months');
        }
        if (initiative.dependsOn.some(ref => ref.$refText === initiative.name)) {
            accept('error', `Initiative '${initiative.name}' depends on itself.`, { node: initiative, property: 'dependsOn' });
        }
    }),
    Targets: blockChecks<ast.Targets>((targets, accept) => {
        checkPercent(targets, 'manualHours', targets.manualHours, accept, true);
        checkPercent(targets, 'reportTime', targets.reportTime, accept, true);
        checkPercent(targets, 'productivity', targets.productivity, accept, true);
        checkPercent(targets, 'errorRate', targets.errorRate, accept, false);
    }),
    Accept: blockChecks<ast.Accept>((waiver, accept) => {
        checkDate(waiver, 'until', waiver.until, accept);
        if (waiver.reason !== undefined && waiver.reason.trim() === '') {
            accept('error', `A waiver needs a reason.`, { node: waiver, property: 'reason' });
        }
    }),
    Policy: (policy, accept) => {
        const seen = new Map<string, ast.PolicySetting>();
        for (const setting of policy.settings) {
            const key = setting.$type === 'RuleSeverity' ? `rule ${setting.rule}` : setting.$type;
            const node = setting.$cstNode;
            if (seen.has(key) && node) {
                accept('error', `This policy setting is written more than once; keep one.`, { node: setting, range: node.range });
            }
            seen.set(key, setting);
        }
    },
    MinTls: (setting, accept) => checkTls(setting.version, accept),
    ChampionsPolicy: (setting, accept) => rangeCheck(setting, setting.min, setting.max, 'max', accept, 'Champions'),
    ParallelRunPolicy: (setting, accept) => rangeCheck(setting, setting.min, setting.max, 'max', accept, 'Parallel run'),
    PriceRange: (price, accept) => rangeCheck(price, price.min, price.max, 'max', accept, 'Price'),
    Requirement: (requirement, accept) => checkTls(requirement.tls, accept)
};
