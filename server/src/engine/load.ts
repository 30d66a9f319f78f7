import { Project, type ProjectOptions } from './project';
import { CONFIG_FILE } from './parse-config';
import { decodeText, ZERO_RANGE } from './text';
import type { FileModel, ParseProblem } from './model';
import type { Workspace } from './workspace';

export interface LoadResult {
  project: Project;
  hasConfig: boolean;
  /** Folders or links that could not be listed. */
  listProblems: { path: string; reason: string }[];
}

/**
 * Builds the index of a workspace: soc2.yaml first (it says where everything else is), then every
 * policy and controls file, each read exactly once. One unreadable file never stops the rest.
 */
/** Reads and indexes a set of files; the default overlaps reads on this thread, a Node host may parse in workers. */
export type ReadAll = (ws: Workspace, project: Project, paths: readonly string[]) => Promise<void>;

export async function loadProject(ws: Workspace, options: ProjectOptions, readAll: ReadAll = readAllInto): Promise<LoadResult> {
  const project = new Project(options);
  const { files, problems: listProblems } = await ws.list();
  const hasConfig = files.includes(CONFIG_FILE);
  if (hasConfig) await readInto(ws, project, CONFIG_FILE);
  project.setEvidenceFiles(files);
  const wanted = files.filter((f) => f !== CONFIG_FILE && project.kindOf(f) !== 'other');
  await readAll(ws, project, wanted);
  return { project, hasConfig, listProblems };
}

/** How many reads may be in flight at once: enough to overlap I/O, few enough never to hit EMFILE. */
const READ_CONCURRENCY = 64;

/**
 * Reads many files with overlapping I/O, then indexes them in path order, so the index (and every list
 * derived from it) is the same whatever order the reads complete in.
 */
export async function readAllInto(ws: Workspace, project: Project, paths: readonly string[]): Promise<void> {
  const sorted = [...paths].sort();
  const fetched = await fetchAll(ws, project, sorted);
  project.indexBatch(() => { for (let i = 0; i < sorted.length; i++) applyFetched(project, sorted[i], fetched[i]); });
}

/** Reads the files, at most READ_CONCURRENCY at once (with blocking reads, one at a time); results in the given order. */
export async function fetchAll(ws: Workspace, project: Project, paths: readonly string[]): Promise<Fetched[]> {
  const out: Fetched[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      out[i] = await fetchFile(ws, paths[i], project.sizeLimit(paths[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return out;
}

/** What reading one file gave: its text, a model already parsed from it (in a worker), or why not. */
export type Fetched =
  | { kind: 'text'; text: string; invalidUtf8: boolean }
  | { kind: 'parsed'; model: FileModel; invalidUtf8: boolean }
  | { kind: 'unreadable'; code: string; message: string }
  | { kind: 'gone' };

/** Reads one file into the project, turning every way a read can fail into a diagnostic on that file. */
export async function readInto(ws: Workspace, project: Project, path: string): Promise<Set<string>> {
  return applyFetched(project, path, await fetchFile(ws, path, project.sizeLimit(path)));
}

export async function fetchFile(ws: Workspace, path: string, sizeLimit: number): Promise<Fetched> {
  let bytes: Uint8Array;
  try {
    const st = await ws.stat(path);
    if (st && st.size > sizeLimit) {
      return { kind: 'unreadable', code: 'file-too-large', message: `This file is ${st.size.toLocaleString('en-US')} bytes, over the limit of ${sizeLimit.toLocaleString('en-US')} (limits.max_file_bytes in soc2.yaml); it was not checked.` };
    }
    bytes = await ws.read(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'gone' }; // deleted between listing and reading
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    return { kind: 'unreadable', code: 'file-unreadable', message: `This file could not be read (${why}).` };
  }
  const { text, invalidUtf8, binary } = decodeText(bytes);
  if (binary) return { kind: 'unreadable', code: 'file-unreadable', message: 'This file holds binary data, not text; it was not checked.' };
  return { kind: 'text', text, invalidUtf8 };
}

export function applyFetched(project: Project, path: string, f: Fetched): Set<string> {
  if (f.kind === 'gone') return project.removeFile(path);
  if (f.kind === 'unreadable') return project.setUnreadable(path, f.code, f.message).affected;
  const extra: ParseProblem[] = f.invalidUtf8
    ? [{ code: 'encoding', range: ZERO_RANGE, message: 'This file is not valid UTF-8; unreadable bytes were replaced before checking. Re-save it as UTF-8.' }]
    : [];
  if (f.kind === 'parsed') {
    f.model.problems.unshift(...extra);
    return project.setParsed(f.model).affected;
  }
  return project.setFile(path, f.text, 0, extra).affected;
}
