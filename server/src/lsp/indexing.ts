import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import { readInto } from '../engine/load';
import { CONFIG_FILE } from '../engine/parse-config';
import { readAllParallel } from '../node/parallel-read';
import { ProjectCache } from '../cache/project-cache';
import type { GitWatcher } from './git-watch';
import type { Publisher } from './publishing';
import { ComplianceRoot, findRoots } from './roots';
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
      let progress: WorkDoneProgressReporter | undefined;
      try {
        progress = await this.state.connection.window.createWorkDoneProgress();
        progress.begin('SOC 2: indexing', 0, 'finding soc2.yaml', false);
      } catch { progress = undefined; }
      try {
        await this.addFoldersNow(this.state.folders, (done, msg) => progress?.report(done, msg));
      } finally {
        progress?.done();
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
    const found = (await Promise.all(folders.map((f) => findRoots(f)))).flat();
    const fresh: ComplianceRoot[] = [];
    for (const path of found) {
      if (this.state.roots.has(path)) continue;
      const root = this.newRoot(path);
      this.state.roots.set(path, root);
      fresh.push(root);
    }
    let done = 0;
    for (const root of fresh) {
      await this.indexRoot(root, (msg) => report(Math.round((100 * done) / Math.max(1, fresh.length)), msg));
      done++;
    }
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
    const project = root.project;
    root.ready = false;
    project.fileLocalOnly = true;
    await readInto(root.workspace, project, CONFIG_FILE);
    const open = this.state.documents.all().map((d) => ({ d, rel: root.relative(d.uri) })).filter((x) => x.rel !== undefined);
    for (const { d, rel } of open) project.setFile(rel!, d.getText(), d.version, [], EDITOR);
    for (const { rel } of open) this.publisher.publish(root, rel!);
    report(`reading ${root.name}`);
    const { files, problems } = await root.workspace.list();
    for (const p of problems) this.state.connection.console.warn(`soc2: could not list ${p.path} (${p.reason})`);
    project.setEvidenceFiles(files);
    const openSet = new Set(open.map((x) => x.rel));
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
    cache?.save(project, openSet as Set<string>);
  }

  /** A root's index, with the git history of its folder when the workspace is trusted. */
  private newRoot(path: string): ComplianceRoot {
    return new ComplianceRoot(path, this.state.today, this.git.historyOf(path));
  }

  /** soc2.yaml changed which files are policies or controls (or today moved): rebuild that root's index. */
  reindex(root: ComplianceRoot): Promise<void> {
    return this.enqueue(async () => {
      if (this.state.roots.get(root.path) !== root) return;
      // The history is the same: keep the git reader (and what it has read).
      const fresh = new ComplianceRoot(root.path, this.state.today, root.project.git);
      for (const [k, v] of root.published) fresh.published.set(k, v);
      this.state.roots.set(root.path, fresh);
      await this.indexRoot(fresh, () => undefined);
      for (const path of root.published.keys()) if (!fresh.project.file(path)) this.publisher.publishEmpty(fresh, path);
      this.publisher.summaryChanged();
    });
  }
}
