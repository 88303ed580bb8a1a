import type { DiagramGraph, DiagramLayout } from '../diagram/diagram-graph.js';
import { elementIdOf } from '../diagram/element-ids.js';

/** One diagram view as the CLI laid it out (diagram/produce-diagram.ts): what the picture exports place their boxes by. */
export interface LaidOutView { graph: DiagramGraph; layout: DiagramLayout }

/** Finding counts per element (`elementIdOf`), waived findings left out. */
export type FindingCounts = Map<string, number>;

export function findingCounts(findings: ReadonlyArray<{ element: { kind: string; name: string }; accepted?: unknown }>): FindingCounts {
    const counts: FindingCounts = new Map();
    for (const finding of findings) {
        if (finding.accepted) continue;
        const key = elementIdOf(finding.element);
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
}
