import {
  DidChangeWatchedFilesNotification, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { isIsoDate } from '../engine/dates';
import { uriToPath } from './roots';
import { SummaryRequest, type InitializationOptions, type SummaryParams } from './protocol';
import { ServerState } from './server-state';
import { Publisher } from './publishing';
import { GitWatcher } from './git-watch';
import { Indexer } from './indexing';
import { DocumentSync } from './document-sync';
import { FileEvents } from './file-events';
import { Requests } from './requests';
import { hover } from './hover';
import { completion, COMPLETION_TRIGGERS } from './completion';
import { definition } from './definition';
import { references } from './references';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { documentSymbols } from './document-symbols';
import { workspaceSymbols } from './workspace-symbols';

export { RESTRICTED_MODE_MESSAGE } from './indexing';

/**
 * The language server: a thin shell that keeps one engine index per compliance root in step with the
 * editor and the disk, and publishes what the engine finds. It owns no check logic. Each job has its own
 * module (indexing, git watching, document sync, file events, publishing, requests); this file wires them
 * to the connection and answers initialize.
 */
export class Soc2Server {
  readonly state: ServerState;
  private readonly publisher: Publisher;
  private readonly indexer: Indexer;
  private readonly files: FileEvents;
  private readonly requests: Requests;

  constructor(private readonly connection: Connection) {
    const state = this.state = new ServerState(connection);
    this.publisher = new Publisher(state);
    const git = new GitWatcher(state, this.publisher);
    this.indexer = new Indexer(state, this.publisher, git);
    const sync = new DocumentSync(state, this.publisher, this.indexer);
    this.files = new FileEvents(state, this.publisher, this.indexer, git);
    const requests = this.requests = new Requests(state, this.indexer, sync);
    this.indexer.onFirstIndex = () => this.watchFiles();

    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => { void this.indexer.start(); });
    connection.onDidChangeWatchedFiles((p) => void this.files.changed(p.changes));
    connection.onHover((p, t) => requests.withDocument(p.textDocument.uri, (c) => hover(c, p.position), t));
    connection.onCompletion((p, t) => requests.withDocument(p.textDocument.uri, (c) => completion(c, p.position), t));
    connection.onDefinition((p, t) => requests.withDocument(p.textDocument.uri, (c) => definition(c, p.position), t));
    connection.onReferences((p, t) => requests.withDocument(p.textDocument.uri, (c) => references(c, p.position, p.context.includeDeclaration), t));
    connection.onCodeAction((p, t) => requests.withDocument(p.textDocument.uri, (c) => codeActions(c, p.range, p.context), t));
    connection.onCodeLens((p, t) => (state.codeLensEnabled ? requests.withDocument(p.textDocument.uri, (c) => codeLenses(c), t) : []));
    connection.onDocumentSymbol((p, t) => requests.withDocument(p.textDocument.uri, (c) => documentSymbols(c), t));
    connection.onWorkspaceSymbol(async (p) => (await requests.allRoots()).flatMap((r) => workspaceSymbols(r, p.query)));
    connection.onRequest(SummaryRequest, async (p: SummaryParams, token: CancellationToken) => requests.summary(p, token));
    state.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const state = this.state;
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    if (opts.today && isIsoDate(opts.today)) { state.today = opts.today; state.todayFixed = true; }
    if (typeof opts.debounceMs === 'number' && opts.debounceMs >= 0) state.debounceMs = opts.debounceMs;
    if (opts.codeLens === false) state.codeLensEnabled = false;
    if (opts.trusted === false) state.trusted = false;
    state.folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)
      ?? [params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined].filter((p): p is string => !!p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'soc2-language-server', version: '0.1.0' },
    };
  }

  /** Asks the client to watch the files once the first index is in. */
  private watchFiles(): void {
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*' }],
    }).catch(() => undefined);
  }
}
