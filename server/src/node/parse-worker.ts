import { parentPort } from 'node:worker_threads';
import { DiskWorkspace } from '../engine/disk-workspace';
import { fetchFile, type Fetched } from '../engine/load';
import { parseFileModel } from '../engine/parse-file';
import type { ParseJob, ParseReply } from './parallel-read';

/**
 * A parse worker: reads and parses the files it is given and sends back the models. It only reads; the
 * main thread owns the index. One workspace per root it is asked about.
 */
const workspaces = new Map<string, DiskWorkspace>();

parentPort?.on('message', async (job: ParseJob) => {
  let ws = workspaces.get(job.root);
  if (!ws) { ws = new DiskWorkspace(job.root); workspaces.set(job.root, ws); }
  const results: Fetched[] = [];
  for (const f of job.files) {
    const fetched = await fetchFile(ws, f.path, f.sizeLimit);
    results.push(fetched.kind === 'text'
      ? { kind: 'parsed', model: parseFileModel(f.path, f.kind, fetched.text, 0, {}, f.sizeLimit), invalidUtf8: fetched.invalidUtf8 }
      : fetched);
  }
  const reply: ParseReply = { id: job.id, results };
  parentPort!.postMessage(reply);
});
