// Second half of the UI checks (after ui.mjs): the review commands as a user sees them. Packages the VSIX
// (or takes INTEG_E2E_VSIX), installs it into a fresh code-server and drives the workbench in headless
// chromium: "Integration: Show Brief" (the COO brief, live, a heat-map cell opening the department's
// diagram under the findings lens), "Integration: Show Lineage" from the editor's context menu, and
// "Integration: Export Evidence…" through the save dialog (which must ask before replacing a file), and
// "Integration: Compare with…" HEAD (the workspace copy is made a git repository): the diagram in its
// changes lens beside the Markdown summary, following each edit.
// Screenshots: test-results/vscode-brief.png, vscode-brief-department.png, vscode-lineage.png, vscode-compare.png.
// Env as ui.mjs: INTEG_E2E_VSIX, INTEG_E2E_SAMPLE, INTEG_E2E_VERBOSE=1, INTEG_E2E_KEEP=1, INTEG_E2E_TIMEOUT (s, default 180).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, buildForTests } from './build-suite.mjs';
import { createSandbox, ensureCodeServer } from './lib/code-server.mjs';
import { installVsix, packageVsix, RESULTS, runInWorkbench, uiReporter, writeTypingSettings } from './lib/ui-run.mjs';
import { focusWorkbench, goTo, openFile, pickItem, restMouse, runCommand, until, webviewFrame } from './lib/workbench-actions.mjs';

const verbose = process.env.INTEG_E2E_VERBOSE === '1';
const { say, check, summary } = uiReporter('test:ui-review');
const TIMEOUT_S = Number(process.env.INTEG_E2E_TIMEOUT ?? 180);

/** The whole picture at a readable size: the diagram's editor group maximised, fitted, shot, then restored. */
async function fittedScreenshot(page, diagram, file) {
    await page.locator('.tab', { hasText: 'Integration diagram' }).first().click();
    await runCommand(page, 'View: Toggle Maximize Editor Group');
    await page.waitForTimeout(500);
    await diagram.locator('#fit').click();
    await restMouse(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(RESULTS, file) });
    await runCommand(page, 'View: Toggle Maximize Editor Group');
}

/** The first `carries Entity.field` of the sample: file, 1-based line and column of the field, and the name. */
function carriedField(workspace) {
    for (const file of readdirSync(workspace).filter(name => name.endsWith('.integ')).sort()) {
        const lines = readFileSync(join(workspace, file), 'utf8').split('\n');
        for (const [index, line] of lines.entries()) {
            const match = /\bcarries\s+([A-Z][\w-]*)\.([a-z][\w-]*)/.exec(line);
            if (match) return { file, line: index + 1, column: match.index + match[0].length - match[2].length + 2, name: `${match[1]}.${match[2]}` };
        }
    }
    throw new Error('the sample carries no Entity.field');
}

/** Two live systems of one file, for a manual flow the brief must count at once. */
function twoSystems(workspace) {
    for (const file of readdirSync(workspace).filter(name => name.startsWith('systems-') && name.endsWith('.integ')).sort()) {
        const names = [...readFileSync(join(workspace, file), 'utf8').matchAll(/^system\s+([A-Za-z_][\w-]*)/gm)].map(match => match[1]);
        if (names.length >= 2) return { file, from: names[0], to: names[1] };
    }
    throw new Error('no systems file declares two systems');
}

