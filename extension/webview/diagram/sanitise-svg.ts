/**
 * Parses the server's SVG as XML and keeps only inert drawing: no scripts, no foreign HTML, no
 * event handlers, no links outside the document. The server already escapes model text; this is
 * the second wall. The SVG's own <style> goes too: the page carries the same CSS under its nonce.
 */
const DROPPED_ELEMENTS = ['script', 'foreignObject', 'style', 'iframe', 'object', 'embed', 'a', 'image', 'use', 'title'];

export function sanitiseSvg(text: string): SVGSVGElement | undefined {
    // Cut the stylesheet before parsing: the parsed document shares the page's CSP, which would
    // report the un-nonced <style> as a violation even though it is never inserted.
    const parsed = new DOMParser().parseFromString(text.replace(/<style[\s\S]*?<\/style>/g, ''), 'image/svg+xml');
    const root = parsed.documentElement;
    if (!root || root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
    for (const name of DROPPED_ELEMENTS) {
        for (const element of Array.from(parsed.getElementsByTagName(name))) element.remove();
    }
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
        for (const attribute of Array.from(element.attributes)) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.trim().toLowerCase();
            const isLink = name === 'href' || name.endsWith(':href');
            if (name.startsWith('on') || (isLink && !value.startsWith('#')) || value.startsWith('javascript:')) {
                element.removeAttribute(attribute.name);
            }
        }
    }
    return root as unknown as SVGSVGElement;
}
