// Driving the code-server workbench from Playwright: the command palette, Quick Open, webview frames,
// waiting: shared by the UI checks (ui.mjs, ui-review.mjs).

/** `opensPicker`: the command shows its own quick pick, so the widget stays open. */
export async function runCommand(page, title, { opensPicker = false } = {}) {
    // A webview that opens or takes the focus meanwhile closes the palette: it is opened again, up to three times.
    for (let attempt = 1; ; attempt++) {
        try {
            await focusWorkbench(page);
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input.input');
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill(`>${title}`, { timeout: 5_000 });
            // Click the row with exactly this title: Enter would run whichever fuzzy match is ranked first.
            const row = page.locator('.quick-input-widget .monaco-list-row .label-name').getByText(title, { exact: true }).first();
            await row.waitFor({ state: 'visible', timeout: 10_000 });
            await row.click({ timeout: 5_000 });
            break;
        } catch (error) {
            if (attempt === 3) throw error;
            await page.keyboard.press('Escape');
        }
    }
    if (!opensPicker) await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Picks the row of the open quick pick whose label starts with `label`. */
export async function pickItem(page, label) {
    const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
}

/** After a click inside a webview, keys go to its iframe; a click on the side bar title takes focus back. */
export async function focusWorkbench(page) {
    await page.locator('.part.sidebar .composite.title').first().click();
}

export async function openFile(page, file) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(file);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: file.split('/').pop() }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab.active', { hasText: file.split('/').pop() }).first().waitFor({ timeout: 10_000 });
}

/** Puts the cursor at a 1-based line and column of the active editor. */
export async function goTo(page, line, column) {
    const input = page.locator('.quick-input-widget input.input');
    // Pressed while a file just opened is still taking the focus, Control+G can go nowhere; a webview
    // taking the focus a moment later closes the box again before it is filled: pressed again.
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+G');
        const shown = await input.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
        if (shown && await input.fill(`:${line}:${column}`, { timeout: 3_000 }).then(() => true, () => false)) break;
        if (attempt === 3) throw new Error(`Control+G opened no "go to line" box that stayed open, three times`);
    }
    // Enter before the widget has read the text would do nothing.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: `line ${line} and character ${column}` }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The document frame inside a webview (`iframe.webview.ready` → `#active-frame`) that shows `selector`. */
export async function webviewFrame(page, selector, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        for (const frame of page.frames()) {
            const element = await frame.frameElement().catch(() => undefined);
            if (!element || (await element.getAttribute('id')) !== 'active-frame') continue;
            if (await frame.locator(selector).count().catch(() => 0)) return frame;
        }
        if (Date.now() > deadline) throw new Error(`no webview shows ${selector} within ${timeoutMs} ms`);
        await page.waitForTimeout(200);
    }
}

/** Parks the pointer on the status bar so no hover or tooltip covers the screenshot. */
export async function restMouse(page) {
    const viewport = page.viewportSize();
    await page.mouse.move(viewport.width / 2, viewport.height - 5);
    await page.waitForTimeout(150);
}

/** Polls `probe` until it returns something truthy; its last error (or `message`) if the time runs out. */
export async function until(probe, timeoutMs, message) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        let failure;
        try {
            const value = await probe();
            if (value) return value;
        } catch (error) {
            failure = error;
        }
        if (Date.now() > deadline) throw failure ?? new Error(typeof message === 'function' ? message() : message ?? 'timed out');
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}
