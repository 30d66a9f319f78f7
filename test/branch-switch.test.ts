/**
 * A `git checkout` under a running language server: the checkout rewrites a large share of the benchmark's
 * 1/20 repo, and the client reports it as a burst of file-event notifications, as VS Code's watcher does.
 * The server must apply the burst as one batch (each changed file parsed once, each affected file checked
 * once: counted with soc2/workCounters, not timed) and end with exactly the diagnostics `soc2 check`
 * reports on the new tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver-protocol';
import { DEFAULT_SEED, ensureRepo } from '../bench/generate';
import { LspClient, REPO } from './lsp-client';
import { git, initRepo, removeDir, tempDir } from './git-helpers';
import { WorkCountersRequest, type WorkCountersResult } from '../server/src/lsp/protocol';

const TODAY = '2026-07-15';

interface Finding { file: string; line: number; column: number; code: string; message: string }
const key = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`;

function cliFindings(dir: string): string[] {
  const r = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'check', dir, '--today', TODAY, '--format', 'json'], { encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { diagnostics: Finding[] }).diagnostics.map(key).sort();
}

function serverFindings(client: LspClient, dir: string): string[] {
  const prefix = pathToFileURL(dir).href + '/';
  const out: string[] = [];
  for (const [uri, ds] of client.diagnostics) {
    const file = decodeURIComponent(uri.slice(prefix.length));
    for (const d of ds as Diagnostic[]) out.push(key({ file, line: d.range.start.line + 1, column: d.range.start.character + 1, code: String(d.code), message: String(d.message) }));
  }
  return out.sort();
}

test('a checkout rewriting most files is applied as one batch, each file parsed and checked once, and converges to soc2 check', async () => {
  const dir = tempDir('soc2-branch-');
  ensureRepo(0.05, DEFAULT_SEED, dir);
  initRepo(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'main');
  // The other branch: every controls file changes frequencies and a criterion, every policy a sentence,
  // two files go and one comes.
  git(dir, 'checkout', '-q', '-b', 'other');
  const tracked = git(dir, 'ls-files').trim().split('\n');
  const controls = tracked.filter((p) => p.startsWith('controls/'));
  const policies = tracked.filter((p) => p.startsWith('policies/'));
  for (const p of controls.slice(2)) {
    const f = join(dir, p);
    writeFileSync(f, readFileSync(f, 'utf8').replace(/frequency: quarterly/g, 'frequency: monthly').replace(/- CC6\.1\b/, '- CC6.9'));
  }
  for (const p of policies.slice(2)) {
    const f = join(dir, p);
    writeFileSync(f, readFileSync(f, 'utf8').replace(/\n## Exceptions\n/, '\n## Exceptions\n\nExceptions are handled as needed.\n'));
  }
  unlinkSync(join(dir, controls[0]));
  unlinkSync(join(dir, policies[0]));
  writeFileSync(join(dir, 'controls', 'zz-branch.yaml'), 'controls:\n  - id: ZZ-01\n    title: Only on the branch\n    status: planned\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'other');
  git(dir, 'checkout', '-q', 'main');

  const client = await LspClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0, cache: false } });
  try {
    await client.indexed;
    const before = await client.connection.sendRequest<WorkCountersResult>(WorkCountersRequest);
    const changed = git(dir, 'diff', '--name-status', 'main', 'other').trim().split('\n').map((l) => l.split('\t'));
    assert.ok(changed.length >= 90, `${changed.length} files change`);

    git(dir, 'checkout', '-q', 'other');
    // The watcher's burst: chunks of 25 events, each its own notification, written back to back as a
    // watcher flushing its buffer does (awaiting each write would let a loaded machine space them out).
    const events: FileEvent[] = changed.map(([status, path]) => ({ uri: pathToFileURL(join(dir, path)).href, type: status === 'D' ? FileChangeType.Deleted : status === 'A' ? FileChangeType.Created : FileChangeType.Changed }));
    const sent: Promise<void>[] = [];
    for (let i = 0; i < events.length; i += 25) sent.push(client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: events.slice(i, i + 25) }));
    await Promise.all(sent);
    // The diagnostics converge to what the command line reports on the new tree.
    const expected = cliFindings(dir);
    const deadline = Date.now() + 10_000;
    let seen = serverFindings(client, dir);
    while (seen.join('\n') !== expected.join('\n') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = serverFindings(client, dir);
    }
    assert.deepEqual(seen, expected);

    // Counted once everything is published: one batch, each changed file parsed once, no file checked twice.
    const after = await client.connection.sendRequest<WorkCountersResult>(WorkCountersRequest);
    assert.equal(after.eventBatches - before.eventBatches, 1, 'one batch for the whole checkout');

    const [b, a] = [before.roots[0], after.roots[0]];
    const delta = (m: 'parses' | 'checkRuns') => Object.entries(a[m]).map(([p, n]) => [p, n - (b[m][p] ?? 0)] as const).filter(([, d]) => d > 0);
    const parsed = delta('parses');
    const modified = changed.filter(([s]) => s !== 'D').map(([, p]) => p).filter((p) => /\.(md|ya?ml)$/.test(p)).sort();
    assert.deepEqual(parsed.map(([p]) => p).sort(), modified, 'every changed file parsed, nothing else');
    assert.ok(parsed.every(([, d]) => d === 1), 'each parsed once');
    const checked = delta('checkRuns');
    assert.ok(checked.length >= modified.length, `${checked.length} files re-checked`);
    assert.deepEqual(checked.filter(([, d]) => d > 1), [], 'no file checked more than once');
  } finally {
    await client.stop();
    removeDir(dir);
  }
});
