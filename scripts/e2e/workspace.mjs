// Builds the throw-away workspaces the real-editor tests open, and the diagnostics they must show.
// The expected diagnostics come from the CLI on the very same copy (`soc2 check --format json`),
// so the editor is held to "shows exactly what `soc2 check` reports", file by file and line by line.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO } from './lib.mjs';

/** The date the checks run as of, in the CLI and (through SOC2_TODAY) in the editor. */
export const TODAY = '2026-07-15';

export const EXAMPLE = join(REPO, 'examples', 'acme-saas');
export const BROKEN = join(REPO, 'test', 'e2e', 'fixtures', 'broken');

/** The problems each repo is built to show (issue 2: one of each in the example). */
export const DELIBERATE = {
  'acme-saas': ['stale-review', 'frequency-mismatch', 'evidence-gap', 'unmapped-criterion', 'missing-owner', 'vendor-assurance-stale'],
  broken: ['yaml-syntax', 'unknown-criterion', 'unknown-reference'],
};

/** Runs the CLI and returns its JSON diagnostics (exit code 1 means "errors found", which is fine). */
function expectedDiagnostics(dir) {
  const r = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'check', dir, '--format', 'json', '--today', TODAY], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`soc2 check ${dir} exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout).diagnostics;
}

/** The readiness summary the CLI computes: the percentage and every in-scope criterion's status. */
function expectedSummary(dir) {
  const r = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'summary', dir, '--format', 'json', '--today', TODAY], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soc2 summary ${dir} exited with ${r.status}: ${r.stderr}`);
  const s = JSON.parse(r.stdout);
  return {
    readiness: s.readiness, criteria: s.criteria.filter((c) => c.status !== 'out-of-scope').map((c) => ({ id: c.id, status: c.status })),
    vendors: (s.vendors ?? []).map((v) => ({ id: v.id, problems: v.problems })),
  };
}

/**
 * Copies the given repos under `dir`, writes a multi-root `.code-workspace` and `expected.json`.
 * @param {string} dir fresh directory
 * @param {string[]} sources compliance repos to copy (folder names become workspace folder names)
 */
export async function prepareWorkspace(dir, sources) {
  mkdirSync(dir, { recursive: true });
  const roots = [];
  for (const src of sources) {
    const name = basename(src);
    const path = join(dir, name);
    cpSync(src, path, { recursive: true });
    roots.push({ name, path, deliberate: DELIBERATE[name] ?? [], diagnostics: expectedDiagnostics(path), summary: expectedSummary(path) });
  }
  const workspaceFile = join(dir, 'e2e.code-workspace');
  writeFileSync(workspaceFile, `${JSON.stringify({ folders: roots.map((r) => ({ path: r.name })), settings: {} }, null, 2)}\n`);
  const expectedFile = join(dir, 'expected.json');
  writeFileSync(expectedFile, `${JSON.stringify({ today: TODAY, roots }, null, 2)}\n`);
  return { roots, workspaceFile, expectedFile };
}
