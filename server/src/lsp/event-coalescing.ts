import type { FileEvent } from 'vscode-languageserver';

/**
 * How long the disk must stay quiet before a burst of file events is applied, and the longest a burst is
 * held. A `git checkout` rewriting hundreds of files reaches the server as many notifications within a few
 * milliseconds of each other; applied one by one, each would re-check soc2.yaml and every policy naming
 * the file's controls, hundreds of times over. Held until quiet, they are applied as one batch: each file
 * read once, each affected file checked and published once.
 */
export const QUIET_MS = 60;
export const MAX_HOLD_MS = 600;

/** One event per file, the last one for it, in the order the files last changed (a rename's create wins). */
export function coalesce(events: readonly FileEvent[]): FileEvent[] {
  const last = new Map<string, FileEvent>();
  for (const e of events) { last.delete(e.uri); last.set(e.uri, e); }
  return [...last.values()];
}

/**
 * Collects events until the disk is quiet, then hands them to `apply` as one batch. `add` returns a promise
 * that settles once the batch holding those events was applied.
 */
export class EventCoalescer {
  /** How many batches were applied: one per burst (tests compare it with the events sent). */
  batches = 0;
  private buffer: FileEvent[] = [];
  private pending?: Promise<void>;
  private release?: () => void;
  private timer?: NodeJS.Timeout;
  private firstAt = 0;

  constructor(
    /** Chains the batch after the work already queued, and returns the new tail of that queue. */
    private readonly enqueue: (job: () => Promise<void>) => Promise<void>,
    private readonly apply: (events: FileEvent[]) => Promise<void>,
  ) {}

  add(events: readonly FileEvent[]): Promise<void> {
    this.buffer.push(...events);
    if (!this.pending) {
      this.firstAt = Date.now();
      const quiet = new Promise<void>((resolve) => { this.release = resolve; });
      this.pending = this.enqueue(async () => {
        await quiet;
        const batch = coalesce(this.buffer);
        this.buffer = [];
        this.pending = undefined;
        this.batches++;
        await this.apply(batch);
      });
    }
    if (this.timer) clearTimeout(this.timer);
    const release = this.release!;
    this.timer = setTimeout(release, Math.max(0, Math.min(QUIET_MS, this.firstAt + MAX_HOLD_MS - Date.now())));
    return this.pending;
  }
}
