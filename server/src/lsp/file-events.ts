import * as nodePath from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { readInto } from '../engine/load';
import { CONFIG_FILE } from '../engine/parse-config';
import type { GitWatcher } from './git-watch';
import type { Indexer } from './indexing';
import type { Publisher } from './publishing';
import { findRoots, rootFor, uriToPath, type ComplianceRoot } from './roots';
import type { ServerState } from './server-state';
import { EventCoalescer } from './event-coalescing';

/**
 * File events from the disk (the client's watcher, or the server's own when the client has none):
 * keeps every root's index equal to a fresh read of its files. Open documents win over the disk.
 * Editors report a folder created, deleted or renamed as one event for the folder alone, so a folder
 * event is answered by listing what is (or was) under it.
 */
export class FileEvents {
  /** Called when roots were added or dropped, so server-side watchers follow. */
  onRootsChanged: () => void = () => undefined;

  constructor(
    private readonly state: ServerState,
    private readonly publisher: Publisher,
    private readonly indexer: Indexer,
    private readonly git: GitWatcher,
  ) {}

  private work: Promise<void> = Promise.resolve();
  /** Bursts of events (a branch switch) become one batch; see event-coalescing.ts. */
  readonly coalescer = new EventCoalescer((job) => {
    this.work = this.work.then(job).catch((err) => {
      this.state.connection.console.error(`soc2: ${(err as Error).stack ?? String(err)}`);
    });
    return this.work;
  }, (events) => this.applyBatch(events));

  /**
   * Applies events in the order they came (a rename's delete before its create), a burst at a time.
   * Requests wait for `settled()`, so an answer never reflects half a rename or half a checkout.
   */
  changed(changes: readonly FileEvent[]): Promise<void> {
    return this.coalescer.add(changes);
  }

  /** One batch, published once at its end: every affected file is checked once, not once per event. */
  private async applyBatch(changes: readonly FileEvent[]): Promise<void> {
    this.publisher.hold();
    try { await this.apply(changes); } finally { this.publisher.release(); }
  }

  /** Settles when every event received so far has been applied. */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do { seen = this.work; await seen; } while (seen !== this.work);
  }

  private async apply(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path || this.git.changed(path)) continue;
      if (change.type === FileChangeType.Created && nodePath.basename(path) === CONFIG_FILE) {
        const dir = nodePath.dirname(path);
        if (!this.state.roots.has(dir) && this.state.inFolders(dir)) { await this.indexer.addRoot(dir); this.onRootsChanged(); continue; }
      }
      const hit = rootFor(this.state.roots.values(), change.uri);
      if (!hit) { await this.outsideRoots(path, change.type); continue; }
      const { root, path: rel } = hit;
      if (change.type === FileChangeType.Deleted) { this.deleted(root, rel); continue; }
      const stat = await root.workspace.stat(rel);
      if (!stat) continue; // gone again before we looked: its delete event follows
      if (stat.isDirectory) {
        // A folder created, renamed into place or copied in: read what it holds.
        const { files } = await root.workspace.list(rel);
        for (const f of files) await this.fileChanged(root, f);
        continue;
      }
      await this.fileChanged(root, rel);
    }
  }

  /** A folder created or deleted outside every root may hold (or have held) whole compliance roots. */
  private async outsideRoots(path: string, type: FileChangeType): Promise<void> {
    if (type === FileChangeType.Deleted) {
      const gone = [...this.state.roots.values()].filter((r) => r.path === path || r.path.startsWith(`${path}${nodePath.sep}`));
      for (const root of gone) this.indexer.dropRoot(root);
      if (gone.length) this.onRootsChanged();
      return;
    }
    if (type !== FileChangeType.Created || !this.state.inFolders(path)) return;
    const found = await findRoots(path);
    for (const dir of found) await this.indexer.addRoot(dir);
    if (found.length) this.onRootsChanged();
  }

  private deleted(root: ComplianceRoot, rel: string): void {
    if (this.state.documents.get(root.uriOf(rel))) return; // the editor's text wins while open
    const project = root.project;
    if (rel === CONFIG_FILE) { this.indexer.dropRoot(root); this.onRootsChanged(); return; }
    this.publisher.schedule(root, project.removeFile(rel), 0);
    // A deleted (or renamed-away) folder arrives as one event: drop what was below it too.
    for (const f of [...project.allFiles()].map((m) => m.path).filter((p) => p.startsWith(`${rel}/`))) {
      if (!this.state.documents.get(root.uriOf(f))) this.publisher.schedule(root, project.removeFile(f), 0);
    }
    for (const f of project.evidenceFiles.under(rel)) this.publisher.schedule(root, project.removeFile(f), 0);
  }

  /** One file created or changed on disk. */
  private async fileChanged(root: ComplianceRoot, rel: string): Promise<void> {
    if (this.state.documents.get(root.uriOf(rel))) return; // the editor's text wins while open
    const project = root.project;
    if (project.isEvidence(rel)) this.publisher.schedule(root, project.addEvidenceFile(rel), 0);
    if (rel === CONFIG_FILE) {
      const roles = () => JSON.stringify([project.config.paths, project.config.maxFileBytes]);
      const before = roles();
      await readInto(root.workspace, project, rel);
      if (roles() !== before) await this.indexer.reindex(root);
      else this.publisher.schedule(root, [...project.allFiles()].map((f) => f.path), 0);
    } else if (project.kindOf(rel) !== 'other') {
      this.publisher.schedule(root, await readInto(root.workspace, project, rel), 0);
    }
  }
}
