// The estate benchmark of design §6: one line per figure with median, p95 and the budget.
//   npm run bench                      all figures on the default estate (1,000 systems, 20 files)
//   npm run bench -- --runs 10         repeated runs per figure (default 7)
//   npm run bench -- --only check,server      sections: linking, check, server, layout (layout runs inside server), hostile, exchange
//   npm run bench -- --only server --profile-server /tmp/prof    CPU profile of the language server
//   npm run bench -- --scale           time vs estate size (250 / 500 / 1,000 / 2,000 systems)
// Figures: linking workloads, `integ check` wall time, rules, and the real language server over
// stdio (start-up diagnostics, edits, completion during a 1,000-node layout, layouts, memory), and
// hostile inputs of issue 15 through `integ check` and `integ roadmap`, and `integ import` / `integ diff`.
// Budgets are printed, never asserted: timing depends on the machine and its load.
import * as esbuild from 'esbuild';
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeEstate } from './gen-estate.mjs';
import { INVENTORY_ROWS, writeDiffPair, writeInventory } from './bench-exchange.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);

// ---------------------------------------------------------------- statistics and output

function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function ms(value) {
    return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

const results = [];

/** One line: name, median, p95, runs, budget and whether the p95 (or the median, for `median` budgets) meets it. */
function report(name, values, budget) {
    const median = percentile(values, 0.5);
    const p95 = percentile(values, 0.95);
    const budgeted = budget?.max !== undefined;
    const budgetText = budgeted ? `budget ${budget.on === 'median' ? 'median' : 'p95'} ≤ ${budget.unit === 'MB' ? `${budget.max} MB` : ms(budget.max)}` : '';
    const measured = budget?.on === 'median' ? median : p95;
    const verdict = budgeted ? (measured <= budget.max ? 'ok' : 'MISSED') : '';
    const show = budget?.unit === 'MB' ? v => `${Math.round(v)} MB` : ms;
    const line = `${name.padEnd(58)} median ${show(median).padStart(8)}  p95 ${show(p95).padStart(8)}  n=${String(values.length).padEnd(3)} ${budgetText} ${verdict}`;
    console.log(line.trimEnd());
    results.push({ name, median, p95, runs: values.length, budgeted, verdict });
    return { median, p95 };
}

// ---------------------------------------------------------------- set-up

/** scripts/bench-lib.ts (the language server's analysis plus the generator), bundled once (Node 20 cannot run TypeScript). */
async function bundleLibrary(dir) {
    const outfile = join(dir, 'bench-lib.mjs');
    await esbuild.build({
        entryPoints: [join(root, 'scripts', 'bench-lib.ts')],
        outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
        // Langium's CommonJS dependencies call require(); give the ESM bundle one.
        banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" }
    });
    return outfile;
}

function worker(bundle, task, folder, runs = 1) {
    return new Promise((resolve, reject) => {
        const child = fork(fileURLToPath(import.meta.url), ['--worker', bundle, task, folder, String(runs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        child.once('message', resolve);
        child.once('exit', code => { if (code !== 0) reject(new Error(`bench worker ${task} exited with ${code}`)); });
    });
}

const TIME = '/usr/bin/time';

/** Wall time of a whole process, and its CPU time (user + system) where /usr/bin/time exists. */
function wallTime(command, args) {
    const timed = existsSync(TIME);
    const cpuFile = join(tmpdir(), `integ-bench-cpu-${process.pid}`);
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = timed
            ? spawn(TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
            : spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
        child.once('exit', code => {
            const wall = performance.now() - start;
            if (code !== 0 && code !== 1) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
            let cpu;
            if (timed) {
                const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
                cpu = (user + system) * 1000;
                rmSync(cpuFile, { force: true });
            }
            resolve({ wall, cpu });
        });
    });
}

// ---------------------------------------------------------------- the language server over stdio

class LspClient {
    constructor(child) {
        this.child = child;
        this.nextId = 1;
        this.pending = new Map();
        this.listeners = new Map();
        this.buffer = Buffer.alloc(0);
        // Chunks of a large message wait here and are joined once it is complete, as editors' clients
        // do: joining on every chunk copied a 1 MB diagram answer about twenty times.
        this.pendingChunks = [];
        this.pendingLength = 0;
        this.needed = 0;
        child.stdout.on('data', chunk => this.receive(chunk));
    }

    receive(chunk) {
        this.pendingChunks.push(chunk);
        this.pendingLength += chunk.length;
        if (this.pendingLength < this.needed) return;
        this.buffer = Buffer.concat([this.buffer, ...this.pendingChunks]);
        this.pendingChunks = [];
        this.pendingLength = 0;
        this.needed = 0;
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
            if (this.buffer.length < headerEnd + 4 + length) {
                this.needed = headerEnd + 4 + length - this.buffer.length;
                return;
            }
            const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.dispatch(message);
        }
    }

    dispatch(message) {
        if (message.id !== undefined && message.method) {
            // Server → client requests (configuration, capability registration, progress): answer plainly.
            const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
            this.send({ jsonrpc: '2.0', id: message.id, result });
        } else if (message.id !== undefined) {
            const pending = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (message.error) pending?.reject(new Error(message.error.message)); else pending?.resolve(message.result);
        } else {
            for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
        }
    }

    send(message) {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin.write(body);
    }

    request(method, params) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.send({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method, params) {
        this.send({ jsonrpc: '2.0', method, params });
    }

    on(method, listener) {
        const list = this.listeners.get(method) ?? [];
        list.push(listener);
        this.listeners.set(method, list);
        return () => list.splice(list.indexOf(listener), 1);
    }

    /** Resolves when `predicate` has held for a notification of each URI, counting only those arriving after now. */
    waitForDiagnostics(uris, predicate = () => true, timeoutMs = 60_000) {
        const missing = new Set(uris);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => { off(); reject(new Error(`no diagnostics for ${[...missing].slice(0, 3).join(', ')} within ${timeoutMs} ms`)); }, timeoutMs);
            const off = this.on('textDocument/publishDiagnostics', params => {
                if (missing.has(params.uri) && predicate(params)) missing.delete(params.uri);
                if (missing.size === 0) { clearTimeout(timer); off(); resolve(performance.now()); }
            });
        });
    }
}

