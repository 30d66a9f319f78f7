import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs git in a test repository with a fixed identity, so tests never depend on the machine's config. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

export function tempDir(prefix = 'soc2-test-'): string { return mkdtempSync(join(tmpdir(), prefix)); }
export function removeDir(dir: string): void { rmSync(dir, { recursive: true, force: true }); }

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
}

/** Writes the files and commits them with author and committer dated `date` (YYYY-MM-DD, noon UTC). */
export function commitFiles(dir: string, files: Record<string, string>, date: string, message = `change on ${date}`): string {
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  const stamp = `${date}T12:00:00Z`;
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp, TZ: 'UTC' },
  });
  return git(dir, 'rev-parse', 'HEAD').trim();
}

export function initRepo(dir: string): void { git(dir, 'init', '-q'); }

/**
 * Whether the temp folder's file system keeps timestamps finer than a second. Tests that change a file and
 * look at its stat again at once (with the cache's racy margin set to 0) need it; on a coarse file system the
 * cache's 2 s racy rule covers what they skip.
 */
export function fineTimestamps(): boolean {
  const dir = tempDir('soc2-timestamps-');
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) { const f = join(dir, `t${i}`); writeFileSync(f, 'x'); times.push(statSync(f).mtimeMs, statSync(f).ctimeMs); }
    return times.some((t) => t % 1000 !== 0);
  } finally {
    removeDir(dir);
  }
}
