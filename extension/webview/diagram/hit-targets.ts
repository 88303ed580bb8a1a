/**
 * A flow's line is under 2 px wide: each gets a wide, invisible copy underneath to hover and click.
 * The server draws every line once (a large view's answer would otherwise carry each path twice);
 * the copies are made here, after sanitising, and never leave the page.
 */
export function addHitTargets(svg: Element): void {
    for (const line of Array.from(svg.querySelectorAll('g.integ-edge[data-id] > path.line'))) {
        const hit = line.cloneNode(false) as Element;
        hit.setAttribute('class', 'hit');
        line.before(hit);
    }
}