async function main() {
    await buildForTests({ dist: false });
    const vsix = packageVsix();
    say(`VSIX ${relative(ROOT, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
    const bin = ensureCodeServer();
    const sandbox = createSandbox('ui-review');
    say(installVsix(bin, sandbox, vsix));
    mkdirSync(RESULTS, { recursive: true });
    // The live-update check types into the editor.
    writeTypingSettings(sandbox);

    // The copy as a repository with one commit: "Compare with…" HEAD shows the edits made below.
    for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=ui-review', '-c', 'user.email=ui-review@example.invalid', 'commit', '-q', '-m', 'sample']]) {
        execFileSync('git', args, { cwd: sandbox.workspace, stdio: 'pipe' });
    }

    const failed = await runInWorkbench({ bin, sandbox, say, check, verbose, timeoutS: TIMEOUT_S, failureShot: 'vscode-review-failure.png' }, async ({ page, server }) => {
        const edit = twoSystems(sandbox.workspace);
        await openFile(page, edit.file);

        let brief;
        const manualHours = () => brief.locator('.card[data-figure="manual-hours"] .big').innerText();
        await check('"Integration: Show Brief" opens the COO brief: four headline cards, the actions, the charts', async () => {
            await runCommand(page, 'Integration: Show Brief');
            brief = await webviewFrame(page, '#brief .cards');
            const tab = (await page.locator('.tab', { hasText: 'Integration brief' }).first().innerText()).trim();
            const cards = await brief.locator('.card').count();
            const charts = await brief.locator('figure[data-chart]').count();
            const cells = await brief.locator('rect.cell[data-key]').count();
            if (tab !== 'Integration brief' || cards !== 4 || charts < 3 || cells === 0) throw new Error(`tab "${tab}", ${cards} cards, ${charts} charts, ${cells} department cells`);
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-brief.png') });
            return `tab "${tab}", ${cards} cards, ${charts} charts, ${cells} heat-map cells of departments; manual work ${await manualHours()} (screenshot vscode-brief.png)`;
        });

        await check('the brief follows an edit at once: a new 40 h manual flow raises the manual hours, reverting lowers them again', async () => {
            const before = await manualHours();
            await page.locator('.tab', { hasText: edit.file }).first().click();
            await page.locator('.editor-instance .view-lines').first().click();
            await page.keyboard.press('Control+End');
            await page.keyboard.type(`\nflow UiReviewManual : ${edit.from} -> ${edit.to} { style manual  effort 40 hours per week }\n`);
            const after = await until(async () => { const now = await manualHours(); return now !== before ? now : undefined; }, 30_000, 'the manual hours did not change');
            await runCommand(page, 'File: Revert File');
            await until(async () => (await manualHours()) === before, 30_000, 'the manual hours did not return after the revert');
            return `${before} → ${after} → ${before}`;
        });

        await check('a heat-map cell of a department opens the diagram on that department, coloured by findings', async () => {
            const cell = brief.locator('rect.cell[data-key]:not(.zero)').first();
            const department = await cell.getAttribute('data-key');
            const row = await cell.getAttribute('data-row');
            await cell.click();
            const diagram = await webviewFrame(page, '#canvas svg.lens-findings g.integ-node');
            const title = await until(async () => { const text = await diagram.locator('#title').innerText(); return text.startsWith('Department') ? text : undefined; }, 30_000, 'the diagram shows no department');
            if (!title.includes(row)) throw new Error(`the diagram shows "${title}", not the department ${row}`);
            const lens = await diagram.locator('#lens').inputValue();
            if (lens !== 'findings') throw new Error(`the lens picker says ${lens}`);
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-brief-department.png') });
            return `${department} → "${title}", lens ${lens} (screenshot vscode-brief-department.png)`;
        });

        const field = carriedField(sandbox.workspace);
        await check(`"Show Lineage" in the editor's context menu on ${field.name} follows it in the diagram`, async () => {
            await openFile(page, field.file);
            await goTo(page, field.line, field.column);
            await page.keyboard.press('Shift+F10');
            const item = page.locator('.monaco-menu .action-label').getByText('Show Lineage', { exact: true });
            await item.hover();
            await page.keyboard.press('Enter');
            const diagram = await webviewFrame(page, '#canvas svg g.integ-node');
            await until(async () => (await diagram.locator('#follow').inputValue()) === field.name, 30_000, `the diagram does not follow ${field.name}`);
            const notes = await until(async () => { const text = await diagram.locator('#notes').innerText(); return text.includes(field.name) ? text : undefined; }, 30_000, 'no note says what is followed');
            const dimmed = await diagram.locator('#canvas svg.following [data-id].dim').count();
            if (dimmed === 0) throw new Error('nothing is dimmed');
            await fittedScreenshot(page, diagram, 'vscode-lineage.png');
            return `"${notes.split('\n').find(line => line.includes(field.name))}", ${dimmed} elements dimmed (screenshot vscode-lineage.png)`;
        });

        const evidence = join(sandbox.workspace, 'gdpr-ropa.md');
        const exportRopa = async () => {
            // The diagram following the last check can take the focus and close the quick picks, as it
            // closes the palette (runCommand): the command is run again, up to three times.
            for (let attempt = 1; ; attempt++) {
                try {
                    await runCommand(page, 'Integration: Export Evidence…', { opensPicker: true });
                    await pickItem(page, 'Record of processing activities');
                    await pickItem(page, 'Markdown');
                    break;
                } catch (error) {
                    if (attempt === 3) throw error;
                    await page.keyboard.press('Escape');
                }
            }
            // The save dialog (code-server's own, a quick input) proposes <folder>/gdpr-ropa.md.
            const input = page.locator('.quick-input-widget input.input');
            await until(async () => (await input.inputValue()).endsWith('gdpr-ropa.md'), 10_000, 'the save dialog does not propose gdpr-ropa.md');
            await page.keyboard.press('Enter');
        };
        await check('"Export Evidence…" writes the GDPR record chosen in the quick picks where the save dialog says', async () => {
            await focusWorkbench(page);
            await exportRopa();
            const text = await until(() => existsSync(evidence) && readFileSync(evidence, 'utf8'), 30_000, 'gdpr-ropa.md was not written');
            if (!text.startsWith('# Record of processing activities')) throw new Error(`gdpr-ropa.md starts "${text.slice(0, 60)}"`);
            await page.locator('.notifications-toasts', { hasText: 'Evidence written to gdpr-ropa.md' }).first().waitFor({ timeout: 10_000 });
            return `${text.split('\n').length} lines, "${text.split('\n')[0]}"`;
        });
        await check('exporting over an existing file asks first; declining leaves the file as it was', async () => {
            writeFileSync(evidence, 'kept\n');
            await exportRopa();
            // code-server's save dialog asks in its own title, with OK and Cancel beside the path.
            const dialog = page.locator('.quick-input-widget', { hasText: 'already exists' });
            await dialog.waitFor({ state: 'visible', timeout: 10_000 });
            const question = (await dialog.locator('.quick-input-title').innerText()).trim();
            await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
            await page.waitForTimeout(1500);
            const text = readFileSync(evidence, 'utf8');
            if (text !== 'kept\n') throw new Error('the file was replaced although the dialog was declined');
            return `"${question}" → Cancel, file unchanged`;
        });

        const typeAtEnd = async text => {
            await page.locator('.tab', { hasText: edit.file }).first().click();
            await page.locator('.editor-instance .view-lines').first().click();
            await page.keyboard.press('Control+End');
            await page.keyboard.type(text);
        };
        await check('"Compare with…" HEAD shows the unsaved edit in the diagram\'s changes lens, with the Markdown summary beside it', async () => {
            await openFile(page, edit.file);
            await typeAtEnd('\nsystem UiReviewBi "UI review BI" { kind analytics  department Finance }\n');
            await runCommand(page, 'Integration: Compare with…', { opensPicker: true });
            await pickItem(page, 'HEAD');
            const diagram = await webviewFrame(page, '#canvas svg.comparing [data-id="system:UiReviewBi"].diff-added');
            const title = await diagram.locator('#title').innerText();
            if (!title.startsWith('Estate diff HEAD → working tree')) throw new Error(`the diagram's title is "${title}"`);
            const unchanged = await diagram.locator('#canvas svg.comparing .diff-unchanged[data-id]').count();
            const summaryTab = page.locator('.tab', { hasText: 'Untitled' }).first();
            await summaryTab.click();
            const summary = await until(async () => {
                const text = await page.locator('.editor-group-container.active .view-lines').first().innerText();
                return text.includes('UiReviewBi') ? text : undefined;
            }, 10_000, 'the Markdown summary does not name the added system');
            return `"${title}", UiReviewBi marked added, ${unchanged} elements unchanged; summary "${summary.split('\n')[0]}"`;
        });
        await check('the changes lens follows the next edit: a second new system is marked added too', async () => {
            await typeAtEnd('system UiReviewCrm "UI review CRM" { kind crm  department Finance }\n');
            const diagram = await webviewFrame(page, '#canvas svg.comparing [data-id="system:UiReviewCrm"].diff-added');
            const added = await diagram.locator('#canvas svg.comparing .integ-node.diff-added[data-id]').count();
            await fittedScreenshot(page, diagram, 'vscode-compare.png');
            return `${added} systems marked added (screenshot vscode-compare.png)`;
        });
    });
    return summary(failed);
}

main().then(code => process.exit(code), error => {
    console.error(`[test:ui-review] ${error?.stack ?? error}`);
    process.exit(1);
});
