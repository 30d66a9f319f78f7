import { loadProject } from '../engine/load';
import { MemoryWorkspace } from '../engine/workspace';
import { computeSummary } from '../engine/summary';
import type { Snapshot } from '../engine/delta';
import type { CliGit } from '../git/cli-git';
import { CHECKS } from '../checks';

/** Only these are ever parsed; every other file (evidence) matters by name alone and is listed empty. */
const PARSED = /\.(md|ya?ml)$/i;

/**
 * The project as it was at a commit: files listed with `git ls-tree` and read with one `git cat-file --batch`
 * into a MemoryWorkspace, then checked exactly like the working tree (same today, history as of that commit).
 */
export async function snapshotAt(git: CliGit, commit: string, today: string): Promise<Snapshot & { hasConfig: boolean }> {
  const paths = git.listAt(commit);
  const parsed = paths.filter((p) => PARSED.test(p));
  const blobs = git.readAt(commit, parsed);
  const files: Record<string, Uint8Array> = {};
  for (const p of paths) files[p] = new Uint8Array(0);
  parsed.forEach((p, i) => { const b = blobs[i]; if (b) files[p] = new Uint8Array(b); else delete files[p]; });
  const { project, hasConfig } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today, git: git.at(commit) });
  const diagnostics = project.allDiagnostics();
  return { summary: computeSummary(project, diagnostics), diagnostics, hasConfig };
}
