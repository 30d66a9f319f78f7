import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as nodePath from 'node:path';
import { DiskWorkspace } from '../engine/disk-workspace';
import { applyFetched, readAllInto, type Fetched, type ReadAll } from '../engine/load';
import { runParseJob, type ParseJob } from './parse-job';

export type { ParseJob } from './parse-job';
/** A worker's answer: the job's results as JSON text (see parse-worker.ts for why not objects). */
export interface ParseReply { id: number; results: string }

/** Below this many files, starting a worker costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;
const BATCH = 32;
/** Jobs handed to each worker ahead of time: this thread feeds them only between its own jobs. */
const IN_FLIGHT = 2;

/** The bundled worker script, beside the running bundle (dist/cli.js, dist/server.js). */
function workerScript(): string | undefined {
  const p = nodePath.join(__dirname, 'parse-worker.js');
  return existsSync(p) ? p : undefined;
}

/**
 * Worker count: SOC2_WORKERS when set (0 turns workers off). By default workers start only with 4+ cores (one
 * fewer than the cores, at most 4, since this thread parses too). On 2 cores one worker gains nothing since
 * YAML is read by the fast path: scale-1 full check, five alternated runs each, median 2,336 ms with a worker
 * and 2,320 ms without, for 15 % more CPU (the models' transfer and the worker's own start and JIT eat the gain).
 */
export function workerCount(): number {
  const env = process.env.SOC2_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 4) : 0;
}

/**
 * Reads and parses files in worker threads and on this thread at once, then indexes the models on this thread
 * in path order, exactly as readAllInto would. Falls back to readAllInto for small sets, non-disk workspaces,
 * or when no worker script is bundled (tests run from sources).
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
  // Loaded here, not at start-up: a repo under the file threshold, or a machine under 4 cores, starts no worker.
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const workers = Array.from({ length: Math.min(count, jobs.length) }, () => new Worker(script));
  try {
    const workersDone = Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      let pending = 0;
      const feed = () => {
        while (pending < IN_FLIGHT && next < jobs.length) { w.postMessage(jobs[next++]); pending++; }
        if (pending === 0) resolve();
      };
      w.on('message', (reply: ParseReply) => { replies[reply.id] = JSON.parse(reply.results) as Fetched[]; pending--; feed(); });
      w.on('error', reject);
      w.on('exit', (code) => { if (code !== 0) reject(new Error(`parse worker exited with code ${code}`)); });
      feed();
    })));
    // This thread takes jobs too, yielding between them so the workers' replies are received and they are fed.
    while (next < jobs.length) {
      const job = jobs[next++];
      replies[job.id] = await runParseJob(ws, job);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workersDone;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  project.indexBatch(() => {
    for (let j = 0; j < jobs.length; j++) jobs[j].files.forEach((f, k) => applyFetched(project, f.path, replies[j][k]));
  });
};
