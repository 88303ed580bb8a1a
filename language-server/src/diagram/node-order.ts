/**
 * Which way each flow is given to the layout. A layered layout draws every edge in one direction
 * (top to bottom); an edge against it leaves its node on the wrong side and loops round the picture.
 * Ranking the nodes first, and giving the layout every edge from the lower rank to the higher, turns
 * such a flow into a short line whose arrowhead points back up: the line leaves and enters each box
 * on the side that faces the other end. The ranking depends on the view: a process reads in the order
 * of its steps, a system's context has what feeds it before it and what it feeds after it, anything
 * else keeps as few flows against the reading direction as it can (a feedback arc set, by weight).
 */

export interface RankedLink {
    source: string;
    target: string;
    /** How much a link counts when the ranking must go against some (the flows it stands for). */
    weight: number;
}

/**
 * An order of `nodes` with few links running backwards, heavier links first (the greedy heuristic of
 * Eades, Lin and Smyth): sinks go to the end, sources to the front, otherwise the node whose links
 * out outweigh its links in most. Ties keep the given order, so the result is stable.
 */
export function feedbackOrder(nodes: readonly string[], links: readonly RankedLink[]): string[] {
    const out = new Map(nodes.map(node => [node, new Map<string, number>()]));
    const into = new Map(nodes.map(node => [node, new Map<string, number>()]));
    for (const { source, target, weight } of links) {
        if (source === target || !out.has(source) || !out.has(target)) continue;
        out.get(source)!.set(target, (out.get(source)!.get(target) ?? 0) + weight);
        into.get(target)!.set(source, (into.get(target)!.get(source) ?? 0) + weight);
    }
    const remaining = new Set(nodes);
    const front: string[] = [];
    const back: string[] = [];
    const weightOf = (map: Map<string, number>) => {
        let total = 0;
        for (const [other, weight] of map) if (remaining.has(other)) total += weight;
        return total;
    };
    const take = (node: string) => remaining.delete(node);
    while (remaining.size > 0) {
        let changed = true;
        while (changed) {
            const sinks = [...remaining].filter(node => weightOf(out.get(node)!) === 0);
            sinks.forEach(take);
            back.unshift(...sinks);
            const sources = [...remaining].filter(node => weightOf(into.get(node)!) === 0);
            sources.forEach(take);
            front.push(...sources);
            changed = sinks.length + sources.length > 0;
        }
        if (remaining.size === 0) break;
        let best: string | undefined;
        let bestScore = Number.NEGATIVE_INFINITY;
        for (const node of remaining) {
            const score = weightOf(out.get(node)!) - weightOf(into.get(node)!);
            if (score > bestScore) { best = node; bestScore = score; }
        }
        front.push(best!);
        take(best!);
    }
    return [...front, ...back];
}

/** Places closer than this along the flow were one layer of the earlier picture (boxes of one layer differ in height). */
const SAME_LAYER = 24;

/**
 * An order that keeps what was there before: the items that had a place keep their relative order
 * (by that place), in the slots they take in `order`; new items stay where `order` put them. An
 * edit then reverses no flow that was drawn one way before. Items of one earlier layer had no order
 * along the flow: among them `order` decides, so a new item linked to one of them is not put ahead of it.
 */
export function keepPrevious(order: readonly string[], placeOf: (item: string) => number | undefined): string[] {
    const known = order.filter(item => placeOf(item) !== undefined).sort((a, b) => placeOf(a)! - placeOf(b)!);
    const layer = new Map<string, number>();
    known.forEach((item, i) => layer.set(item, i > 0 && placeOf(item)! - placeOf(known[i - 1])! < SAME_LAYER ? layer.get(known[i - 1])! : i));
    const slot = new Map(order.map((item, i) => [item, i]));
    known.sort((a, b) => layer.get(a)! - layer.get(b)! || slot.get(a)! - slot.get(b)!);
    let next = 0;
    return order.map(item => placeOf(item) !== undefined ? known[next++] : item);
}

/** Rank of each node, from an order. */
export function ranks(order: readonly string[]): Map<string, number> {
    return new Map(order.map((node, index) => [node, index]));
}

/**
 * Ranks for nodes grouped into boxes. A layered layout places each box as one node of the level
 * above it, so lines must run between boxes in one direction only: boxes first, ordered by the links
 * between them (summed), then the nodes inside each box by the links inside it. With a `sequence`
 * (a process's systems in step order) boxes come in the order the sequence first enters them, and
 * nodes inside a box in sequence order.
 */
