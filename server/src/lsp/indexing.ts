import * as nodePath from 'node:path';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readInto } from '../engine/load';
import { CONFIG_FILE } from '../engine/parse-config';
import { readAllParallel } from '../node/parallel-read';
import { ProjectCache } from '../cache/project-cache';
import type { GitWatcher } from './git-watch';
import type { Publisher } from './publishing';
import { ComplianceRoot, findRoots, rootAbove, uriToPath } from './roots';
import type { ServerState } from './server-state';

/** Open documents are read like every other file: one Markdown reader (engine/markdown-blocks.ts) for all. */
export const EDITOR = {} as const;

export const RESTRICTED_MODE_MESSAGE = 'soc2: restricted mode (untrusted workspace): git is never run, so git-based checks (policy-changed-since-approval) are off. Trust the workspace to turn them on.';

/**
 * Indexing: finds the compliance roots under the workspace folders and reads each one into its own
 * engine index. `ready` settles when no indexing is under way, so requests can wait for a whole index.
 */
export class Indexer {
  private work: Promise<void> = Promise.resolve();
  private running = 0;
  /** Called once the first full index is in: file watching starts then. */
  onFirstIndex: () => void = () => undefined;

  constructor(private readonly state: ServerState, private readonly publisher: Publisher, private readonly git: GitWatcher) {}

  /** Settles when every indexing started so far has ended (including ones started while waiting). */
  async ready(): Promise<void> {
    let seen: Promise<void>;
    do { seen = this.work; await seen; } while (seen !== this.work);
  }

  get busy(): boolean { return this.running > 0; }

  /** Runs indexing work one piece after another, so two never interleave on the same root. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = async () => { this.running++; try { await job(); } catch (err) { this.state.connection.console.error(`soc2: ${(err as Error).stack ?? String(err)}`); } finally { this.running--; } };
    this.work = this.work.then(run, run);
    return this.work;
  }

  start(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.state.trusted) this.state.connection.console.info(RESTRICTED_MODE_MESSAGE);
      // The progress is asked of the client without waiting for its answer: the walk and the first publish
      // need no round trip. Begin, reports and done stay in order, chained on the answer.
      const progress: Promise<WorkDoneProgressReporter | undefined> = this.state.connection.window.createWorkDoneProgress()
        .then((p) => { p.begin('SOC 2: indexing', 0, 'finding soc2.yaml', false); return p; }, () => undefined);
      try {
        await this.addFoldersNow(this.state.folders, (done, msg) => void progress.then((p) => p?.report(done, msg)));
      } finally {
        (await progress)?.done();
      }
      this.publisher.summaryChanged();
      this.onFirstIndex();
    });
  }

  /** Workspace folders added while running (`workspace/didChangeWorkspaceFolders`). */
  addFolders(folders: string[]): Promise<void> {
    return this.enqueue(async () => { await this.addFoldersNow(folders, () => undefined); this.publisher.summaryChanged(); });
  }

  /** Workspace folders removed: their roots go, with every diagnostic they published. */
  removeFolders(folders: string[]): Promise<void> {
    return this.enqueue(async () => {
      const under = (p: string) => folders.some((f) => p === f || p.startsWith(`${f}/`));
      for (const root of [...this.state.roots.values()]) {
        // A root stays while another remaining folder still holds it.
        if (under(root.path) && !this.state.inFolders(root.path)) this.dropRoot(root);
      }
    });
  }

  private async addFoldersNow(folders: string[], report: (percent: number, msg: string) => void): Promise<void> {
    // While the folders are walked, a document opened under them finds its root by walking up (rootAbove),
    // and its file-local diagnostics are out before the walk ends.
    this.searching = folders;
    for (const d of this.state.documents.all()) this.openedOutsideRoots(d.uri);
    let found: string[];
    try { found = (await Promise.all(folders.map((f) => findRoots(f)))).flat(); } finally { this.searching = []; }
    await Promise.all(this.earlyPending);
    const early = new Map(this.early);
    this.early.clear();
    const fresh: { root: ComplianceRoot; opened: boolean }[] = [];
    for (const path of found) {
      const root = early.get(path);
      if (root) { early.delete(path); fresh.push({ root, opened: true }); continue; }
      if (this.state.roots.has(path)) continue;
      const created = this.newRoot(path);
      this.state.roots.set(path, created);
      fresh.push({ root: created, opened: false });
    }
    // A root reached from an open document but not by the walk (its soc2.yaml appeared meanwhile) is kept.
    for (const root of early.values()) fresh.push({ root, opened: true });
    // Every root's open documents first, then the rest of each root: the files in view are checked first.
    for (const x of fresh) if (!x.opened && this.state.roots.get(x.root.path) === x.root) await this.openRoot(x.root);
    let done = 0;
    for (const { root } of fresh) {
      if (this.state.roots.get(root.path) === root) await this.fillRoot(root, (msg) => report(Math.round((100 * done) / Math.max(1, fresh.length)), msg));
      done++;
    }
  }

  /** Workspace folders being walked for roots (the first index, or folders added), else empty. */
  private searching: string[] = [];
  /** Roots found from open documents during the walk: registered and published, not yet read in full. */
  private readonly early = new Map<string, ComplianceRoot>();
  private readonly earlyPending = new Set<Promise<void>>();

