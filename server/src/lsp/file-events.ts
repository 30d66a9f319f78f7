import * as nodePath from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { readInto } from '../engine/load';
import { CONFIG_FILE } from '../engine/parse-config';
import type { GitWatcher } from './git-watch';
import type { Indexer } from './indexing';
import type { Publisher } from './publishing';
import { rootFor, uriToPath } from './roots';
import type { ServerState } from './server-state';

/**
 * File events from the disk (the client's watcher, or the server's own when the client has none):
 * keeps every root's index equal to a fresh read of its files. Open documents win over the disk.
 */
export class FileEvents {
  constructor(
    private readonly state: ServerState,
    private readonly publisher: Publisher,
    private readonly indexer: Indexer,
    private readonly git: GitWatcher,
  ) {}

  async changed(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (path && this.git.changed(path)) continue;
      if (path && change.type === FileChangeType.Created && nodePath.basename(path) === CONFIG_FILE) {
        const dir = nodePath.dirname(path);
        if (!this.state.roots.has(dir) && this.state.inFolders(dir)) { await this.indexer.addRoot(dir); continue; }
      }
      const hit = rootFor(this.state.roots.values(), change.uri);
      if (!hit) continue;
      const { root, path: rel } = hit;
      if (this.state.documents.get(change.uri)) continue; // the editor's text wins while open
      const project = root.project;
      if (change.type === FileChangeType.Deleted) {
        if (rel === CONFIG_FILE) { this.indexer.dropRoot(root); continue; }
        this.publisher.schedule(root, project.removeFile(rel), 0);
        // A deleted folder arrives as one event: drop what was below it too.
        for (const f of [...project.allFiles()].map((m) => m.path).filter((p) => p.startsWith(rel + '/'))) this.publisher.schedule(root, project.removeFile(f), 0);
        for (const f of project.evidenceFiles.under(rel)) this.publisher.schedule(root, project.removeFile(f), 0);
        continue;
      }
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
}
