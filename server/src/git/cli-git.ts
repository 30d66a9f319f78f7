import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { bodyChangeAfter, policyBody, type ApprovalQuery, type BodyChange, type GitHistory, type Version } from '../engine/git-history';
import { addDays, parseIsoDate, toIso } from '../engine/dates';

/** Loaded on first use, not at start-up: outside a git repository git is never started (each builtin costs a few ms to load). */
const childProcess = () => require('node:child_process') as typeof import('node:child_process');

/** Every git call gives up after this long: a huge or broken repository must not hang a CI job or the editor. */
const GIT_TIMEOUT_MS = 5000;

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
      // One process for both answers (each spawn costs a start-up's worth): `true`, then the prefix line.
      const [inside, prefix = ''] = run(dir, ['rev-parse', '--is-inside-work-tree', '--show-prefix']).toString('utf8').split('\n');
      if (inside.trim() !== 'true') return undefined;
      return new CliGit(dir, prefix.trim());
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

  /**
   * Every policy at once: one `git log --name-only` over all their paths since the oldest approval, then one
   * `git cat-file --batch` for the texts. A file whose approved text that cannot give (renamed or added after its
   * approval) falls back to its own history, which follows renames.
   */
  bodiesChangedSince(queries: readonly ApprovalQuery[]): (BodyChange | undefined)[] {
    try {
      const args = this.logArgs(queries);
      const plan = this.logPlan(queries, args ? run(this.dir, args).toString('utf8') : '');
      return plan.finish(this.catFiles(plan.specs), (q) => this.bodyChangedSince(q.file, q.date));
    } catch {
      return queries.map(() => undefined);
    }
  }

  /** As bodiesChangedSince, with git running while the caller's thread goes on (the language server's). */
  async bodiesChangedSinceAsync(queries: readonly ApprovalQuery[]): Promise<(BodyChange | undefined)[]> {
    try {
      const args = this.logArgs(queries);
      const plan = this.logPlan(queries, args ? (await runAsync(this.dir, args)).toString('utf8') : '');
      const blobs = plan.specs.length ? parseBatch(await runAsync(this.dir, ['cat-file', '--batch'], batchInput(plan.specs)), plan.specs.length) : [];
      // A fallback (a rename after approval) still reads one file's history synchronously; those are rare.
      return plan.finish(blobs, (q) => this.bodyChangedSince(q.file, q.date));
    } catch {
      return queries.map(() => undefined);
    }
  }

  /**
   * Reads the one log of every queried file and says which blobs decide each answer: the approved text (the
   * parent of the first commit after the approval) and each later version.
   */
  /** The one `git log` over every queried file since the oldest approval; undefined when there is nothing to ask. */
  private logArgs(queries: readonly ApprovalQuery[]): string[] | undefined {
    const dates = queries.map((q) => q.date).filter((d) => parseIsoDate(d)).sort();
    if (!dates.length) return undefined;
    // A day early: --since reads the local clock, %cs the committer's; the filter in logPlan is exact.
    const since = toIso(addDays(parseIsoDate(dates[0])!, -1));
    const files = [...new Set(queries.map((q) => q.file))];
    return ['-c', 'core.quotepath=off', 'log', ...(this.rev ? [this.rev] : []), `--since=${since}`, '--format=%x1e%H%x09%cs', '--name-only', '--', ...files];
  }

  private logPlan(queries: readonly ApprovalQuery[], log: string): { specs: string[]; finish: (blobs: readonly (Buffer | undefined)[], fallback: (q: ApprovalQuery) => BodyChange | undefined) => (BodyChange | undefined)[] } {
    const commitsOf = new Map<string, { commit: string; date: string }[]>();
    const wanted = new Set(queries.map((q) => this.prefix + q.file));
    for (const chunk of log.split('\x1e')) {
      const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
      if (!lines.length) continue;
      const [commit, date] = lines[0].split('\t');
      if (!/^[0-9a-f]{40,64}$/.test(commit) || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) continue;
      for (const path of lines.slice(1)) {
        if (!wanted.has(path)) continue;
        const file = path.slice(this.prefix.length);
        (commitsOf.get(file) ?? commitsOf.set(file, []).get(file)!).push({ commit, date });
      }
    }
    const specs: string[] = [];
    const jobs = queries.map((q) => {
      // Newest first in the log; oldest first here, so the finding names the first commit that left the approved text.
      const later = (commitsOf.get(q.file) ?? []).filter((c) => c.date > q.date).reverse();
      if (!later.length) return { later, base: -1 };
      const base = specs.push(`${later[0].commit}^:${this.prefix}${q.file}`) - 1;
      for (const c of later) specs.push(`${c.commit}:${this.prefix}${q.file}`);
      return { later, base };
    });
    const finish = (blobs: readonly (Buffer | undefined)[], fallback: (q: ApprovalQuery) => BodyChange | undefined) => queries.map((q, i): BodyChange | undefined => {
      const { later, base } = jobs[i];
      if (!later.length) return { changed: false };
      const approved = blobs[base];
      if (!approved) return fallback(q);
      const text = policyBody(approved.toString('utf8'));
      for (let k = 0; k < later.length; k++) {
        const blob = blobs[base + 1 + k];
        if (blob && policyBody(blob.toString('utf8')) !== text) return { changed: true, commit: later[k].commit, date: later[k].date };
      }
      return { changed: false };
    });
    return { specs, finish };
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
    return parseBatch(run(this.dir, ['cat-file', '--batch'], batchInput(specs)), specs.length);
  }
}

