// The Neovim suite of `npm run test:e2e`: Debian's Neovim 0.7.2 (installed by setup.mjs) runs
// test/e2e/neovim/suite.lua headless against dist/server.js on a copy of test/fixtures/lsp, and this
// file checks what it recorded: diagnostics of unopened files equal `soc2 check`, hover, definition,
// a quick fix and a rename applied by Neovim's own API, no file watcher registered with a client that
// cannot take one, and a change on disk seen by the server's own watcher.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { REPO } from './lib.mjs';

export const NVIM = process.env.SOC2_E2E_NVIM || '/usr/bin/nvim';
const TODAY = '2026-07-15';

/** Runs the suite; calls record(title, state, extra) once per test. */
export function runNeovimSuite(record) {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-nvim-'));
  const root = join(dir, 'lsp');
  cpSync(join(REPO, 'test', 'fixtures', 'lsp'), root, { recursive: true });
  const out = join(dir, 'record.json');
  try {
    const cli = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'check', root, '--today', TODAY, '--format', 'json'], { encoding: 'utf8' });
    const expected = JSON.parse(cli.stdout).diagnostics;
    const t0 = Date.now();
    const nvim = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-c', `luafile ${join(REPO, 'test', 'e2e', 'neovim', 'suite.lua')}`], {
      encoding: 'utf8', timeout: 90_000, cwd: root,
      env: { ...process.env, SOC2_NVIM_ROOT: root, SOC2_NVIM_SERVER: join(REPO, 'dist', 'server.js'), SOC2_NVIM_OUT: out, SOC2_NVIM_TODAY: TODAY },
    });
    let rec;
    try { rec = JSON.parse(readFileSync(out, 'utf8')); } catch {
      record('Neovim ran the suite', 'failed', { error: `no record written (exit ${nvim.status}, signal ${nvim.signal}): ${nvim.stderr || nvim.stdout}` });
      return;
    }
    const ms = Date.now() - t0;
    const test = (title, fn) => {
      try { fn(); record(title, 'passed', { ms }); } catch (err) { record(title, 'failed', { error: err.message }); }
    };
    const must = (cond, msg) => { if (!cond) throw new Error(msg); };
    test('Neovim ran the suite without a Lua error', () => must(!rec.error, rec.error));
    const uri = (rel) => pathToFileURL(join(root, rel)).href;
    // What was published once indexing ended, before any edit, for every file but the one opened.
    test('diagnostics of unopened files equal soc2 check (every code, position and message)', () => {
      const files = new Set([...expected.map((d) => d.file), ...Object.keys(rec.initial ?? {}).map((u) => u.slice(pathToFileURL(root).href.length + 1))]);
      files.delete('policies/access.md');
      must(files.size >= 5, `only ${files.size} files compared`);
      for (const rel of files) {
        const want = expected.filter((d) => d.file === rel).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).sort();
        const got = (rec.initial[uri(rel)] ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort();
        must(JSON.stringify(want) === JSON.stringify(got), `${rel}: soc2 check says ${JSON.stringify(want)}, Neovim got ${JSON.stringify(got)}`);
      }
    });
    test('hover on a control id in a policy', () => {
      const value = rec.steps.hover?.contents?.value ?? '';
      must(/AC-02/.test(value) && /Quarterly access review/.test(value), `hover was ${JSON.stringify(rec.steps.hover)}`);
    });
    test('go to definition of a control id', () => {
      const d = [].concat(rec.steps.definition ?? [])[0];
      must(d && d.uri === uri('controls/access.yaml') && d.range.start.line === 14, `definition was ${JSON.stringify(rec.steps.definition)}`);
    });
    test('a quick fix applied through Neovim\'s own API', () => {
      must(rec.steps.quickfix?.title === `Mark as reviewed today (last_reviewed: ${TODAY})`, `action was ${JSON.stringify(rec.steps.quickfix)}`);
      must(rec.steps.quickfix.line.includes(`last_reviewed: ${TODAY}   # more than a year ago`), `line after the fix: ${rec.steps.quickfix.line}`);
    });
    test('rename a control id across the repo, written by Neovim', () => {
      must(rec.steps.rename === 'applied', `rename: ${JSON.stringify(rec.steps.rename)}`);
      const controls = readFileSync(join(root, 'controls', 'access.yaml'), 'utf8');
      const policy = readFileSync(join(root, 'policies', 'access.md'), 'utf8');
      const risks = readFileSync(join(root, 'risks', 'register.yaml'), 'utf8');
      must(controls.includes('id: AC-33') && !/AC-03\b/.test(controls), 'controls/access.yaml not renamed');
      must(policy.includes('AC-33, AC-04') && policy.includes('(AC-33)') && !/AC-03\b/.test(policy), 'policies/access.md not renamed');
      must(risks.includes('[AC-01, AC-33]'), 'risks/register.yaml not renamed');
    });
    test('no file watcher is registered with a client that cannot take one, and a change on disk is seen', () => {
      must(!rec.client_dynamic_watch, 'this Neovim declares dynamic file watching: the test no longer covers the server-side watcher');
      must(!rec.registrations.includes('workspace/didChangeWatchedFiles'), `registered: ${rec.registrations}`);
      must(rec.steps.watched === true, 'missing-review-date stayed after last_reviewed was written to controls/continuity.yaml on disk');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = [];
  runNeovimSuite((title, state, extra = {}) => results.push({ title, state, ...extra }));
  for (const r of results) process.stdout.write(`${r.state === 'passed' ? '✓' : '✗'} ${r.title}${r.error ? `\n    ${r.error}` : ''}\n`);
  const failed = results.filter((r) => r.state !== 'passed').length;
  process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
  process.exitCode = failed ? 1 : 0;
}
