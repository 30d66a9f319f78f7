import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import {
  DidChangeWatchedFilesNotification, FileChangeType, LSPErrorCodes, ResponseError, TextDocumentSyncKind, TextDocuments,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult, type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readInto } from '../engine/load';
import { readAllParallel } from '../node/parallel-read';
import { CONFIG_FILE } from '../engine/parse-config';
import { isIsoDate, todayFromClock } from '../engine/dates';
import { computeSummary } from '../engine/summary';
import { decodeText } from '../engine/text';
import type { GitHistory } from '../engine/git-history';
import { CliGit } from '../git/cli-git';
import { formatSummaryMarkdown } from '../report/summary-text';
import { ComplianceRoot, findRoots, rootFor, uriToPath } from './roots';
import { toLspDiagnostic } from './convert';
import { PublishPreviewRequest, SummaryChangedNotification, SummaryRequest, type InitializationOptions, type PublishPreviewParams, type SummaryParams, type SummaryResult } from './protocol';
import type { FeatureContext } from './feature-context';
import { hover } from './hover';
import { completion, COMPLETION_TRIGGERS } from './completion';
import { definition } from './definition';
import { references } from './references';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { documentSymbols } from './document-symbols';
import { workspaceSymbols } from './workspace-symbols';
import { publishPreview } from './publish-preview';

/** Open documents are read like every other file: one Markdown reader (engine/markdown-blocks.ts) for all. */
const EDITOR = {} as const;

/** Files under `.git/` whose change means the history moved (a commit, checkout, reset, `git init`). */
const GIT_STATE = /^(?:HEAD|packed-refs|logs\/HEAD|refs\/heads\/.+)$/;
/** A commit writes several of those at once: ask git again only once they have settled. */
const HISTORY_DEBOUNCE_MS = 200;

export const RESTRICTED_MODE_MESSAGE = 'soc2: restricted mode (untrusted workspace): git is never run, so git-based checks (policy-changed-since-approval) are off. Trust the workspace to turn them on.';

/**
 * The language server: a thin shell that keeps one engine index per compliance root in step with
 * the editor and the disk, and publishes what the engine finds. It owns no check logic.
 */
export class Soc2Server {
  readonly documents = new TextDocuments(TextDocument);
  readonly roots = new Map<string, ComplianceRoot>();
  private today = todayFromClock();
  private debounceMs = 75;
  private codeLensEnabled = true;
  private folders: string[] = [];
  private pending = new Map<ComplianceRoot, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private summaryTimer: NodeJS.Timeout | undefined;
  private indexing: Promise<void> = Promise.resolve();
  private indexingNow = false;
  /** False in an untrusted workspace: then no child process (git) is ever started. */
  private trusted = true;
  /** Roots already reported as outside git, so the output channel says it once. */
  private readonly noGitSaid = new Set<string>();
  private readonly historyPending = new Set<string>();
  private historyTimer: NodeJS.Timeout | undefined;
  /** Open documents edited since their last parse: parsed when typing pauses, or first thing when a request reads the index. */
  private readonly unparsed = new Set<string>();

