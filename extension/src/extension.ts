import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, LanguageClient, TransportKind,
    type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { registerExchangeCommands } from './exchange-commands.js';
import { registerDiagramPreview } from './preview/diagram-panel.js';
import { registerRoadmapPreview } from './preview/roadmap-panel.js';
import { registerFindingsView } from './findings/findings-view.js';
import { registerRuleDoc } from './rule-doc.js';
import { registerBriefPreview } from './preview/brief-panel.js';
import { registerLineageCommand } from './lineage-command.js';
import { registerEvidenceExport } from './evidence-export.js';
import { registerCompareCommand } from './compare-command.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createClient(context);
    registerCommands(context, client);
    registerExchangeCommands(context);
    registerDiagramPreview(context, client);
    registerRoadmapPreview(context, client);
    registerFindingsView(context, client);
    registerRuleDoc(context);
    registerBriefPreview(context, client);
    registerLineageCommand(context);
    registerEvidenceExport(context, client);
    registerCompareCommand(context, client);
    // Shows the findings view in the explorer only in a workspace the extension serves.
    void vscode.commands.executeCommand('setContext', 'integ.active', true);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.integ');
    context.subscriptions.push(watcher);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'integ' }],
        synchronize: { fileEvents: watcher },
        // ruleDocs: a finding's code opens the rules reference shipped in the VSIX (integ.showRuleDoc), offline.
        initializationOptions: { rules: { severity: vscode.workspace.getConfiguration('integ').get('rules.severity') ?? {} }, ruleDocs: 'command' },
        errorHandler: new RestartOnce()
    };
    // The id `integ` makes the client honour the `integ.trace.server` setting.
    return new LanguageClient('integ', 'Integration Architect', serverOptions, clientOptions);
}

/**
 * Restarts a crashed server, telling the user once per session; gives up (and says so) when it
 * crashes five times within three minutes, since restarting would only loop.
 */
class RestartOnce implements ErrorHandler {
    private readonly crashes: number[] = [];
    private told = false;

    error(): ErrorHandlerResult {
        return { action: ErrorAction.Continue, handled: true };
    }

    closed(): CloseHandlerResult {
        const now = Date.now();
        this.crashes.push(now);
        while (this.crashes.length > 0 && now - this.crashes[0] > 3 * 60_000) this.crashes.shift();
        if (this.crashes.length >= 5) {
            return { action: CloseAction.DoNotRestart, message: 'The Integration Architect language server crashed 5 times in 3 minutes and will not be restarted. Run "Integration: Restart Language Server" after fixing the cause (see the output channel).' };
        }
        if (!this.told) {
            this.told = true;
            void vscode.window.showWarningMessage('The Integration Architect language server stopped unexpectedly and has been restarted.');
        }
        return { action: CloseAction.Restart, handled: true };
    }
}
