// Shared by the code-server runners: install check, a per-run sandbox (workspace copy, user data,
// extensions dir), free ports, starting code-server in its own process group and stopping exactly it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../build-suite.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Runs the idempotent installer (a no-op once cached) and returns the code-server binary. */
export function ensureCodeServer() {
    const install = spawnSync('bash', [join(ROOT, 'scripts', 'install-code-server.sh')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (install.status !== 0) throw new Error('scripts/install-code-server.sh failed (see above)');
    const cache = process.env.CODE_SERVER_CACHE ?? join(ROOT, '.vscode-test', 'code-server');
    return join(cache, 'node_modules', '.bin', 'code-server');
}

/** samples/acme is the realistic estate; samples/reference stands in while acme does not exist. */
export function sampleFolder() {
    const chosen = process.env.INTEG_E2E_SAMPLE;
    if (chosen) return resolve(ROOT, chosen);
    const acme = join(ROOT, 'samples', 'acme');
    return existsSync(acme) ? acme : join(ROOT, 'samples', 'reference');
}

/** A fresh sandbox per run: tests edit the workspace copy, never the fixtures in the repo. */
export function createSandbox(label) {
    const dir = mkdtempSync(join(tmpdir(), `integ-${label}-`));
    const workspace = join(dir, 'workspace');
    const userDataDir = join(dir, 'user-data');
    const extensionsDir = join(dir, 'extensions');
    const configFile = join(dir, 'config.yaml');
    cpSync(sampleFolder(), workspace, { recursive: true });
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    // The web workbench autosaves by default and would write test edits to disk; trust prompts block UI.
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
        'security.workspace.trust.enabled': false,
        'files.autoSave': 'off',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none'
    }, null, 2));
    writeFileSync(configFile, '');
    return { dir, workspace, userDataDir, extensionsDir, configFile };
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/**
 * Starts code-server detached (its own process group, so stop() ends it and every child it forked:
 * extension host, language server, file watcher — and nothing else on the machine).
 */
export async function startCodeServer(bin, sandbox, { env = {}, log = () => {} } = {}) {
    const port = await freePort();
    const args = [
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir,
        '--config', sandbox.configFile, sandbox.workspace
    ];
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const output = [];
    const collect = chunk => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
            output.push(line);
            log(line);
        }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let exited = false;
    child.on('exit', () => { exited = true; });

    const stop = async () => {
        if (exited) return;
        const gone = new Promise(resolve => child.once('exit', resolve));
        try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
        const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } }, 3000);
        await gone;
        clearTimeout(timer);
        // Children that ignored SIGTERM (the extension host may linger) go with the group.
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
    };

    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
        if (exited) throw new Error(`code-server exited during start:\n${output.join('\n')}`);
        try {
            const response = await fetch(`${baseUrl}/healthz`);
            if (response.ok) break;
        } catch { /* not listening yet */ }
        if (Date.now() > deadline) {
            await stop();
            throw new Error(`code-server did not listen on ${port} within 30 s:\n${output.join('\n')}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return { port, baseUrl, host: `127.0.0.1:${port}`, output, stop };
}

/** The web workbench only honours vscode-remote:// URIs that name the page's own host. */
export function remoteUri(host, path) {
    return `vscode-remote://${host}${path}`;
}

export function workbenchUrl(server, workspace, payload = []) {
    const query = new URLSearchParams({ folder: workspace });
    if (payload.length > 0) query.set('payload', JSON.stringify(payload));
    return `${server.baseUrl}/?${query.toString()}`;
}

export async function launchChromium() {
    const { chromium } = await import('playwright-core');
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
