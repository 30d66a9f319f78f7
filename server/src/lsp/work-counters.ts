import type { Connection } from 'vscode-languageserver';
import { WorkCountersRequest, type WorkCountersResult } from './protocol';
import type { FileEvents } from './file-events';
import type { ServerState } from './server-state';

/** Answers `soc2/workCounters` once pending file events are applied, so counts are of settled work. */
export function registerWorkCounters(connection: Connection, state: ServerState, files: FileEvents): void {
  connection.onRequest(WorkCountersRequest, async (): Promise<WorkCountersResult> => {
    await files.settled();
    return {
      eventBatches: files.coalescer.batches,
      roots: [...state.roots.values()].map((r) => ({
        root: r.path,
        parses: Object.fromEntries(r.project.counters.parses),
        checkRuns: Object.fromEntries(r.project.counters.checkRuns),
        ...(r.cache ? { cache: { ...r.cache.stats } } : {}),
      })),
    };
  });
}
