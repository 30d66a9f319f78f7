import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver';
import { CONFIG_FILE } from '../engine/parse-config';
import type { Disposable, WatchEvent } from '../engine/workspace';
import type { ComplianceRoot } from './roots';
import type { ServerState } from './server-state';

const TYPES: Record<WatchEvent['type'], FileChangeType> = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted };

/**
 * Who watches the disk. A client that can register `workspace/didChangeWatchedFiles` dynamically is asked
 * to (VS Code); one that cannot (Neovim 0.7–0.9, Helix, Emacs eglot without it) would never tell us of a change
 * to a file it has not opened, so the server then watches each root itself, limited to the files the
 * root's globs make policies, controls, risks or evidence (plus soc2.yaml).
 */
export class FileWatching {
  private clientWatches = false;
  private readonly watchers = new Map<string, { root: ComplianceRoot; watcher: Disposable }>();

  constructor(private readonly state: ServerState, private readonly deliver: (changes: FileEvent[]) => void) {}

  /** From the client's capabilities at initialize. */
  set clientCanRegister(value: boolean) { this.clientWatches = value; }
  get serverSide(): boolean { return !this.clientWatches; }

  /** After the first index: register with the client, or start the server's own watchers. */
  start(): void {
    if (this.clientWatches) {
      void this.state.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*' }],
      }).catch(() => undefined);
      return;
    }
    this.sync();
  }

  /** Keeps one server-side watcher per root (roots come and go with folders and soc2.yaml files). */
  sync(): void {
    if (this.clientWatches) return;
    for (const [path, w] of [...this.watchers]) {
      if (!this.state.roots.has(path)) { w.watcher.dispose(); this.watchers.delete(path); }
    }
    for (const root of this.state.roots.values()) {
      if (this.watchers.has(root.path) || !root.workspace.watch) continue;
      const relevant = (rel: string) => {
        // The root's index may have been rebuilt (soc2.yaml moved the globs): ask the current one.
        const project = this.state.roots.get(root.path)?.project;
        return rel === CONFIG_FILE || !project || project.kindOf(rel) !== 'other' || project.isEvidence(rel);
      };
      const watcher = root.workspace.watch((e) => this.deliver([{ uri: root.uriOf(e.path), type: TYPES[e.type] }]), relevant);
      this.watchers.set(root.path, { root, watcher });
    }
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.watcher.dispose();
    this.watchers.clear();
  }
}