export function groupedRanks(
    nodes: ReadonlyArray<{ id: string; group?: string }>, links: readonly RankedLink[], sequence: readonly string[] = [],
    previous?: ReadonlyMap<string, number>
): Map<string, number> {
    const groupOf = new Map(nodes.map(node => [node.id, node.group ?? node.id]));
    const groups = [...new Set(nodes.map(node => groupOf.get(node.id)!))];
    const between: RankedLink[] = [];
    const inside = new Map<string, RankedLink[]>();
    for (const link of links) {
        const a = groupOf.get(link.source);
        const b = groupOf.get(link.target);
        if (a === undefined || b === undefined) continue;
        if (a !== b) between.push({ source: a, target: b, weight: link.weight });
        else (inside.get(a) ?? inside.set(a, []).get(a)!).push(link);
    }
    const inSequence = (ids: readonly string[], keys: (id: string) => string[]) => {
        const first = (id: string) => {
            const index = Math.min(...keys(id).map(key => sequence.indexOf(key)).filter(i => i >= 0));
            return Number.isFinite(index) ? index : Number.MAX_SAFE_INTEGER;
        };
        return [...ids].sort((a, b) => first(a) - first(b));
    };
    const members = (group: string) => nodes.filter(node => groupOf.get(node.id) === group).map(node => node.id);
    const groupPlace = (group: string) => {
        const places = members(group).map(id => previous?.get(id)).filter((p): p is number => p !== undefined);
        return places.length > 0 ? places.reduce((a, b) => a + b, 0) / places.length : undefined;
    };
    const groupOrder = keepPrevious(sequence.length > 0 ? inSequence(feedbackOrder(groups, between), members) : feedbackOrder(groups, between), groupPlace);
    const order: string[] = [];
    for (const group of groupOrder) {
        const ordered = feedbackOrder(members(group), inside.get(group) ?? []);
        order.push(...keepPrevious(sequence.length > 0 ? inSequence(ordered, id => [id]) : ordered, id => previous?.get(id)));
    }
    return ranks(order);
}

/**
 * Moves neighbours linked both ways (either side is right for them) from the longer side of the
 * focus to the shorter, most evenly linked first, while that shortens the longer side: a hub's
 * consumers would otherwise make one column many times the other's height.
 */
function balanceSides(level: Map<string, number>, free: readonly string[], pull: ReadonlyMap<string, number>, lines: ReadonlyMap<string, number>): void {
    const size = (node: string) => 1 + (lines.get(node) ?? 1);
    const sideSize = (side: number) => [...level].reduce((sum, [node, l]) => l === side ? sum + size(node) : sum, 0);
    const candidates = [...free].sort((a, b) => Math.abs(pull.get(a) ?? 0) - Math.abs(pull.get(b) ?? 0) || a.localeCompare(b));
    for (const node of candidates) {
        const side = level.get(node)!;
        const [here, there] = [sideSize(side), sideSize(-side)];
        if (there + size(node) < here) level.set(node, -side);
    }
}

/**
 * The level of each node round one focus node: 0 for the focus, -1 for what feeds it, +1 for what it
 * feeds, -2 for what feeds those, and so on. A node linked both ways goes to the side it had before
 * (`sides`), else where more of its links' weight points (ties: after the focus); beyond the first
 * ring a node stays on the side of the node that reached it. Nodes the links never reach are left out.
 */
export function contextLevels(nodes: readonly string[], links: readonly RankedLink[], focus: string, sides?: ReadonlyMap<string, number>): Map<string, number> {
    const known = new Set(nodes);
    const level = new Map<string, number>([[focus, 0]]);
    /** Lines per neighbour of the focus: its box is as tall as the lines meeting it. */
    const lines = new Map<string, number>();
    for (const { source, target } of links) {
        if (source === focus && target !== focus) lines.set(target, (lines.get(target) ?? 0) + 1);
        else if (target === focus && source !== focus) lines.set(source, (lines.get(source) ?? 0) + 1);
    }
    let frontier = new Set([focus]);
    for (let distance = 1; frontier.size > 0; distance++) {
        /** Positive: reached along links (fed by the frontier); negative: against them (feeds it). */
        const balance = new Map<string, number>();
        const inherited = new Map<string, number>();
        /** Whether a node is reached both along and against links: then either side is right. */
        const ways = new Map<string, Set<number>>();
        for (const { source, target, weight } of links) {
            for (const [from, to, pull] of [[source, target, weight], [target, source, -weight]] as const) {
                if (!frontier.has(from) || level.has(to) || !known.has(to)) continue;
                balance.set(to, (balance.get(to) ?? 0) + pull);
                (ways.get(to) ?? ways.set(to, new Set()).get(to)!).add(Math.sign(pull));
                const side = Math.sign(level.get(from)!);
                if (side !== 0) inherited.set(to, side);
            }
        }
        const free: string[] = [];
        for (const [node, pull] of balance) {
            const kept = ways.get(node)!.size > 1 ? sides?.get(node) : undefined;
            level.set(node, (inherited.get(node) ?? kept ?? (pull < 0 ? -1 : 1)) * distance);
            if (distance === 1 && kept === undefined && ways.get(node)!.size > 1) free.push(node);
        }
        if (distance === 1) balanceSides(level, free, balance, lines);
        frontier = new Set(balance.keys());
    }
    return level;
}
