import { toLspDiagnostic } from './convert';
import { SummaryChangedNotification } from './protocol';
import type { ComplianceRoot } from './roots';
import type { ServerState } from './server-state';

/**
 * Publishing: collects the files whose diagnostics may have changed, and sends each file's diagnostics
 * when they differ from what was last sent. Summary views are told (debounced) after every flush.
 */
export class Publisher {
  private pending = new Map<ComplianceRoot, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private summaryTimer: NodeJS.Timeout | undefined;
  /** While above zero (a batch of file events is being applied), publishing waits for its end. */
  private held = 0;
  /** Runs first at every flush: document sync parses the edits still waiting, so they are published too. */
  beforeFlush: () => void = () => undefined;

  constructor(private readonly state: ServerState) {}

  /** Queues files of a root for publishing, without starting the timer. */
  queue(root: ComplianceRoot, files: Iterable<string>): void {
    let set = this.pending.get(root);
    if (!set) { set = new Set(); this.pending.set(root, set); }
    for (const f of files) set.add(f);
  }

  schedule(root: ComplianceRoot, files: Iterable<string>, delay: number): void {
    this.queue(root, files);
    this.flushSoon(delay);
  }

  /** Holds publishing until the matching release: what is queued meanwhile is published once, then. */
  hold(): void { this.held++; }
  release(): void { if (--this.held === 0 && this.pending.size) this.flushSoon(0); }

  flushSoon(delay: number): void {
    if (this.held) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  flush(): void {
    this.timer = undefined;
    if (this.held) return; // a timer set before the hold: release() flushes instead
    this.beforeFlush();
    const pending = this.pending;
    this.pending = new Map();
    for (const [root, files] of pending) {
      if (this.state.roots.get(root.path) !== root) continue;
      for (const f of files) this.publish(root, f);
    }
    this.summaryChanged();
  }

  publish(root: ComplianceRoot, path: string): void {
    const model = root.project.file(path);
    if (!model) { this.publishEmpty(root, path); return; }
    const diagnostics = root.project.diagnosticsFor(path).map((d) => toLspDiagnostic(d, (p) => root.uriOf(p)));
    const key = JSON.stringify(diagnostics);
    const before = root.published.get(path);
    if (before === key || (before === undefined && !diagnostics.length)) { root.published.set(path, key); return; }
    root.published.set(path, key);
    const doc = this.state.documents.get(root.uriOf(path));
    this.state.connection.sendDiagnostics({ uri: root.uriOf(path), diagnostics, ...(doc ? { version: doc.version } : {}) });
  }

  publishEmpty(root: ComplianceRoot, path: string): void {
    if (root.published.get(path) === '[]' || !root.published.has(path)) { root.published.delete(path); return; }
    root.published.delete(path);
    this.state.connection.sendDiagnostics({ uri: root.uriOf(path), diagnostics: [] });
  }

  /** A root that is gone (soc2.yaml deleted, its folder removed): clear everything it published. */
  clearRoot(root: ComplianceRoot): void {
    for (const path of root.published.keys()) this.state.connection.sendDiagnostics({ uri: root.uriOf(path), diagnostics: [] });
    root.published.clear();
    this.summaryChanged();
  }

  summaryChanged(): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => { void this.state.connection.sendNotification(SummaryChangedNotification, {}); }, 250);
  }
}
