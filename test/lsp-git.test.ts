/**
 * The language server and git: `policy-changed-since-approval` in the editor. A trusted workspace reads the
 * history with the same git reader as the CLI; an untrusted one never starts a process. Every server here
 * runs with a `git` on its PATH that records each call and then runs the real git, so "never" is observed,
 * not assumed. Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lsp-client';
import { baseRepo, edit, TODAY } from './helpers';
import { commitFiles, initRepo, removeDir, tempDir, writeFiles } from './git-helpers';

const POLICY = 'policies/access.md';
const approved = (files: Record<string, string>) => edit(files, POLICY, 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: ceo@example.com\napproved_on: 2026-01-15\n');
const RESTRICTED = 'soc2: restricted mode (untrusted workspace): git is never run, so git-based checks (policy-changed-since-approval) are off. Trust the workspace to turn them on.';
const changed = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'policy-changed-since-approval');
const message = (sha: string, date: string) =>
  `The text of policy POL-AC changed after its approval on 2026-01-15 (commit ${sha.slice(0, 12)} on ${date}); to an auditor it is unapproved until ceo@example.com approves the current text and \`approved_on\` is updated.`;
const skip = process.platform === 'win32' ? 'the recording git is a shell script' : false;

/** A folder with a `git` that appends its arguments to `calls` and runs the real one. */
function recordingGit(): { bin: string; calls: string; env: NodeJS.ProcessEnv; count(): number } {
  const bin = tempDir('soc2-fake-git-');
  const calls = join(bin, 'calls.log');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return {
    bin, calls,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    count: () => (existsSync(calls) ? readFileSync(calls, 'utf8').split('\n').filter(Boolean).length : 0),
  };
}

/** A repo whose policy was approved on 2026-01-15 and whose body was committed again on 2026-03-05. */
function changedRepo(dir: string): { sha: string } {
  initRepo(dir);
  const v1 = approved(baseRepo());
  commitFiles(dir, v1, '2026-01-10', 'approved text');
  const sha = commitFiles(dir, edit(v1, POLICY, 'Access is reviewed quarterly', 'Access is reviewed every quarter'), '2026-03-05', 'reword the body');
  return { sha };
}

describe('git in the language server', { skip }, () => {
  let fake: ReturnType<typeof recordingGit>;
  const dirs: string[] = [];
  const folder = () => { const d = tempDir('soc2-lsp-git-'); dirs.push(d); return d; };
  before(() => { fake = recordingGit(); dirs.push(fake.bin); });
  after(() => { for (const d of dirs) removeDir(d); });

  test('trusted: the approval trail is checked with git, as in the CLI', async () => {
    const dir = folder();
    const { sha } = changedRepo(dir);
    const client = await LspClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0, trusted: true }, env: fake.env });
    try {
      await client.indexed;
      const uri = pathToFileURL(join(dir, POLICY)).href;
      const ds = changed(await client.waitForDiagnostics(uri, (d) => changed(d).length > 0));
      assert.deepEqual(ds.map((d) => ({ range: d.range, severity: d.severity, message: d.message, source: d.source })), [{
        range: { start: { line: 5, character: 13 }, end: { line: 5, character: 23 } }, severity: 2, message: message(sha, '2026-03-05'), source: 'soc2',
      }]);
      assert.ok(fake.count() > 0, 'git was run');
      assert.deepEqual(client.logs.filter((l) => l.includes('restricted mode') || l.includes('git repository')), []);
    } finally {
      await client.stop();
    }
  });

  test('untrusted: no process is ever started, the check is off, and the output channel says so once', async () => {
    const dir = folder();
    changedRepo(dir);
    const before = fake.count();
    const client = await LspClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0, trusted: false }, env: fake.env });
    try {
      await client.indexed;
      const uri = pathToFileURL(join(dir, POLICY)).href;
      // A commit seen by the file watcher does not start git either.
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [
        { uri: pathToFileURL(join(dir, '.git', 'logs', 'HEAD')).href, type: FileChangeType.Changed },
        { uri: pathToFileURL(join(dir, '.git', 'refs', 'heads', 'main')).href, type: FileChangeType.Changed },
      ] });
      await new Promise((r) => setTimeout(r, 400)); // past the history debounce
      client.open(uri, readFileSync(join(dir, POLICY), 'utf8'));
      // A request answered means every earlier notification was handled.
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 5 } });
      assert.deepEqual(changed(client.diagnostics.get(uri) ?? []), []);
      assert.equal(fake.count(), before, 'git was never run');
      assert.deepEqual(client.logs.filter((l) => l.includes('restricted mode')), [RESTRICTED]);
    } finally {
      await client.stop();
    }
  });

  test('trusted: a commit seen by the file watcher brings the finding; outside git, the output channel says the check is off', async () => {
    const dir = folder(), plain = folder();
    initRepo(dir);
    const v1 = approved(baseRepo());
    commitFiles(dir, v1, '2026-01-10', 'approved text');
    writeFiles(plain, approved(baseRepo()));
    const client = await LspClient.start({ folders: [dir, plain], initializationOptions: { today: TODAY, debounceMs: 0, trusted: true }, env: fake.env });
    try {
      await client.indexed;
      const uri = pathToFileURL(join(dir, POLICY)).href;
      assert.deepEqual(changed(client.diagnostics.get(uri) ?? []), []);
      const sha = commitFiles(dir, edit(v1, POLICY, 'quarterly by', 'monthly by'), '2026-03-05', 'reword the body');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [
        { uri, type: FileChangeType.Changed },
        { uri: pathToFileURL(join(dir, '.git', 'index')).href, type: FileChangeType.Changed },
        { uri: pathToFileURL(join(dir, '.git', 'logs', 'HEAD')).href, type: FileChangeType.Changed },
        { uri: pathToFileURL(join(dir, '.git', 'refs', 'heads', 'main')).href, type: FileChangeType.Changed },
      ] });
      const ds = changed(await client.waitForDiagnostics(uri, (d) => changed(d).length > 0));
      assert.deepEqual(ds.map((d) => d.message), [message(sha, '2026-03-05')]);
      assert.deepEqual(client.logs.filter((l) => l.includes('git repository')), [
        `soc2: ${plain} is not in a git repository (or git is not installed), so policy-changed-since-approval is off there.`,
      ]);
      assert.deepEqual(changed(client.diagnostics.get(pathToFileURL(join(plain, POLICY)).href) ?? []), []);
    } finally {
      await client.stop();
    }
  });
});
