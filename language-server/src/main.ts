import './node-polyfills.js';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createIntegServices } from './lsp-module.js';
import { startIntegLanguageServer } from './lsp/start-server.js';
import { DiagnosticsPublisher } from './lsp/diagnostics-publisher.js';

// The transport (IPC for the VS Code extension, --stdio for other editors) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, integ } = createIntegServices({ connection, ...NodeFileSystem });
new DiagnosticsPublisher(shared, integ.analysis.WorkspaceAnalysis, connection);
startIntegLanguageServer(shared, connection);