/** User + system CPU time of a process so far, all its threads (garbage collection included): steadier than wall time on a busy machine. */
function processCpuMs(pid) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
}

function residentMegabytes(pid) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = name => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts dist/server.cjs on the folder and measures initialize → every file's diagnostics published. */
async function startServer(folder, files) {
    const profile = option('--profile-server');
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = spawn(process.execPath, [...flags, join(root, 'dist/server.cjs'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new LspClient(child);
    const uris = files.map(file => pathToFileURL(join(folder, file.name)).toString());
    const start = performance.now();
    const published = client.waitForDiagnostics(uris, () => true, 120_000);
    await client.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'estate' }],
        capabilities: { textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } } }, workspace: { workspaceFolders: true, configuration: true } }
    });
    client.notify('initialized', {});
    const end = await published;
    return { child, client, uris, startupMs: end - start };
}

async function stopServer(server) {
    const exited = new Promise(resolve => server.child.once('exit', resolve));
    await Promise.race([server.client.request('shutdown', null), quiet(5_000)]);
    server.client.notify('exit', null);
    // A profiled server needs a moment to write its profile.
    await Promise.race([exited, quiet(10_000)]);
    if (server.child.exitCode === null) server.child.kill();
}

const quiet = duration => new Promise(resolve => setTimeout(resolve, duration));

/**
 * 20 edits in one file: a system used from other files is renamed and renamed back, so every edit
 * changes diagnostics in the edited file and in each file that refers to the system. Time: didChange
 * sent → the last affected file's new diagnostics received.
 */