  /**
   * A document outside every known root. While the workspace is being walked, its root is found by walking
   * up from it (a few file checks, not a listing) and its file-local diagnostics are published at once; the
   * walk's job reads the rest of that root. Once the walk is over, roots come only from it and file events.
   */
  openedOutsideRoots(uri: string): void {
    const file = uriToPath(uri);
    const folder = file && this.searching.find((f) => file.startsWith(f.endsWith(nodePath.sep) ? f : f + nodePath.sep));
    if (!file || !folder) return;
    const job = (async () => {
      const dir = await rootAbove(folder, file);
      if (!dir || this.state.roots.has(dir)) return;
      const root = this.newRoot(dir);
      this.state.roots.set(dir, root);
      this.early.set(dir, root);
      await this.openRoot(root);
    })().catch((err: unknown) => this.state.connection.console.error(`soc2: ${(err as Error).stack ?? String(err)}`));
    this.earlyPending.add(job);
    void job.finally(() => this.earlyPending.delete(job));
  }

  /** A new soc2.yaml inside a workspace folder makes a new root. */
  addRoot(dir: string): Promise<void> {
    return this.enqueue(async () => {
      if (this.state.roots.has(dir) || !this.state.inFolders(dir)) return;
      const root = this.newRoot(dir);
      this.state.roots.set(dir, root);
      await this.indexRoot(root, () => undefined);
      this.publisher.summaryChanged();
    });
  }

  dropRoot(root: ComplianceRoot): void {
    if (this.state.roots.get(root.path) === root) this.state.roots.delete(root.path);
    this.publisher.clearRoot(root);
  }

  /** Reads a root: soc2.yaml, then open documents (published at once with file-local checks), then the rest. */
  private async indexRoot(root: ComplianceRoot, report: (msg: string) => void): Promise<void> {
    await this.openRoot(root);
    await this.fillRoot(root, report);
  }

  /** soc2.yaml and the open documents, published with file-local checks; nothing is listed yet. */
  private async openRoot(root: ComplianceRoot): Promise<void> {
    const project = root.project;
    root.ready = false;
    project.fileLocalOnly = true;
    await readInto(root.workspace, project, CONFIG_FILE);
    const open = this.openUnder(root);
    for (const { d, rel } of open) project.setFile(rel, d.getText(), d.version, [], EDITOR);
    for (const { rel } of open) this.publisher.publish(root, rel);
  }

  private openUnder(root: ComplianceRoot): { d: TextDocument; rel: string }[] {
    return this.state.documents.all().flatMap((d) => { const rel = root.relative(d.uri); return rel === undefined ? [] : [{ d, rel }]; });
  }

  /** Lists the root, reads every file not open in the editor, asks git, and publishes everything. */
  private async fillRoot(root: ComplianceRoot, report: (msg: string) => void): Promise<void> {
    const project = root.project;
    report(`reading ${root.name}`);
    // Git is asked here, after the open documents are out: its start-up is not on the way to the first publish.
    if (root.gitPending) { root.gitPending = false; project.setHistory(this.git.historyOf(root.path)); }
    const { files, problems } = await root.workspace.list();
    for (const p of problems) this.state.connection.console.warn(`soc2: could not list ${p.path} (${p.reason})`);
    project.setEvidenceFiles(files);
    const openSet = new Set(this.openUnder(root).map((x) => x.rel));
    const wanted = files.filter((f) => f !== CONFIG_FILE && !openSet.has(f) && project.kindOf(f) !== 'other');
    // The persistent cache: on unless the client turned it off; never in an untrusted workspace, where
    // the server writes nothing into the folder.
    const cache = this.state.cacheEnabled && this.state.trusted ? ProjectCache.open(root.path, (m) => this.state.connection.console.info(`soc2: ${m}`)) : undefined;
    root.cache = cache;
    await (cache ? cache.readAll : readAllParallel)(root.workspace, project, wanted);
    await project.prefetchApprovals(); // git answers for every approved policy at once, without blocking this thread
    project.fileLocalOnly = false;
    root.ready = true;
    for (const f of project.allFiles()) this.publisher.publish(root, f.path);
    // Open documents may differ from the disk: they are neither stored nor let the diagnostics be stored.
    cache?.save(project, openSet);
  }

  /** A root's index, with the git history of its folder when the workspace is trusted. */
  private newRoot(path: string): ComplianceRoot {
    const root = new ComplianceRoot(path, this.state.today);
    root.gitPending = true; // read by fillRoot
    return root;
  }

  /** soc2.yaml changed which files are policies or controls (or today moved): rebuild that root's index. */
  reindex(root: ComplianceRoot): Promise<void> {
    return this.enqueue(async () => {
      if (this.state.roots.get(root.path) !== root) return;
      // The history is the same: keep the git reader (and what it has read).
      const fresh = new ComplianceRoot(root.path, this.state.today, root.project.git);
      fresh.gitPending = root.gitPending;
      for (const [k, v] of root.published) fresh.published.set(k, v);
      this.state.roots.set(root.path, fresh);
      await this.indexRoot(fresh, () => undefined);
      for (const path of root.published.keys()) if (!fresh.project.file(path)) this.publisher.publishEmpty(fresh, path);
      this.publisher.summaryChanged();
    });
  }
}
