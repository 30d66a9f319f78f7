/**
 * The VS Code extension: starts the SOC 2 language server and adds the views the editor needs on
 * top of LSP (readiness summary webview, coverage tree, status bar, report export).
 * All analysis happens in the server; this side only renders what `soc2/summary` returns.
 */
import * as vscode from 'vscode';
import {
  LanguageClient, RevealOutputChannelOn, State, TransportKind,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { SummaryChangedNotification, type InitializationOptions } from '../../server/src/lsp/protocol';
import { SummaryStore } from './summary-store';
import { SummaryPanel, SUMMARY_VIEW_TYPE } from './summary-panel';
import { CoverageTreeProvider } from './coverage-view';
import { ReadinessStatusBar } from './status-bar';
import { exportReport } from './export-report';
import { registerScaffoldCommands } from './scaffold-commands';
import { PublishPreviewPanel } from './publish-preview';
import { publishPolicies } from './publish-command';
import { VERSION } from '../../server/src/cli/version';
import { importCommand } from './import-command';
import { TasksTreeProvider } from './tasks-view';
import { briefOwner } from './brief-command';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every Markdown and YAML file on disk: the server decides which belong to a compliance root.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
    ],
    // A function, so a restart picks up a changed setting.
    initializationOptions: (): InitializationOptions => ({
      codeLens: vscode.workspace.getConfiguration('soc2').get<boolean>('codeLens.enabled', true),
      cache: vscode.workspace.getConfiguration('soc2').get<boolean>('cache.enabled', true),
      today: process.env.SOC2_TODAY || undefined, // pins the checks' date (YYYY-MM-DD) for the e2e tests
      trusted: vscode.workspace.isTrusted,
      revealSummaryCommand: 'soc2.revealSummary', // registered below: lenses open the summary panel
    }),
    outputChannelName: 'SOC 2',
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  // The id `soc2` makes the client read the `soc2.trace.server` setting.
  return new LanguageClient('soc2', 'SOC 2 Language Server', serverOptions, clientOptions);
}

/** What activate returns: the real-editor tests read the coverage tree through it. */
export interface Soc2ExtensionApi { coverageTree: CoverageTreeProvider }

export async function activate(context: vscode.ExtensionContext): Promise<Soc2ExtensionApi> {
  void vscode.commands.executeCommand('setContext', 'soc2.active', true);
  const lc = createClient(context);
  client = lc;
  const store = new SummaryStore(() => client);

  context.subscriptions.push(
    store,
    lc.onNotification(SummaryChangedNotification, () => void store.refresh()),
    // After a start or an automatic restart (the server process died), fetch the summary again.
    lc.onDidChangeState((e) => { if (e.newState === State.Running) void store.refresh(); }),
    store.onDidChange(() => {
      const result = store.result;
      void vscode.commands.executeCommand('setContext', 'soc2.noRoot', !!result && !result.indexing && result.roots.length === 0);
    }),
  );

  const tree = new CoverageTreeProvider(store);
  const tasks = new TasksTreeProvider(() => client, () => store.result?.roots[0]?.summary.today ?? new Date().toISOString().slice(0, 10));
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView('soc2Coverage', { treeDataProvider: tree, showCollapseAll: true }),
    tasks,
    vscode.window.createTreeView('soc2Tasks', { treeDataProvider: tasks }),
    new ReadinessStatusBar(store, tasks),
    store.onDidChange(() => void tasks.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('soc2.me')) void tasks.refresh(); }),
    vscode.commands.registerCommand('soc2.refreshTasks', () => tasks.refresh()),
    vscode.commands.registerCommand('soc2.briefOwner', (owner?: string) => briefOwner(client, typeof owner === 'string' ? owner : undefined)),
    vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => { SummaryPanel.revive(panel, store); },
    }),
    vscode.commands.registerCommand('soc2.showSummary', () => SummaryPanel.show(store)),
    // The server's code lenses point here; whatever arguments they carry, it opens the summary.
    vscode.commands.registerCommand('soc2.revealSummary', () => SummaryPanel.show(store)),
    vscode.commands.registerCommand('soc2.exportReport', () => exportReport(store)),
    vscode.commands.registerCommand('soc2.refreshCoverage', () => store.refresh()),
    vscode.commands.registerCommand('soc2.restartServer', () => restart()),
    vscode.commands.registerCommand('soc2.previewPublishedPolicy', (uri?: vscode.Uri) => PublishPreviewPanel.show(() => client, store, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('soc2.publishPolicies', () => publishPolicies(store, VERSION)),
    vscode.commands.registerCommand('soc2.import', () => importCommand(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Code lenses are announced at initialize, so turning them on or off needs a new server.
      if (e.affectsConfiguration('soc2.codeLens.enabled') || e.affectsConfiguration('soc2.cache.enabled')) void restart();
    }),
  );

  registerScaffoldCommands(context);
  // In a restricted (untrusted) workspace the server reads only; granting trust restarts it with git allowed.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()));

  try {
    await lc.start();
  } catch (err) {
    void vscode.window.showErrorMessage(`SOC 2: the language server did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { coverageTree: tree };
}

async function restart(): Promise<void> {
  if (!client) return;
  try {
    await client.restart();
  } catch (err) {
    void vscode.window.showErrorMessage(`SOC 2: could not restart the language server: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.stop();
}
