import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { bodyChangeAfter, type BodyChange, type GitHistory, type Version } from '../engine/git-history';

/** Every git call gives up after this long: a huge or broken repository must not hang a CI job or the editor. */
export const GIT_TIMEOUT_MS = 5000;

/**
 * Reads a repository with the `git` executable. Only read commands, always as an argument array (never a
 * shell), with settings that keep a cloned repository's own config from running anything (fsmonitor,
 * pagers, prompts). Instances exist only for folders `git rev-parse` says are inside a work tree.
 * Shared by the CLI and the language server (which creates one only in a trusted workspace); it knows
 * nothing of either.
 */
export class CliGit implements GitHistory {
  private readonly versions = new Map<string, Version[]>();

  private constructor(
    readonly dir: string,
    /** The folder's path inside the repository (`examples/acme/`), or ''. */ readonly prefix: string,
    /** History is read from this commit back; HEAD when undefined. */ readonly rev?: string,
  ) {}

  /** The same repository, with history read as of a past commit (for `--base`). */
  at(commit: string): CliGit { return new CliGit(this.dir, this.prefix, commit); }

  /** The repository around `dir`, or undefined when it is not one, git is missing or refuses it. */
  static open(dir: string): CliGit | undefined {
    // Outside any checkout nothing is started at all: git is asked only where a `.git` says it has something to say.
    if (!process.env.GIT_DIR && !hasGitAbove(dir)) return undefined;
    try {
      const inside = run(dir, ['rev-parse', '--is-inside-work-tree']).toString('utf8').trim();
      if (inside !== 'true') return undefined;
      const prefix = run(dir, ['rev-parse', '--show-prefix']).toString('utf8').trim();
      return new CliGit(dir, prefix);
    } catch {
      return undefined;
    }
  }

  bodyChangedSince(file: string, isoDate: string): BodyChange | undefined {
    try {
      return bodyChangeAfter(this.history(file), isoDate);
    } catch {
      return undefined; // a timeout or an odd history turns the check off for this file, never the run
    }
  }

  /** The committed versions of a file, newest first, following renames; read once per file. */
  history(file: string): Version[] {
    const cached = this.versions.get(file);
    if (cached) return cached;
    const log = run(this.dir, ['-c', 'core.quotepath=off', 'log', ...(this.rev ? [this.rev] : []), '--follow', '--format=%x1e%H%x09%cs%x09%an%x09%s', '--name-only', '--', file]).toString('utf8');
    const entries: { commit: string; date: string; path: string; author: string; subject: string }[] = [];
    for (const chunk of log.split('\x1e')) {
      const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
      if (!lines.length) continue;
      const [commit, date, author = '', ...subject] = lines[0].split('\t');
      // The name-only line is the file's repository path at that commit (it differs before a rename).
      const path = lines[1] && !lines[1].startsWith('"') ? lines[1] : this.prefix + file;
      if (/^[0-9a-f]{40,64}$/.test(commit) && /^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) entries.push({ commit, date, path, author, subject: subject.join('\t') });
    }
    const blobs = this.catFiles(entries.map((e) => `${e.commit}:${e.path}`));
    const out = entries.flatMap((e, i) => (blobs[i] === undefined ? [] : [{ commit: e.commit, date: e.date, author: e.author, subject: e.subject, text: blobs[i]!.toString('utf8') }]));
    this.versions.set(file, out);
    return out;
  }

  /** The full commit id a ref names, or undefined when it names no commit. */
  resolve(ref: string): string | undefined {
    if (ref.startsWith('-')) return undefined; // never let a ref be read as an option
    try {
      return run(this.dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** Files under the folder at a commit, relative to the folder. */
  listAt(commit: string): string[] {
    return run(this.dir, ['ls-tree', '-r', '-z', '--name-only', commit, '--', '.']).toString('utf8').split('\0').filter(Boolean);
  }

  /** Contents of folder-relative paths at a commit, in one `git cat-file --batch` call. */
  readAt(commit: string, paths: readonly string[]): (Buffer | undefined)[] {
    return this.catFiles(paths.map((p) => `${commit}:./${p}`));
  }

  private catFiles(specs: readonly string[]): (Buffer | undefined)[] {
    if (!specs.length) return [];
    // Names with a newline cannot travel through --batch; they are read as missing.
    const safe = specs.map((s) => (/[\n\r]/.test(s) ? `${'0'.repeat(40)}:missing` : s));
    const out = run(this.dir, ['cat-file', '--batch'], safe.join('\n') + '\n');
    const blobs: (Buffer | undefined)[] = [];
    let at = 0;
    for (let i = 0; i < specs.length; i++) {
      const nl = out.indexOf(0x0a, at);
      if (nl < 0) break;
      const header = out.subarray(at, nl).toString('utf8');
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) { blobs.push(undefined); at = nl + 1; continue; } // "<spec> missing" or ambiguous
      const size = Number(m[2]);
      blobs.push(m[1] === 'blob' ? out.subarray(nl + 1, nl + 1 + size) : undefined);
      at = nl + 1 + size + 1;
    }
    while (blobs.length < specs.length) blobs.push(undefined);
    return blobs;
  }
}

/** Whether `dir` or a folder above it holds `.git` (a folder, or a file in worktrees and submodules). */
function hasGitAbove(dir: string): boolean {
  for (let d = nodePath.resolve(dir); ; d = nodePath.dirname(d)) {
    if (existsSync(nodePath.join(d, '.git'))) return true;
    if (nodePath.dirname(d) === d) return false;
  }
}

function run(dir: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-C', dir, '-c', 'core.fsmonitor=false', '--no-pager', ...args], {
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    input,
    stdio: ['pipe', 'pipe', 'ignore'],
    // Literal pathspecs: a policy named `:(glob)*.md` is a file name, not pathspec magic.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C' },
    windowsHide: true,
  });
}
