/**
 * The shapes of panel a layout is made for. A panel is told apart from another only by its shape
 * (wide, square, tall), so that resizing the preview lays the picture out again only when its shape
 * changes. No imports: the webview bundles this too, to ask again only then.
 */
export interface PanelSize { width: number; height: number }

/** The panel the readability figures are measured in, and the shape a picture takes when none is given. */
export const REFERENCE_PANEL: PanelSize = { width: 1600, height: 900 };

const SQUARE: PanelSize = { width: 1000, height: 1000 };
const TALL: PanelSize = { width: 700, height: 1000 };

/** The representative panel of the shape `panel` has. */
export function panelShape(panel: PanelSize | undefined): PanelSize {
    const ratio = panel && panel.width > 0 && panel.height > 0 ? panel.width / panel.height : REFERENCE_PANEL.width / REFERENCE_PANEL.height;
    if (ratio >= 1.35) return REFERENCE_PANEL;
    return ratio >= 0.8 ? SQUARE : TALL;
}

/** `1600x900` as a panel size; undefined for anything else. */
export function parsePanel(text: string): PanelSize | undefined {
    const match = /^(\d{2,5})x(\d{2,5})$/.exec(text.trim());
    return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}
