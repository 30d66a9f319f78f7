import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import { DiskWorkspace } from '../engine/disk-workspace';
import { applyFetched, readAllInto, type Fetched, type ReadAll } from '../engine/load';
import type { FileKind } from '../engine/model';

export interface ParseJob { id: number; root: string; files: { path: string; kind: FileKind; sizeLimit: number }[] }
export interface ParseReply { id: number; results: Fetched[] }

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;
const BATCH = 32;

/** The bundled worker script, beside the running bundle (dist/cli.js, dist/server.js). */
function workerScript(): string | undefined {
  const p = nodePath.join(__dirname, 'parse-worker.js');
  return existsSync(p) ? p : undefined;
}

/**
 * Worker count: SOC2_WORKERS when set (0 turns workers off). By default workers start only with 4+ cores:
 * measured on 2 cores, each worker's start-up (bundle load, schema compile, cold JIT) and copying models
 * back cost more than the parallel parse saved (full check 12.7 s with 2 workers, 9.5 s without).
 */
export function workerCount(): number {
  const env = process.env.SOC2_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 4) : 0;
}

/**
 * Reads and parses files in worker threads, then indexes the models on this thread in path order,
 * exactly as readAllInto would. Falls back to readAllInto for small sets, non-disk workspaces, or when
 * no worker script is bundled (tests run from sources).
 */
export const readAllParallel: ReadAll = async (ws, project, paths) => {
  const script = workerScript();
  const count = workerCount();
  if (!(ws instanceof DiskWorkspace) || !script || count === 0 || paths.length < MIN_FILES_FOR_WORKERS) {
    return readAllInto(ws, project, paths);
  }
  const sorted = [...paths].sort();
  const jobs: ParseJob[] = [];
  for (let i = 0; i < sorted.length; i += BATCH) {
    jobs.push({ id: jobs.length, root: ws.root, files: sorted.slice(i, i + BATCH).map((path) => ({ path, kind: project.kindOf(path), sizeLimit: project.sizeLimit(path) })) });
  }
  const replies: Fetched[][] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(count, jobs.length) }, () => new Worker(script));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= jobs.length) { resolve(); return; }
        w.postMessage(jobs[next++]);
      };
      w.on('message', (reply: ParseReply) => { replies[reply.id] = reply.results; feed(); });
      w.on('error', reject);
      w.on('exit', (code) => { if (code !== 0) reject(new Error(`parse worker exited with code ${code}`)); });
      feed();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  project.indexBatch(() => {
    for (let j = 0; j < jobs.length; j++) jobs[j].files.forEach((f, k) => applyFetched(project, f.path, replies[j][k]));
  });
};
