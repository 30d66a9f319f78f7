/**
 * Benchmark of policy-changed-since-approval in a git repository (issue 20, bug 11): a generated repo of
 * N policies, each with `approved_on`, committed at approval and again later (a tenth of them with a body
 * change). Measures the full check without git, with git as shipped (one `git log` for every policy, one
 * `git cat-file`), and with the former one-history-per-policy way, and counts the git processes of each.
 *
 *   node --import tsx bench/git-approvals.ts [--policies 300] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../server/src/engine/load';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { CliGit, gitCalls } from '../server/src/git/cli-git';
import type { GitHistory } from '../server/src/engine/git-history';
import { CHECKS } from '../server/src/checks';

const argv = process.argv.slice(2);
const value = (name: string, dflt: number) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : dflt; };
const POLICIES = value('--policies', 300);
const RUNS = value('--runs', 3);
const TODAY = '2026-07-15';

function git(dir: string, date: string, ...args: string[]): void {
  const stamp = `${date}T12:00:00Z`;
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp, TZ: 'UTC' },
  });
}

function policy(i: number, body: string): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `---\nid: POL-${i}\ntitle: Policy ${i}\nowner: owner${i % 17}@example.com\napprover: ceo@example.com\napproved_on: 2026-02-${day}\nlast_reviewed: 2026-02-${day}\ncriteria: [CC1.1]\n---\n\n# Policy ${i}\n\n## Policy statements\n\n${body}\n`;
}

function makeRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soc2-bench-git-'));
  mkdirSync(path.join(dir, 'policies'));
  writeFileSync(path.join(dir, 'soc2.yaml'), 'organization: Bench Co\nreport:\n  type: 1\nscope:\n  categories: [security]\n');
  for (let i = 0; i < POLICIES; i++) writeFileSync(path.join(dir, 'policies', `p${i}.md`), policy(i, `Statement ${i} as approved.`));
  git(dir, '2026-01-10', 'init', '-q');
  git(dir, '2026-01-10', 'add', '-A');
  git(dir, '2026-01-10', 'commit', '-q', '-m', 'approved texts');
  // Later commits: review dates for all (metadata only), then a body change in every tenth policy.
  for (let i = 0; i < POLICIES; i++) writeFileSync(path.join(dir, 'policies', `p${i}.md`), policy(i, `Statement ${i} as approved.`).replace(/last_reviewed: \S+/, 'last_reviewed: 2026-04-01'));
  git(dir, '2026-04-01', 'commit', '-q', '-a', '-m', 'reviewed');
  for (let i = 0; i < POLICIES; i += 10) writeFileSync(path.join(dir, 'policies', `p${i}.md`), policy(i, `Statement ${i}, reworded.`).replace(/last_reviewed: \S+/, 'last_reviewed: 2026-04-01'));
  git(dir, '2026-05-01', 'commit', '-q', '-a', '-m', 'reworded');
  return dir;
}

/** The former way: each policy's own `git log --follow` and cat-file, asked one at a time. */
function onePerPolicy(dir: string): GitHistory {
  const g = CliGit.open(dir)!;
  return { bodyChangedSince: (file, date) => g.bodyChangedSince(file, date) };
}

async function measure(dir: string, git: () => GitHistory | undefined): Promise<{ ms: number; gitProcesses: number; findings: number }> {
  const calls = gitCalls.count;
  const t0 = performance.now();
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY, git: git() });
  const findings = project.allDiagnostics().filter((d) => d.code === 'policy-changed-since-approval').length;
  return { ms: performance.now() - t0, gitProcesses: gitCalls.count - calls, findings };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = makeRepo();
  try {
    const ways: [string, () => GitHistory | undefined][] = [['no git', () => undefined], ['git, one log for all', () => CliGit.open(dir)], ['git, one history per policy (before)', () => onePerPolicy(dir)]];
    const results: Record<string, { ms: number; gitProcesses: number; findings: number }> = {};
    for (const [name, git] of ways) {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await measure(dir, git));
      results[name] = { ms: Math.round(median(runs.map((x) => x.ms))), gitProcesses: runs[0].gitProcesses, findings: runs[0].findings };
    }
    console.log(`${POLICIES} policies with approved_on in a git repository (median of ${RUNS}):`);
    for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(40)} ${String(r.ms).padStart(6)} ms  ${String(r.gitProcesses).padStart(4)} git processes  ${r.findings} findings`);
    console.log(`BENCH_GIT_JSON ${JSON.stringify({ policies: POLICIES, runs: RUNS, results })}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
