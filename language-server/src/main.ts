import './node-polyfills.js';
import { setFlagsFromString } from 'node:v8';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createIntegServices } from './lsp-module.js';
import { startIntegLanguageServer } from './lsp/start-server.js';
import { DiagnosticsPublisher } from './lsp/diagnostics-publisher.js';
import { ModelChangedNotifier } from './lsp/model-changed-notifier.js';
import { registerDiagramRequest } from './lsp/diagram-request.js';
import { registerRoadmapRequest } from './lsp/roadmap-request.js';
import { warmUpEditPath } from './lsp/edit-warm-up.js';
import { collectWhenIdle } from './lsp/idle-collection.js';

// V8 lets the heap grow to up to four times the data that survives a full collection before it
// collects again: on the 1,000-system estate (about 110 MB live) up to 550 MB resident while typing.
// Three times keeps a burst of twenty edits clear of a full collection (one took 170–230 ms, twice
// the edit budget) and, with the collection when idle, the server under 400 MB between bursts
// (npm run bench; docs/performance.md).
setFlagsFromString('--heap-growing-percent=200');

// The transport (IPC for the VS Code extension, --stdio for other editors) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, integ } = createIntegServices({ connection, ...NodeFileSystem });
new DiagnosticsPublisher(shared, integ.analysis.WorkspaceAnalysis, connection);
new ModelChangedNotifier(shared, connection);
registerDiagramRequest(connection, shared, integ.analysis.WorkspaceAnalysis);
registerRoadmapRequest(connection, shared, integ.analysis.WorkspaceAnalysis);
warmUpEditPath(shared);
collectWhenIdle(shared);
startIntegLanguageServer(shared, connection);