async function measureEdits(server, folder, files, edits) {
    const { client } = server;
    const target = pickEditTarget(files);
    const uri = pathToFileURL(join(folder, target.file.name)).toString();
    const affected = files.filter(file => new RegExp(`\\b${target.system}\\b`).test(file.text)).map(file => pathToFileURL(join(folder, file.name)).toString());
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'integ', version: 1, text: target.file.text } });
    await quiet(1_500);
    const declaration = `system ${target.system} `;
    const renamed = target.file.text.replace(declaration, `system ${target.system}Renamed `);
    const unresolved = `Unknown system '${target.system}'`;
    const times = [];
    const cpuBefore = processCpuMs(server.child.pid);
    for (let i = 0; i < edits; i++) {
        const broken = i % 2 === 0;
        const done = client.waitForDiagnostics(affected, params => params.diagnostics.some(d => d.message.includes(unresolved)) === broken);
        const start = performance.now();
        client.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: broken ? renamed : target.file.text }] });
        times.push((await done) - start);
    }
    const cpuPerEdit = (processCpuMs(server.child.pid) - cpuBefore) / edits;
    return { times, cpuPerEdit, system: target.system, affectedFiles: affected.length, file: target.file.name, uri, text: target.file.text };
}

/** A department hub declared in the file, referred to from a few other files (not the company ERP, used everywhere). */
function pickEditTarget(files) {
    let best;
    for (const file of files) {
        for (const match of file.text.matchAll(/^system (\w+) /gm)) {
            const system = match[1];
            if (system.startsWith('Core') || system.startsWith('DataWarehouse')) continue;
            const pattern = new RegExp(`\\b${system}\\b`);
            const users = files.filter(other => other !== file && pattern.test(other.text)).length;
            if (users >= 2 && (!best || users > best.users)) best = { file, system, users };
        }
        if (best) break;
    }
    return best ?? { file: files[0], system: /^system (\w+) /m.exec(files[0].text)[1], users: 0 };
}

/** Completion after `style ` in a flow of the open file, `count` times, optionally while a diagram is laid out. */
async function measureCompletion(server, edit, count) {
    const lines = edit.text.split('\n');
    const line = lines.findIndex(text => /^ {2}style \w+/.test(text));
    const character = lines[line].indexOf('style ') + 'style '.length;
    const times = [];
    for (let i = 0; i < count; i++) {
        const start = performance.now();
        const result = await server.client.request('textDocument/completion', { textDocument: { uri: edit.uri }, position: { line, character } });
        times.push(performance.now() - start);
        const items = Array.isArray(result) ? result : result?.items ?? [];
        if (items.length === 0) throw new Error('completion returned no items');
    }
    return times;
}

/** `integ/diagram` as the preview asks for it (no SVG hover titles: it fetches hover text per element). */
function diagram(server, view, extra = {}) {
    const start = performance.now();
    return server.client.request('integ/diagram', { view, state: 'as-is', layoutTimeoutMs: 120_000, hoverTitles: false, ...extra })
        .then(result => ({ ms: performance.now() - start, nodes: result.nodeCount, edges: result.edgeCount, notes: result.notes, error: result.error, expandable: result.expandable }));
}

// ---------------------------------------------------------------- figures

async function linkingWorkloads(lib, bundle, work, runs) {
    const single = lib.generateEstate(lib.scaledOptions(630, { files: 1, seed: 2 }));
    const singleDir = join(work, 'single');
    writeEstate(singleDir, single.files);
    const workspace = lib.generateEstate({ ...lib.scaledOptions(940), files: 20, seed: 3 });
    const workspaceDir = join(work, 'workspace');
    writeEstate(workspaceDir, workspace.files);
    for (const [label, dir, estate] of [['1 file', singleDir, single], ['20 files', workspaceDir, workspace]]) {
        const builds = [];
        const cpu = [];
        let errors = 0;
        for (let i = 0; i < runs; i++) {
            const result = await worker(bundle, 'build', dir);
            builds.push(result.build);
            cpu.push(result.buildCpu);
            errors += result.languageErrors;
        }
        report(`linking: build ${label}, ${estate.stats.lines.toLocaleString('en')} lines (parse+link+validate)`, builds, { max: 1000, on: 'p95' });
        report(`linking: build ${label}, CPU time (user+system)`, cpu);
        if (errors > 0) console.log(`  ! ${errors} parse/link/check errors in the workload`);
    }
}

