import type { Workspace } from '../engine/workspace';
import { fetchFile, type Fetched } from '../engine/load';
import { parseFileModel } from '../engine/parse-file';
import type { FileKind } from '../engine/model';

/** A batch of files to read and parse, handed to a worker thread or done on the main thread. */
export interface ParseJob { id: number; root: string; files: { path: string; kind: FileKind; sizeLimit: number }[] }

/**
 * Reads and parses a job's files, as Project.setFile would parse them. Only reads: the main thread owns the
 * index, and indexes the results in path order whoever parsed them.
 */
export async function runParseJob(ws: Workspace, job: ParseJob): Promise<Fetched[]> {
  const results: Fetched[] = [];
  for (const f of job.files) {
    const fetched = await fetchFile(ws, f.path, f.sizeLimit);
    results.push(fetched.kind === 'text'
      ? { kind: 'parsed', model: parseFileModel(f.path, f.kind, fetched.text, 0, {}, f.sizeLimit), invalidUtf8: fetched.invalidUtf8 }
      : fetched);
  }
  return results;
}
