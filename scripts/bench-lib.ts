// What `npm run bench` runs inside its worker processes: the language server's analysis and the estate
// generator, bundled by scripts/bench.mjs (Node 20 cannot run TypeScript) and type-checked with the rest.
import '../language-server/src/node-polyfills.cjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'langium';
import type { Model } from '../language-server/src/generated/ast.js';
import { createIntegCoreServices } from '../language-server/src/module.js';
import { ALL_RULES } from '../language-server/src/rules/all-rules.js';
import { runRules } from '../language-server/src/rules/run-rules.js';
import { STDLIB_TEXT, STDLIB_URI } from '../language-server/src/stdlib/stdlib.js';
import { buildEstate } from '../language-server/src/workspace/build-estate.js';
import { loadWorkspace, type SourceText } from '../language-server/src/workspace/load-workspace.js';
export { generateEstate, scaledOptions, DEFAULT_OPTIONS } from './gen-estate.js';

export function readEstate(folder: string): SourceText[] {
    return readdirSync(folder).filter(name => name.endsWith('.integ')).sort()
        .map(name => ({ uri: pathToFileURL(join(folder, name)).toString(), text: readFileSync(join(folder, name), 'utf8') }));
}

/** Parse + link + validate (the Langium build), then the estate and its findings, in this fresh process. */
export async function measureBuild(files: SourceText[]) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const services = createIntegCoreServices();
    const t1 = performance.now();
    const { DocumentBuilder, LangiumDocuments, LangiumDocumentFactory } = services.shared.workspace;
    const stdlib = LangiumDocumentFactory.fromString(STDLIB_TEXT, URI.parse(STDLIB_URI));
    const documents = files.map(file => LangiumDocumentFactory.fromString(file.text, URI.parse(file.uri)));
    for (const document of [stdlib, ...documents]) LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([stdlib, ...documents], { validation: true });
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const analysis = services.integ.analysis.WorkspaceAnalysis.result;
    const t3 = performance.now();
    const errors = documents.reduce((sum, d) => sum + (d.diagnostics ?? []).filter(x => x.severity === 1).length, 0);
    return { services: t1 - t0, build: t2 - t1, buildCpu: (cpu.user + cpu.system) / 1000, analysis: t3 - t2, languageErrors: errors, findings: analysis.findings.length };
}

/** The estate model and every rule over it, repeated in one process (the first run is the cold one). */
export async function measureRules(files: SourceText[], runs: number) {
    const services = createIntegCoreServices();
    await loadWorkspace(services, files);
    // Every document, the standard library included, as the workspace analysis sees them.
    const parsed = services.shared.workspace.LangiumDocuments.all.map(d => ({ uri: d.uri.toString(), model: d.parseResult.value as Model })).toArray();
    const estateTimes: number[] = [];
    const ruleTimes: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const estate = buildEstate(parsed);
        const t1 = performance.now();
        findings = runRules(estate).length;
        ruleTimes.push(performance.now() - t1);
        estateTimes.push(t1 - t0);
    }
    // Each rule on its own (after the warm-up above), to name the expensive ones.
    // runRules indexes the estate and applies waivers on every call: measured alone, then taken off.
    const estate = buildEstate(parsed);
    const median = (run: () => void) => {
        const times: number[] = [];
        for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) {
            const t0 = performance.now();
            run();
            times.push(performance.now() - t0);
        }
        return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    };
    const overhead = median(() => runRules(estate, { rules: [] }));
    const perRule = ALL_RULES.map(rule => ({ id: rule.id, ms: Math.max(0, median(() => runRules(estate, { rules: [rule] })) - overhead) }))
        .sort((a, b) => b.ms - a.ms);
    return { estateTimes, ruleTimes, findings, perRule, overhead };
}
