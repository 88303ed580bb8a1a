import './node-polyfills.js';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createIntegServices } from './lsp-module.js';
import { startIntegLanguageServer } from './lsp/start-server.js';
import { DiagnosticsPublisher } from './lsp/diagnostics-publisher.js';
import { ModelChangedNotifier } from './lsp/model-changed-notifier.js';
import { registerDiagramRequest } from './lsp/diagram-request.js';
import { registerRoadmapRequest } from './lsp/roadmap-request.js';

// The transport (IPC for the VS Code extension, --stdio for other editors) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, integ } = createIntegServices({ connection, ...NodeFileSystem });
new DiagnosticsPublisher(shared, integ.analysis.WorkspaceAnalysis, connection);
new ModelChangedNotifier(shared, connection);
registerDiagramRequest(connection, shared, integ.analysis.WorkspaceAnalysis);
registerRoadmapRequest(connection, shared, integ.analysis.WorkspaceAnalysis);
startIntegLanguageServer(shared, connection);
