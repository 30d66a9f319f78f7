import {
  MessageType, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { isIsoDate } from '../engine/dates';
import { uriToPath } from './roots';
import { BriefRequest, PublishPreviewRequest, ServerCommands, SummaryRequest, TasksRequest, type BriefParams, type TasksParams, type InitializationOptions, type PublishPreviewParams, type SummaryParams } from './protocol';
import { FileWatching } from './file-watching';
import { TodayClock } from './today';
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
import { registerWorkCounters } from './work-counters';
import { prepareRename, rename } from './rename';
import { documentLinks } from './document-links';
import { foldingRanges } from './folding';
import { schemaHover, schemaKeyCompletion, schemaValueCompletion } from './schema-completion';
import { publishPreview } from './publish-preview';
import { ownerHover } from './owner-hover';
import { briefOf, tasksOf } from './people-requests';

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
  private readonly watching: FileWatching;
  private readonly clock: TodayClock;
  /** Said to the user once initialized (a notification before the initialize answer is not allowed for all messages). */
  private readonly warnings: string[] = [];

  constructor(private readonly connection: Connection) {
    const state = this.state = new ServerState(connection);
    this.publisher = new Publisher(state);
    const git = new GitWatcher(state, this.publisher);
    this.indexer = new Indexer(state, this.publisher, git);
    const sync = new DocumentSync(state, this.publisher, this.indexer);
    this.files = new FileEvents(state, this.publisher, this.indexer, git);
    const requests = this.requests = new Requests(state, this.indexer, sync);
    requests.eventsSettled = () => this.files.settled();
    this.watching = new FileWatching(state, (changes) => void this.files.changed(changes));
    this.indexer.onFirstIndex = () => this.watching.start();
    this.files.onRootsChanged = () => this.watching.sync();
    this.clock = new TodayClock((today) => this.newDay(today));

    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => this.initialized());
    connection.onShutdown(() => { this.clock.stop(); this.watching.dispose(); });
    connection.onDidChangeWatchedFiles((p) => void this.files.changed(p.changes));
    connection.onHover((p, t) => requests.withDocument(p.textDocument.uri, (c) => hover(c, p.position) ?? ownerHover(c, p.position) ?? schemaHover(c, p.position), t));
    connection.onCompletion((p, t) => requests.withDocument(p.textDocument.uri, (c) => completion(c, p.position) ?? schemaValueCompletion(c, p.position) ?? schemaKeyCompletion(c, p.position), t));
    connection.onDefinition((p, t) => requests.withDocument(p.textDocument.uri, (c) => definition(c, p.position), t));
    connection.onReferences((p, t) => requests.withDocument(p.textDocument.uri, (c) => references(c, p.position, p.context.includeDeclaration), t));
    connection.onCodeAction((p, t) => requests.withDocument(p.textDocument.uri, (c) => codeActions(c, p.range, p.context), t));
    connection.onCodeLens((p, t) => (state.codeLensEnabled ? requests.withDocument(p.textDocument.uri, (c) => codeLenses(c, state.revealSummaryCommand), t) : []));
    connection.onDocumentSymbol((p, t) => requests.withDocument(p.textDocument.uri, (c) => documentSymbols(c), t));
    connection.onWorkspaceSymbol(async (p) => (await requests.allRoots()).flatMap((r) => workspaceSymbols(r, p.query)));
    connection.onRequest(SummaryRequest, async (p: SummaryParams, token: CancellationToken) => requests.summary(p, token));
    registerWorkCounters(connection, state, this.files);
    connection.onRequest(TasksRequest, async (p: TasksParams) => tasksOf(await requests.allRoots(), p));
    connection.onRequest(BriefRequest, async (p: BriefParams) => briefOf(await requests.allRoots(), p));
    connection.onPrepareRename((p, t) => requests.withDocument(p.textDocument.uri, (c) => prepareRename(c, p.position), t));
    connection.onRenameRequest((p, t) => requests.withDocument(p.textDocument.uri, (c) => rename(c, p.position, p.newName, state.client), t));
    connection.onDocumentLinks((p, t) => requests.withDocument(p.textDocument.uri, (c) => documentLinks(c), t));
    connection.onFoldingRanges((p, t) => requests.withDocument(p.textDocument.uri, (c) => foldingRanges(c), t));
    connection.onRequest(PublishPreviewRequest, (p: PublishPreviewParams, t: CancellationToken) => requests.withDocument(p.uri, (c) => publishPreview(c), t));
    connection.onExecuteCommand((p, t) => requests.executeCommand(p.command, p.arguments ?? [], t));
    state.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const state = this.state;
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    state.client = params.capabilities;
    if (opts.today !== undefined && opts.today !== null) {
      if (typeof opts.today === 'string' && isIsoDate(opts.today)) { state.today = opts.today; state.todayFixed = true; }
      // As the CLI refuses a bad --today: say so, rather than quietly measure against another date.
      else this.warnings.push(`soc2: initializationOptions.today must be a real date written YYYY-MM-DD, not ${JSON.stringify(opts.today)}; checks use the clock's date (${state.today}) instead.`);
    }
    if (!state.todayFixed) state.today = this.clock.today;
    if (typeof opts.revealSummaryCommand === 'string' && opts.revealSummaryCommand) state.revealSummaryCommand = opts.revealSummaryCommand;
    this.watching.clientCanRegister = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.foldersChangeable = params.capabilities.workspace?.workspaceFolders === true;
    if (typeof opts.debounceMs === 'number' && opts.debounceMs >= 0) state.debounceMs = opts.debounceMs;
    if (opts.codeLens === false) state.codeLensEnabled = false;
    if (opts.cache === false) state.cacheEnabled = false;
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
        // prepareProvider only for clients that said they send prepareRename (the specification's rule).
        renameProvider: params.capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'soc2-language-server', version: '0.1.0' },
    };
  }

  private foldersChangeable = false;

  private initialized(): void {
    for (const message of this.warnings) {
      this.connection.console.error(message);
      void this.connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
    }
    if (this.foldersChangeable) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const paths = (list: readonly { uri: string }[]) => list.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
        const removed = paths(e.removed), added = paths(e.added);
        this.state.folders = [...this.state.folders.filter((f) => !removed.includes(f)), ...added.filter((f) => !this.state.folders.includes(f))];
        void this.indexer.removeFolders(removed).then(() => this.indexer.addFolders(added)).then(() => this.watching.sync());
      });
    }
    if (!this.state.todayFixed) this.clock.start();
    void this.indexer.start();
  }

  /** Local midnight passed with no today fixed by the client: every date-based check measures against the new day. */
  private newDay(today: string): void {
    if (this.state.todayFixed) return;
    this.state.today = today;
    let files = 0;
    for (const root of this.state.roots.values()) {
      const affected = root.project.setToday(today);
      files += affected.size;
      this.publisher.schedule(root, affected, 0);
    }
    this.connection.console.info(`soc2: the date is now ${today}; date-based checks ran again on ${files} files.`);
  }
}
