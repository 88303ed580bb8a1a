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

// V8 lets the heap grow to up to four times the data that survives a full collection before it
// collects again; on the 1,000-system estate (about 110 MB live) that put the server at 440–510 MB
// resident while typing. Two and a half times keeps it at 380–400 MB, measured with the same CPU
// time per edit (npm run bench; docs/performance.md).
setFlagsFromString('--heap-growing-percent=150');

// The transport (IPC for the VS Code extension, --stdio for other editors) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, integ } = createIntegServices({ connection, ...NodeFileSystem });
new DiagnosticsPublisher(shared, integ.analysis.WorkspaceAnalysis, connection);
new ModelChangedNotifier(shared, connection);
registerDiagramRequest(connection, shared, integ.analysis.WorkspaceAnalysis);
registerRoadmapRequest(connection, shared, integ.analysis.WorkspaceAnalysis);
startIntegLanguageServer(shared, connection);
