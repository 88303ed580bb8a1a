import './node-polyfills.cjs';
import { setFlagsFromString } from 'node:v8';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createIntegServices } from './lsp/lsp-module.js';
import { startIntegLanguageServer } from './lsp/start-server.js';
import { DiagnosticsPublisher } from './lsp/diagnostics-publisher.js';
import { ModelChangedNotifier } from './lsp/model-changed-notifier.js';
import { registerDiagramRequest } from './lsp/diagram-request.js';
import { registerRoadmapRequest } from './lsp/roadmap-request.js';
import { registerFindingsRequest } from './lsp/findings-request.js';
import { registerRetirementImpactRequest } from './lsp/retirement-impact-request.js';
import { registerBriefRequest } from './lsp/brief-request.js';
import { registerLineageRequest } from './lsp/lineage-request.js';
import { registerEvidenceRequest } from './lsp/evidence-request.js';
import { registerChangePictureRequest } from './lsp/change-picture-request.js';
import { warmUpEditPath } from './lsp/edit-warm-up.js';
import { collectWhenIdle } from './lsp/idle-collection.js';

// V8 lets the heap grow to up to four times the data that survives a full collection before it
// collects again. Three and a half times keeps a burst of edits clear of a full collection, whose
// pause the user would feel as a slow keystroke, for a peak memory the benchmark's budget allows;
// when the user pauses, the collection when idle gives the memory back (figures: docs/performance.md).
setFlagsFromString('--heap-growing-percent=250');

// The transport (IPC for the VS Code extension, --stdio for other editors) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, integ } = createIntegServices({ connection, ...NodeFileSystem });
new DiagnosticsPublisher(shared, integ.analysis.WorkspaceAnalysis, connection);
new ModelChangedNotifier(shared, connection);
registerDiagramRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerRoadmapRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerFindingsRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerRetirementImpactRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerBriefRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerLineageRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerEvidenceRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
registerChangePictureRequest(connection, shared, integ.analysis.WorkspaceAnalysis, integ.log.Log);
warmUpEditPath(shared, integ.log.Log);
collectWhenIdle(shared);
startIntegLanguageServer(shared, connection);