async function checkFigures(bundle, folder, runs) {
    const first = await worker(bundle, 'build', folder);
    report('check: build in-process (parse+link+validate)', [first.build]);
    report('check: estate model + rules + diagnostics in-process', [first.analysis]);
    const walls = [];
    for (let i = 0; i < runs; i++) walls.push(await wallTime(process.execPath, ['bin/integ.cjs', 'check', folder, '--format', 'json']));
    report('check: `integ check --format json`, whole process', walls.map(w => w.wall), { max: 1000, on: 'p95' });
    if (walls[0].cpu !== undefined) report('check: `integ check`, CPU time (user+system)', walls.map(w => w.cpu));
    const rules = await worker(bundle, 'rules', folder, runs);
    report('rules: estate model (AST → Estate)', rules.estateTimes);
    report(`rules: all rules (runRules, ${rules.findings} findings)`, rules.ruleTimes);
    const total = rules.perRule.reduce((sum, rule) => sum + rule.ms, 0);
    console.log(`  estate index + waivers ${ms(rules.overhead)}; slowest rules (median of their own runs): ${rules.perRule.slice(0, 5).map(rule => `${rule.id} ${ms(rule.ms)} (${Math.round(100 * rule.ms / total)}%)`).join(', ')}`);
}

// ---------------------------------------------------------------- import and diff (issues 19, 20)

async function exchangeFigures(work, estateFiles, runs) {
    const inventory = writeInventory(join(work, 'inventory'));
    const imports = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
        const target = join(work, `imported-${i}`);
        imports.push((await wallTime(process.execPath, ['bin/integ.cjs', 'import', 'csv', ...inventory, '-o', target])).wall);
        rmSync(target, { recursive: true, force: true });
    }
    report(`exchange: \`integ import csv\`, ${INVENTORY_ROWS.toLocaleString('en')} applications + interfaces`, imports, { max: 10_000, on: 'median' });
    const { base, head } = writeDiffPair(join(work, 'diff'), estateFiles);
    const diffs = [];
    for (let i = 0; i < Math.min(runs, 5); i++) diffs.push((await wallTime(process.execPath, ['bin/integ.cjs', 'diff', base, head, '--format', 'json'])).wall);
    report('exchange: `integ diff` of two 1,000-system estates 20 apart, whole process', diffs, { max: 2000, on: 'median' });
}

// ---------------------------------------------------------------- hostile input (issue 15)

