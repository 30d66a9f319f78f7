import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiskWorkspace } from '../engine/disk-workspace';
import { Project } from '../engine/project';
import { CONFIG_FILE } from '../engine/parse-config';
import { SKIPPED_FOLDERS } from '../engine/workspace';
import type { GitHistory } from '../engine/git-history';
import type { ProjectCache } from '../cache/project-cache';
import { CHECKS } from '../checks';

/** One compliance root: a folder holding soc2.yaml, with its own index. */
export class ComplianceRoot {
  readonly uri: string;
  readonly workspace: DiskWorkspace;
  project: Project;
  /** True once every file has been read. */
  ready = false;
  /** The persistent cache the index was read with, when on (see server/src/cache). */
  cache?: ProjectCache;
  /** True until the root's git history is looked up (after its open documents are published; see indexing.ts). */
  gitPending = false;
  /** What was last published per file, so unchanged diagnostics are not sent again. */
  readonly published = new Map<string, string>();
  /** `git`: the folder's version history, only in a trusted workspace inside a repository; absent turns git checks off. */
  constructor(readonly path: string, today: string, git?: GitHistory) {
    this.uri = pathToFileURL(path).href;
    this.workspace = new DiskWorkspace(path);
    this.project = new Project({ checks: CHECKS, today, git });
  }
  get name(): string { return this.project.config.organization ?? nodePath.basename(this.path); }
  /** Workspace-relative path of a file URI inside this root, or undefined. */
  relative(uri: string): string | undefined {
    const abs = uriToPath(uri);
    if (!abs) return undefined;
    const rel = nodePath.relative(this.path, abs);
    if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
    return rel.split(nodePath.sep).join('/');
  }
  uriOf(rel: string): string { return pathToFileURL(nodePath.join(this.path, rel)).href; }
}

export function uriToPath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

/** Finds folders with a soc2.yaml under a workspace folder, a few levels deep, skipping tool folders. */
export async function findRoots(folder: string, maxDepth = 4): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
    // A compliance root is a leaf: not descending into it spares walking its (large) evidence tree
    // before the first diagnostics can be published.
    if (entries.some((e) => e.isFile() && e.name === CONFIG_FILE)) { found.push(dir); return; }
    if (depth >= maxDepth) return;
    for (const e of entries) {
      if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) await walk(nodePath.join(dir, e.name), depth + 1);
    }
  };
  await walk(folder, 0);
  return found.sort();
}

/**
 * The root findRoots would find for a file under `folder`, found by walking up instead of listing: the
 * shallowest folder on the file's path holding soc2.yaml, no deeper than `maxDepth`, and not inside a
 * folder the walk skips. A few file checks, so an opened document's root is known before the walk ends.
 */
export async function rootAbove(folder: string, file: string, maxDepth = 4): Promise<string | undefined> {
  const rel = nodePath.relative(folder, nodePath.dirname(file));
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
  const parts = rel ? rel.split(nodePath.sep) : [];
  let dir = folder;
  for (let depth = 0; ; depth++) {
    try { if ((await fs.stat(nodePath.join(dir, CONFIG_FILE))).isFile()) return dir; } catch { /* not here */ }
    const next = parts[depth];
    if (depth >= maxDepth || next === undefined || SKIPPED_FOLDERS.has(next) || next.startsWith('.')) return undefined;
    dir = nodePath.join(dir, next);
  }
}

/** The deepest root that holds the URI. */
export function rootFor(roots: Iterable<ComplianceRoot>, uri: string): { root: ComplianceRoot; path: string } | undefined {
  let best: { root: ComplianceRoot; path: string } | undefined;
  for (const root of roots) {
    const rel = root.relative(uri);
    if (rel !== undefined && (!best || root.path.length > best.root.path.length)) best = { root, path: rel };
  }
  return best;
}