/** Splits `git cat-file --batch` output into one blob per request (undefined for missing ones and non-blobs). */
/** Names with a newline cannot travel through --batch; they are read as missing. */
function batchInput(specs: readonly string[]): string {
  return specs.map((s) => (/[\n\r]/.test(s) ? `${'0'.repeat(40)}:missing` : s)).join('\n') + '\n';
}

function parseBatch(out: Buffer, count: number): (Buffer | undefined)[] {
  const blobs: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = out.subarray(at, nl).toString('utf8');
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) { blobs.push(undefined); at = nl + 1; continue; } // "<spec> missing" or ambiguous
    const size = Number(m[2]);
    blobs.push(m[1] === 'blob' ? out.subarray(nl + 1, nl + 1 + size) : undefined);
    at = nl + 1 + size + 1;
  }
  while (blobs.length < count) blobs.push(undefined);
  return blobs;
}

/** Whether `dir` or a folder above it holds `.git` (a folder, or a file in worktrees and submodules). */
function hasGitAbove(dir: string): boolean {
  for (let d = nodePath.resolve(dir); ; d = nodePath.dirname(d)) {
    if (existsSync(nodePath.join(d, '.git'))) return true;
    if (nodePath.dirname(d) === d) return false;
  }
}

/** How many git processes this module started; tests assert that policies are not asked one by one. */
export const gitCalls = { count: 0 };

const OPTIONS = {
  timeout: GIT_TIMEOUT_MS,
  maxBuffer: 256 * 1024 * 1024,
  // Literal pathspecs: a policy named `:(glob)*.md` is a file name, not pathspec magic.
  env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C' },
  windowsHide: true,
};
const PREFIX = ['-c', 'core.fsmonitor=false', '--no-pager'];

function run(dir: string, args: string[], input?: string): Buffer {
  gitCalls.count++;
  return childProcess().execFileSync('git', ['-C', dir, ...PREFIX, ...args], { ...OPTIONS, input, stdio: ['pipe', 'pipe', 'ignore'] });
}

function runAsync(dir: string, args: string[], input?: string): Promise<Buffer> {
  gitCalls.count++;
  return new Promise((resolve, reject) => {
    const child = childProcess().execFile('git', ['-C', dir, ...PREFIX, ...args], { ...OPTIONS, encoding: 'buffer' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    // git may exit before reading its input (a bad ref, a fake git in tests): that EPIPE must not kill the server.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}
