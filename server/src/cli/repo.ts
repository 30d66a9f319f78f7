import * as nodePath from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { DiskWorkspace } from '../engine/disk-workspace';
import { readAllParallel } from '../node/parallel-read';
import { loadProject, type LoadResult } from '../engine/load';
import { isIsoDate } from '../engine/dates';
import { UsageError } from './args';
import type { CliIO } from './command';
import { CliGit } from '../git/cli-git';
import { ProjectCache } from '../cache/project-cache';
import { CHECKS } from '../checks';

/**
 * Resolves `[dir]` and `--today`, checks the folder has a soc2.yaml, and loads the project. Where the folder is
 * inside a git work tree, git history feeds the approval check; `git` is undefined otherwise.
 */
export async function openRepo(dirArg: string | undefined, todayArg: string | undefined, io: CliIO, options: { cache?: boolean; diagnosticsOnly?: boolean } = {}): Promise<LoadResult & { dir: string; today: string; git?: CliGit; cache?: ProjectCache }> {
  const today = todayArg ?? io.today();
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
  const dir = nodePath.resolve(io.cwd, dirArg ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dirArg ?? '.'} is not a folder`);
  if (!existsSync(nodePath.join(dir, 'soc2.yaml'))) throw new UsageError(`${dirArg ?? '.'} has no soc2.yaml; create one (soc2 init, or see the README) or point at the folder that has it`);
  const git = CliGit.open(dir);
  // With --cache, models and diagnostics of unchanged files come from .soc2/cache (callers save it after output).
  const cache = options.cache ? ProjectCache.open(dir, (m) => io.stderr(`soc2: note: ${m}\n`), { diagnosticsOnly: options.diagnosticsOnly }) : undefined;
  const history = cache ? cache.wrapHistory(git, git?.resolve('HEAD')) : git;
  const loaded = await loadProject(new DiskWorkspace(dir, { oneShot: true, folders: cache?.folders }), { checks: CHECKS, today, git: history }, cache ? cache.readAll : readAllParallel);
  for (const p of loaded.listProblems) io.stderr(`soc2: could not list ${p.path} (${p.reason}); skipped\n`);
  return { ...loaded, dir, today, git, cache };
}

export function formatOption(args: { values: Map<string, string> }, allowed: readonly string[]): string {
  const format = args.values.get('--format') ?? allowed[0];
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return format;
}

export function onlyDir(positional: string[]): string | undefined {
  if (positional.length > 1) throw new UsageError(`unexpected argument ${positional[1]}`);
  return positional[0];
}
