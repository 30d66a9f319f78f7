import { Project, type ProjectOptions } from './project';
import { CONFIG_FILE } from './parse-config';
import { decodeText } from './text';
import type { ParseProblem } from './model';
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
export async function loadProject(ws: Workspace, options: ProjectOptions): Promise<LoadResult> {
  const project = new Project(options);
  const { files, problems: listProblems } = await ws.list();
  const hasConfig = files.includes(CONFIG_FILE);
  if (hasConfig) await readInto(ws, project, CONFIG_FILE);
  project.setEvidenceFiles(files);
  const wanted = files.filter((f) => f !== CONFIG_FILE && project.kindOf(f) !== 'other');
  // Reads overlap; parsing is synchronous, so order of completion does not matter to the index.
  await Promise.all(wanted.map((f) => readInto(ws, project, f)));
  return { project, hasConfig, listProblems };
}

/** Reads one file into the project, turning every way a read can fail into a diagnostic on that file. */
export async function readInto(ws: Workspace, project: Project, path: string): Promise<Set<string>> {
  let bytes: Uint8Array;
  try {
    const st = await ws.stat(path);
    if (st && st.size > project.config.maxFileBytes) {
      return project.setUnreadable(path, 'file-too-large', `This file is ${st.size.toLocaleString('en-US')} bytes, over the limit of ${project.config.maxFileBytes.toLocaleString('en-US')} (limits.max_file_bytes in soc2.yaml); it was not checked.`).affected;
    }
    bytes = await ws.read(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return project.removeFile(path); // deleted between listing and reading
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    return project.setUnreadable(path, 'file-unreadable', `This file could not be read (${why}).`).affected;
  }
  const { text, invalidUtf8, binary } = decodeText(bytes);
  if (binary) return project.setUnreadable(path, 'file-unreadable', 'This file holds binary data, not text; it was not checked.').affected;
  const extra: ParseProblem[] = invalidUtf8
    ? [{ code: 'encoding', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'This file is not valid UTF-8; unreadable bytes were replaced before checking. Re-save it as UTF-8.' }]
    : [];
  return project.setFile(path, text, 0, extra).affected;
}