  constructor(private readonly connection: Connection) {
    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => { this.indexing = this.indexAll(); });
    this.documents.onDidOpen((e) => this.onOpen(e.document));
    this.documents.onDidChangeContent((e) => this.onEdit(e.document, false));
    this.documents.onDidSave((e) => this.onEdit(e.document, true));
    this.documents.onDidClose((e) => void this.onClose(e.document));
    connection.onDidChangeWatchedFiles((p) => void this.onWatched(p.changes));
    connection.onHover((p) => this.withDocument(p.textDocument.uri, (c) => hover(c, p.position)));
    connection.onCompletion((p) => this.withDocument(p.textDocument.uri, (c) => completion(c, p.position)));
    connection.onDefinition((p) => this.withDocument(p.textDocument.uri, (c) => definition(c, p.position)));
    connection.onReferences((p) => this.withDocument(p.textDocument.uri, (c) => references(c, p.position, p.context.includeDeclaration)));
    connection.onCodeAction((p) => this.withDocument(p.textDocument.uri, (c) => codeActions(c, p.range, p.context)));
    connection.onCodeLens((p) => (this.codeLensEnabled ? this.withDocument(p.textDocument.uri, (c) => codeLenses(c)) : []));
    connection.onDocumentSymbol((p) => this.withDocument(p.textDocument.uri, (c) => documentSymbols(c)));
    connection.onWorkspaceSymbol((p) => { this.parseEdited(); return [...this.roots.values()].flatMap((r) => workspaceSymbols(r, p.query)); });
    connection.onRequest(SummaryRequest, async (p: SummaryParams, token: CancellationToken) => this.summary(p, token));
    connection.onRequest(PublishPreviewRequest, (p: PublishPreviewParams) => this.withDocument(p.uri, (c) => publishPreview(c)));
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    if (opts.today && isIsoDate(opts.today)) this.today = opts.today;
    if (typeof opts.debounceMs === 'number' && opts.debounceMs >= 0) this.debounceMs = opts.debounceMs;
    if (opts.codeLens === false) this.codeLensEnabled = false;
    if (opts.trusted === false) this.trusted = false;
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)
      ?? [params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined].filter((p): p is string => !!p);
    this.folders = folders;
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

  // ---- indexing -------------------------------------------------------------------------------

  private async indexAll(): Promise<void> {
    this.indexingNow = true;
    if (!this.trusted) this.connection.console.info(RESTRICTED_MODE_MESSAGE);
    let progress: WorkDoneProgressReporter | undefined;
    try {
      progress = await this.connection.window.createWorkDoneProgress();
      progress.begin('SOC 2: indexing', 0, 'finding soc2.yaml', false);
    } catch { progress = undefined; }
    try {
      const found = (await Promise.all(this.folders.map((f) => findRoots(f)))).flat();
      for (const path of found) if (!this.roots.has(path)) this.roots.set(path, this.newRoot(path));
      let done = 0;
      for (const root of this.roots.values()) {
        await this.indexRoot(root, (msg) => progress?.report(Math.round((100 * done) / Math.max(1, this.roots.size)), msg));
        done++;
      }
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*' }],
      }).catch(() => undefined);
    } finally {
      this.indexingNow = false;
      progress?.done();
    }
    this.summaryChanged();
  }

  /** Reads a root: soc2.yaml, then open documents (published at once with file-local checks), then the rest. */
  private async indexRoot(root: ComplianceRoot, report: (msg: string) => void): Promise<void> {
    const project = root.project;
    root.ready = false;
    project.fileLocalOnly = true;
    await readInto(root.workspace, project, CONFIG_FILE);
    const open = this.documents.all().map((d) => ({ d, rel: root.relative(d.uri) })).filter((x) => x.rel !== undefined);
    for (const { d, rel } of open) project.setFile(rel!, d.getText(), d.version, [], EDITOR);
    for (const { rel } of open) this.publish(root, rel!);
    report(`reading ${root.name}`);
    const { files, problems } = await root.workspace.list();
    for (const p of problems) this.connection.console.warn(`soc2: could not list ${p.path} (${p.reason})`);
    project.setEvidenceFiles(files);
    const openSet = new Set(open.map((x) => x.rel));
    const wanted = files.filter((f) => f !== CONFIG_FILE && !openSet.has(f) && project.kindOf(f) !== 'other');
    await readAllParallel(root.workspace, project, wanted);
    project.fileLocalOnly = false;
    root.ready = true;
    for (const f of project.allFiles()) this.publish(root, f.path);
  }

  /** A root's index, with the git history of its folder when the workspace is trusted. */
  private newRoot(path: string): ComplianceRoot {
    return new ComplianceRoot(path, this.today, this.historyOf(path));
  }

  /** The folder's git history; never looked for (no process started) in an untrusted workspace. */
  private historyOf(path: string): GitHistory | undefined {
    if (!this.trusted) return undefined;
    const git = CliGit.open(path);
    if (git) this.noGitSaid.delete(path);
    else if (!this.noGitSaid.has(path)) {
      this.noGitSaid.add(path);
      this.connection.console.info(`soc2: ${path} is not in a git repository (or git is not installed), so policy-changed-since-approval is off there.`);
    }
    return git;
  }

  /**
   * A change under `.git/`: when it moves the history (a commit, checkout, `git init`), every root in that
   * repository asks git again, once the burst of writes has settled. True when the path was under `.git/`.
   */
  private gitStateChanged(abs: string): boolean {
    const p = abs.split(nodePath.sep).join('/');
    const at = p.lastIndexOf('/.git/');
    if (at < 0) return false;
    if (!this.trusted || !GIT_STATE.test(p.slice(at + 6))) return true;
    const top = p.slice(0, at);
    for (const root of this.roots.values()) {
      const rp = root.path.split(nodePath.sep).join('/');
      if (rp === top || rp.startsWith(top + '/')) this.historyPending.add(root.path);
    }
    if (this.historyPending.size && !this.historyTimer) this.historyTimer = setTimeout(() => this.refreshHistory(), HISTORY_DEBOUNCE_MS);
    return true;
  }

  private refreshHistory(): void {
    this.historyTimer = undefined;
    const paths = [...this.historyPending];
    this.historyPending.clear();
    for (const path of paths) {
      const root = this.roots.get(path);
      if (root) this.schedule(root, root.project.setHistory(this.historyOf(root.path)), 0);
    }
  }

  // ---- documents and files --------------------------------------------------------------------

  private onOpen(doc: TextDocument): void {
    this.unparsed.delete(doc.uri);
    const hit = rootFor(this.roots.values(), doc.uri);
    if (!hit) return;
    const { affected, rolesChanged } = hit.root.project.setFile(hit.path, doc.getText(), doc.version, [], EDITOR);
    if (rolesChanged) { void this.reindex(hit.root); return; }
    this.schedule(hit.root, affected, 0);
  }

  private onEdit(doc: TextDocument, saved: boolean): void {
    const hit = rootFor(this.roots.values(), doc.uri);
    if (!hit) return;
    const model = hit.root.project.file(hit.path);
    if (model && model.version === doc.version && !this.unparsed.has(doc.uri)) { if (saved) this.flushSoon(0); return; }
    // One parse per pause in typing, not one per keystroke: a burst of edits cannot queue up work.
    this.unparsed.add(doc.uri);
    this.flushSoon(saved ? 0 : this.debounceMs);
  }

  /** Parses the open documents edited since their last parse, and queues the files whose diagnostics that may change. */
  private parseEdited(): void {
    for (const uri of [...this.unparsed]) {
      this.unparsed.delete(uri);
      const doc = this.documents.get(uri);
      const hit = doc && rootFor(this.roots.values(), uri);
      if (!doc || !hit) continue;
      const { affected, rolesChanged } = hit.root.project.setFile(hit.path, doc.getText(), doc.version, [], EDITOR);
      if (rolesChanged) { void this.reindex(hit.root); continue; }
      let set = this.pending.get(hit.root);
      if (!set) { set = new Set(); this.pending.set(hit.root, set); }
      for (const f of affected) set.add(f);
    }
  }

  /** A closed document's truth is the disk again (its unsaved edits are gone). */
  private async onClose(doc: TextDocument): Promise<void> {
    this.unparsed.delete(doc.uri);
    const hit = rootFor(this.roots.values(), doc.uri);
    if (!hit) return;
    const affected = await readInto(hit.root.workspace, hit.root.project, hit.path);
    this.schedule(hit.root, affected, 0);
  }

  private async onWatched(changes: { uri: string; type: number }[]): Promise<void> {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (path && this.gitStateChanged(path)) continue;
      if (path && change.type === FileChangeType.Created && nodePath.basename(path) === CONFIG_FILE) {
        // A new soc2.yaml makes a new root.
        const dir = nodePath.dirname(path);
        if (!this.roots.has(dir) && this.folders.some((f) => dir === f || dir.startsWith(f + '/'))) {
          const root = this.newRoot(dir);
          this.roots.set(dir, root);
          await this.indexRoot(root, () => undefined);
          this.summaryChanged();
          continue;
        }
      }
      const hit = rootFor(this.roots.values(), change.uri);
      if (!hit) continue;
      const { root, path: rel } = hit;
      if (this.documents.get(change.uri)) continue; // the editor's text wins while open
      const project = root.project;
      if (change.type === FileChangeType.Deleted) {
        if (rel === CONFIG_FILE) { this.roots.delete(root.path); this.clearRoot(root); continue; }
        this.schedule(root, project.removeFile(rel), 0);
        // A deleted folder arrives as one event: drop what was below it too.
        for (const f of [...project.allFiles()].map((m) => m.path).filter((p) => p.startsWith(rel + '/'))) this.schedule(root, project.removeFile(f), 0);
        for (const f of project.evidenceFiles.under(rel)) this.schedule(root, project.removeFile(f), 0);
        continue;
      }
      if (project.isEvidence(rel)) this.schedule(root, project.addEvidenceFile(rel), 0);
      if (rel === CONFIG_FILE) {
        const roles = () => JSON.stringify([project.config.paths, project.config.maxFileBytes]);
        const before = roles();
        await readInto(root.workspace, project, rel);
        if (roles() !== before) await this.reindex(root);
        else this.schedule(root, [...project.allFiles()].map((f) => f.path), 0);
      } else if (project.kindOf(rel) !== 'other') {
        this.schedule(root, await readInto(root.workspace, project, rel), 0);
      }
    }
  }

  /** soc2.yaml changed which files are policies or controls: rebuild that root's index. */
  private async reindex(root: ComplianceRoot): Promise<void> {
    // The history is the same: keep the git reader (and what it has read).
    const fresh = new ComplianceRoot(root.path, this.today, root.project.git);
    for (const [k, v] of root.published) fresh.published.set(k, v);
    this.roots.set(root.path, fresh);
    await this.indexRoot(fresh, () => undefined);
    for (const path of root.published.keys()) if (!fresh.project.file(path)) this.publishEmpty(fresh, path);
    this.summaryChanged();
  }

  private clearRoot(root: ComplianceRoot): void {
    for (const path of root.published.keys()) this.connection.sendDiagnostics({ uri: root.uriOf(path), diagnostics: [] });
    root.published.clear();
    this.summaryChanged();
  }

  // ---- publishing -----------------------------------------------------------------------------

  private schedule(root: ComplianceRoot, files: Iterable<string>, delay: number): void {
    let set = this.pending.get(root);
    if (!set) { set = new Set(); this.pending.set(root, set); }
    for (const f of files) set.add(f);
    this.flushSoon(delay);
  }

  private flushSoon(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  private flush(): void {
    this.timer = undefined;
    this.parseEdited();
    const pending = this.pending;
    this.pending = new Map();
    for (const [root, files] of pending) {
      if (this.roots.get(root.path) !== root) continue;
      for (const f of files) this.publish(root, f);
    }
    this.summaryChanged();
  }

  private publish(root: ComplianceRoot, path: string): void {
    const model = root.project.file(path);
    if (!model) { this.publishEmpty(root, path); return; }
    const diagnostics = root.project.diagnosticsFor(path).map((d) => toLspDiagnostic(d, (p) => root.uriOf(p)));
    const key = JSON.stringify(diagnostics);
    const before = root.published.get(path);
    if (before === key || (before === undefined && !diagnostics.length)) { root.published.set(path, key); return; }
    root.published.set(path, key);
    const doc = this.documents.get(root.uriOf(path));
    this.connection.sendDiagnostics({ uri: root.uriOf(path), diagnostics, ...(doc ? { version: doc.version } : {}) });
  }

  private publishEmpty(root: ComplianceRoot, path: string): void {
    if (root.published.get(path) === '[]' || !root.published.has(path)) { root.published.delete(path); return; }
    root.published.delete(path);
    this.connection.sendDiagnostics({ uri: root.uriOf(path), diagnostics: [] });
  }

  private summaryChanged(): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => { void this.connection.sendNotification(SummaryChangedNotification, {}); }, 250);
  }

  // ---- requests -------------------------------------------------------------------------------

  private async summary(params: SummaryParams, token?: CancellationToken): Promise<SummaryResult> {
    await this.indexing;
    // Cancelled while it waited for the index: say so rather than compute a summary nobody reads.
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'soc2/summary was cancelled');
    this.parseEdited();
    const roots = [...this.roots.values()].filter((r) => !params?.uri || r.relative(params.uri) !== undefined || r.uri === params.uri);
    return {
      indexing: this.indexingNow,
      roots: roots.map((r) => {
        const summary = computeSummary(r.project);
        return { root: r.uri, name: r.name, summary, markdown: formatSummaryMarkdown(summary) };
      }),
    };
  }

  /** A file's text for code actions: the editor's if open (the index was built from it), else the disk's. */
  private textOf(root: ComplianceRoot, rel: string): string | undefined {
    const open = this.documents.get(root.uriOf(rel));
    if (open) return open.getText();
    try { return decodeText(readFileSync(nodePath.join(root.path, rel))).text; } catch { return undefined; }
  }

  /** Runs a feature for a document inside a root; documents outside every root get an empty answer. */
  private withDocument<T>(uri: string, run: (ctx: FeatureContext) => T): T | null {
    const hit = rootFor(this.roots.values(), uri);
    const document = this.documents.get(uri);
    if (!hit || !document) return null;
    this.parseEdited();
    try {
      return run({ root: hit.root, project: hit.root.project, path: hit.path, document, textOf: (p) => this.textOf(hit.root, p) });
    } catch (err) {
      this.connection.console.error(`soc2: ${(err as Error).stack ?? String(err)}`);
      return null;
    }
  }
}