function repeatedText(unit, size) {
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Inputs that were quadratic, overflowed the stack or ran away; each must check in linear time (≤ 2 s per megabyte). */
function hostileInputs() {
    const MB = 1024 * 1024;
    const initiatives = Array.from({ length: 20_000 }, (_, i) => `  initiative I${i} { priority ${i + 1}  months ${i % 12 + 1} to ${i % 12 + 3} }`);
    return [
        { name: '1 MB line of "\\"\\"…', text: `"${repeatedText('\\"', MB - 1)}`, budget: 2000 },
        { name: '1 MB of "/* " repeated', text: repeatedText('/* ', MB), budget: 2000 },
        { name: '1 MB of characters no token starts with', text: repeatedText('x @ é ', MB), budget: 2000 },
        { name: '1 MB of one name declared 65,536 times', text: repeatedText('system flow { }\n', MB), budget: 2000 },
        { name: '150,000 comment lines, then a system', text: `${'// a comment line\n'.repeat(150_000)}system Crm { kind crm }\n`, budget: 2000 },
        { name: '20,000 initiatives (1 MB)', text: `roadmap R { start 2027-01\n${initiatives.join('\n')}\n}\n`, budget: 3000, roadmap: true },
        { name: '3 initiatives of 300,000 months', text: `roadmap R { start 2027-01\n${[1, 2, 3].map(i => `  initiative I${i} { months 1 to 300000 }`).join('\n')}\n}\n`, budget: 2000, roadmap: true }
    ];
}

async function hostileFigures(work, runs) {
    const count = Math.max(1, Math.min(runs, 3));
    for (const [index, input] of hostileInputs().entries()) {
        const folder = join(work, `hostile-${index}`);
        writeEstate(folder, [{ name: 'hostile.integ', text: input.text }]);
        const checks = [];
        for (let i = 0; i < count; i++) checks.push((await wallTime(process.execPath, ['bin/integ.cjs', 'check', folder, '--format', 'json'])).wall);
        report(`hostile: \`integ check\`, ${input.name}`, checks, { max: input.budget, on: 'median' });
        if (!input.roadmap) continue;
        const roadmaps = [];
        for (let i = 0; i < count; i++) roadmaps.push((await wallTime(process.execPath, ['bin/integ.cjs', 'roadmap', folder])).wall);
        report(`hostile: \`integ roadmap\` (Markdown), ${input.name}`, roadmaps, { max: input.budget, on: 'median' });
    }
}

async function serverFigures(folder, files, runs, withLayout) {
    const startups = [];
    for (let i = 0; i < Math.max(1, Math.min(runs, 3)) - 1; i++) {
        const server = await startServer(folder, files);
        startups.push(server.startupMs);
        await stopServer(server);
    }
    const server = await startServer(folder, files);
    startups.push(server.startupMs);
    report(`server: initialize → diagnostics of all ${files.length} files`, startups);
    await quiet(1_000);
    const memory = residentMegabytes(server.child.pid);
    report('server: resident memory after the estate is loaded', [memory.rss], { max: 400, on: 'p95', unit: 'MB' });
    try {
        const edits = await measureEdits(server, folder, files, 20);
        report(`server: edit → diagnostics of ${edits.affectedFiles} affected files (rename ${edits.system})`, edits.times, { max: 150, on: 'p95' });
        report('server: CPU time per edit (all threads)', [edits.cpuPerEdit]);
        report('server: completion (idle)', await measureCompletion(server, edits, 20), { max: 100, on: 'p95' });
        if (withLayout) await layoutFigures(server, edits, files);
        const after = residentMegabytes(server.child.pid);
        report('server: resident memory after edits and layouts', [after.rss], { max: 400, on: 'p95', unit: 'MB' });
        report('server: peak resident memory (VmHWM; a moment, not a budget)', [after.peak], { unit: 'MB' });
    } finally {
        await stopServer(server);
    }
}

/**
 * Layouts through the real `integ/diagram` request (diagram module: language-server/src/diagram/):
 * views of about 50 and 150 nodes, the cache hit, and the 1,000-node estate with completion requests
 * running while it is laid out in the worker.
 */
async function layoutFigures(server, edits, files) {
    const departments = [...files.map(file => file.text).join('\n').matchAll(/^department (\w+) /gm)].map(match => match[1]);
    const systems = [...files[0].text.matchAll(/^system (\w+) /gm)].map(match => match[1]).filter(name => !name.startsWith('Core'));
    const small = [];
    const nodes50 = [];
    for (const department of departments.slice(0, 4)) {
        const result = await diagram(server, { kind: 'department', name: department });
        if (result.error) { console.log(`  ! diagram of ${department}: ${result.error}`); continue; }
        small.push(result.ms);
        nodes50.push(result.nodes);
    }
    if (small.length > 0) report(`layout: department views (${Math.min(...nodes50)}–${Math.max(...nodes50)} nodes), first time`, small, { max: 500, on: 'p95' });
    // About 150 nodes: the aggregated estate with four departments opened (each ~33 systems).
    const aggregatedFirst = await diagram(server, { kind: 'estate' });
    const expandable = aggregatedFirst.expandable ?? departments.map(name => `dept:${name}`);
    const medium = [];
    const nodes150 = [];
    for (let i = 0; i < 3; i++) {
        // A different set of departments each time, so no run is a cache hit.
        const result = await diagram(server, { kind: 'estate' }, { expand: expandable.slice(i * 4, i * 4 + 4) });
        if (result.error) continue;
        medium.push(result.ms);
        nodes150.push(result.nodes);
    }
    if (medium.length > 0) report(`layout: estate with departments opened (${Math.min(...nodes150)}–${Math.max(...nodes150)} nodes)`, medium, { max: 500, on: 'p95' });
    const neighbourhoods = [];
    const neighbourhoodNodes = [];
    for (const system of systems.slice(0, 3)) {
        const result = await diagram(server, { kind: 'system', name: system, depth: 2 });
        if (result.error) continue;
        neighbourhoods.push(result.ms);
        neighbourhoodNodes.push(result.nodes);
    }
    if (neighbourhoods.length > 0) report(`layout: hub neighbourhoods depth 2 (${Math.min(...neighbourhoodNodes)}–${Math.max(...neighbourhoodNodes)} nodes; > 150, no budget)`, neighbourhoods);
    const cached = [];
    for (let i = 0; i < 10; i++) cached.push((await diagram(server, { kind: 'department', name: departments[i % Math.min(4, departments.length)] })).ms);
    report('layout: unchanged view from cache (request round trip)', cached, { max: 20, on: 'p95' });
    const aggregated = aggregatedFirst;
    report(`layout: estate view, aggregated (${aggregated.nodes} nodes)`, [aggregated.ms], { max: 500, on: 'p95' });
    // After the cache figure: the edits leave the server collecting garbage for a while.
    await editedViewFigures(server, edits, files, expandable.slice(0, 4));

    // The whole estate expanded, laid out in the worker, while completion keeps answering.
    const systemCount = [...files.map(file => file.text).join('\n').matchAll(/^system /gm)].length;
    const big = diagram(server, { kind: 'estate' }, { expand: aggregated.expandable ?? departments.map(name => `dept:${name}`) });
    const during = await measureCompletion(server, edits, 20);
    const bigResult = await big;
    report(`server: completion during the ${systemCount}-system layout`, during, { max: 100, on: 'p95' });
    const fellBack = bigResult.notes?.find(note => /too long|failed/.test(note));
    report(`layout: estate, all ${systemCount} systems expanded → ${bigResult.nodes} nodes${fellBack ? ` (${fellBack})` : ''}`, [bigResult.ms]);
}

/**
 * The same view of about 150 nodes after an edit: one flow added between two of its systems each
 * time, the picture before it in hand, so that the layout fits the flow into it (or lays it out
 * afresh where that takes too long). The server answers once the edited document is checked.
 */
async function editedViewFigures(server, edits, files, opened) {
    const departmentOf = new Map([...files.map(file => file.text).join('\n').matchAll(/^system (\w+) [^{]*\{\s*kind \w+\s+department (\w+)/gm)].map(match => [match[1], match[2]]));
    const members = [...departmentOf].filter(([, department]) => opened.includes(`dept:${department}`)).map(([system]) => system);
    if (members.length < 2) return;
    await diagram(server, { kind: 'estate' }, { expand: opened });
    const times = [];
    let text = edits.text;
    for (let i = 0; i < 5; i++) {
        const [source, target] = [members[(i * 7) % members.length], members[(i * 13 + 5) % members.length]];
        if (source === target) continue;
        text += `\nflow BenchAdded${i} : ${source} -> ${target} { style api }\n`;
        const checked = server.client.waitForDiagnostics([edits.uri], params => params.diagnostics.some(d => d.message.includes(`BenchAdded${i}`)));
        server.client.notify('textDocument/didChange', { textDocument: { uri: edits.uri, version: 1_000 + i }, contentChanges: [{ text }] });
        await checked;
        const result = await diagram(server, { kind: 'estate' }, { expand: opened });
        if (!result.error) times.push(result.ms);
    }
    // The file as it was, checked and quiet again before the figures that follow.
    const restored = server.client.waitForDiagnostics([edits.uri], params => !params.diagnostics.some(d => d.message.includes('BenchAdded')));
    server.client.notify('textDocument/didChange', { textDocument: { uri: edits.uri, version: 2_000 }, contentChanges: [{ text: edits.text }] });
    await restored;
    await quiet(2_000);
    if (times.length > 0) report('layout: that view after an edit (one flow added, the picture before in hand)', times, { max: 500, on: 'p95' });
}

// ---------------------------------------------------------------- scale table

async function scaleTable(lib, bundle, work, runs) {
    console.log('\n| systems | flows | lines | `integ check` wall (median) | `integ check` CPU | build in-process | estate + rules | server start-up → diagnostics | server RSS |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const systems of [250, 500, 1000, 2000]) {
        const estate = lib.generateEstate(lib.scaledOptions(systems));
        const dir = join(work, `scale-${systems}`);
        writeEstate(dir, estate.files);
        const walls = [];
        for (let i = 0; i < runs; i++) walls.push(await wallTime(process.execPath, ['bin/integ.cjs', 'check', dir, '--format', 'json']));
        const builds = [];
        const analyses = [];
        for (let i = 0; i < Math.min(runs, 3); i++) {
            const result = await worker(bundle, 'build', dir);
            builds.push(result.build);
            analyses.push(result.analysis);
        }
        const server = await startServer(dir, estate.files);
        await quiet(500);
        const memory = residentMegabytes(server.child.pid);
        await stopServer(server);
        const s = estate.stats;
        const cpu = walls[0].cpu === undefined ? 'n/a' : ms(percentile(walls.map(w => w.cpu), 0.5));
        console.log(`| ${s.systems.toLocaleString('en')} | ${s.flows.toLocaleString('en')} | ${s.lines.toLocaleString('en')} | ${ms(percentile(walls.map(w => w.wall), 0.5))} | ${cpu} | ${ms(percentile(builds, 0.5))} | ${ms(percentile(analyses, 0.5))} | ${ms(server.startupMs)} | ${Math.round(memory.rss)} MB |`);
    }
}

// ---------------------------------------------------------------- main

async function main() {
    const runs = Number(option('--runs') ?? 7);
    const only = option('--only')?.split(',');
    const wants = name => !only || only.includes(name);
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    const work = mkdtempSync(join(tmpdir(), 'integ-bench-'));
    try {
        const bundle = await bundleLibrary(work);
        const lib = await import(pathToFileURL(bundle).href);
        console.log(`Integration Architect benchmark — ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadavg().map(l => l.toFixed(2)).join(' ')}`);
        if (argv.includes('--scale')) {
            await scaleTable(lib, bundle, work, Math.min(runs, 5));
            return;
        }
        const estate = lib.generateEstate();
        const folder = join(work, 'estate');
        writeEstate(folder, estate.files);
        const s = estate.stats;
        console.log(`Estate: ${s.systems} systems, ${s.flows} flows, ${s.entities} entities with ${s.fields} fields, ${s.processes} processes, ${s.initiatives} initiatives, ${estate.files.length} files, ${s.lines.toLocaleString('en')} lines; ${runs} runs per figure\n`);
        const sections = {
            linking: () => linkingWorkloads(lib, bundle, work, runs), check: () => checkFigures(bundle, folder, runs),
            server: () => serverFigures(folder, estate.files, runs, wants('layout')), hostile: () => hostileFigures(work, runs),
            exchange: () => exchangeFigures(work, estate.files, runs)
        };
        for (const [name, run] of Object.entries(sections)) {
            if (!wants(name) && !(name === 'server' && wants('layout'))) continue;
            try {
                await run();
            } catch (error) {
                console.log(`  ! ${name} figures stopped: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        const missed = results.filter(result => result.verdict === 'MISSED');
        console.log(`\n${results.filter(r => r.budgeted).length - missed.length} of ${results.filter(r => r.budgeted).length} budgets met${missed.length ? `; missed: ${missed.map(r => r.name).join('; ')}` : ''}. Load average now ${loadavg().map(l => l.toFixed(2)).join(' ')}.`);
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

function option(name) {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
}

// A fresh process per measured run, so every run pays the cold start a user pays.
if (argv[0] === '--worker') {
    const [, bundle, task, folder, runsText] = argv;
    const lib = await import(pathToFileURL(bundle).href);
    const files = lib.readEstate(folder);
    const result = task === 'build' ? await lib.measureBuild(files) : await lib.measureRules(files, Number(runsText));
    process.send(result, () => process.exit(0));
} else {
    await main();
}
