import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readInto } from '../engine/load';
import { EDITOR, type Indexer } from './indexing';
import type { Publisher } from './publishing';
import { rootFor } from './roots';
import type { ServerState } from './server-state';

/**
 * Document sync: open documents are the truth for their files while open. Edits are parsed once per
 * pause in typing (or first thing when a request reads the index); a closed document goes back to the disk.
 */
export class DocumentSync {
  /** Open documents edited since their last parse. */
  private readonly unparsed = new Set<string>();

  constructor(private readonly state: ServerState, private readonly publisher: Publisher, private readonly indexer: Indexer) {
    state.documents.onDidOpen((e) => this.onOpen(e.document));
    state.documents.onDidChangeContent((e) => this.onEdit(e.document, false));
    state.documents.onDidSave((e) => this.onEdit(e.document, true));
    state.documents.onDidClose((e) => void this.onClose(e.document));
    publisher.beforeFlush = () => this.parseEdited();
  }

  private onOpen(doc: TextDocument): void {
    this.unparsed.delete(doc.uri);
    const hit = rootFor(this.state.roots.values(), doc.uri);
    if (!hit) { this.indexer.openedOutsideRoots(doc.uri); return; }
    const { affected, rolesChanged } = hit.root.project.setFile(hit.path, doc.getText(), doc.version, [], EDITOR);
    if (rolesChanged) { void this.indexer.reindex(hit.root); return; }
    this.publisher.schedule(hit.root, affected, 0);
  }

  private onEdit(doc: TextDocument, saved: boolean): void {
    const hit = rootFor(this.state.roots.values(), doc.uri);
    if (!hit) return;
    const model = hit.root.project.file(hit.path);
    if (model && model.version === doc.version && !this.unparsed.has(doc.uri)) { if (saved) this.publisher.flushSoon(0); return; }
    // One parse per pause in typing, not one per keystroke: a burst of edits cannot queue up work.
    this.unparsed.add(doc.uri);
    this.publisher.flushSoon(saved ? 0 : this.state.debounceMs);
  }

  /** Parses the open documents edited since their last parse, and queues the files whose diagnostics that may change. */
  parseEdited(): void {
    for (const uri of [...this.unparsed]) {
      this.unparsed.delete(uri);
      const doc = this.state.documents.get(uri);
      const hit = doc && rootFor(this.state.roots.values(), uri);
      if (!doc || !hit) continue;
      const { affected, rolesChanged } = hit.root.project.setFile(hit.path, doc.getText(), doc.version, [], EDITOR);
      if (rolesChanged) { void this.indexer.reindex(hit.root); continue; }
      this.publisher.queue(hit.root, affected);
    }
  }

  /** A closed document's truth is the disk again (its unsaved edits are gone). */
  private async onClose(doc: TextDocument): Promise<void> {
    this.unparsed.delete(doc.uri);
    const hit = rootFor(this.state.roots.values(), doc.uri);
    if (!hit) return;
    const affected = await readInto(hit.root.workspace, hit.root.project, hit.path);
    this.publisher.schedule(hit.root, affected, 0);
  }
}
