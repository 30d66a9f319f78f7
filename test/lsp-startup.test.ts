import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rootAbove } from '../server/src/lsp/roots';
import { LspClient, TempWorkspace } from './lsp-client';

/**
 * Start-up order: a document opened while the workspace is still being walked for roots gets its
 * file-local diagnostics before any other root is read. Checked by the order of publishes, not by timing.
 */
test('a document opened at start is published before another root of the workspace is read', async () => {
  const ws = new TempWorkspace();
  // Two roots in one workspace folder; the walk finds `a` first, and reading it publishes all its files.
  ws.add('basic');
  const folder = ws.dir;
  cpSync(path.join(folder, 'basic'), path.join(folder, 'a'), { recursive: true });
  cpSync(path.join(folder, 'basic'), path.join(folder, 'b'), { recursive: true });
  rmSync(path.join(folder, 'basic'), { recursive: true });
  // A control with a file-local problem in each root, so each has something to publish.
  const broken = 'controls:\n  - id: BR-01\n    title: Broken\n    owner: bob@example.com\n    frequency: quarterly\n    status: implemented\n    criteria: [CC99.9]\n';
  for (const r of ['a', 'b']) writeFileSync(path.join(folder, r, 'controls', 'broken.yaml'), broken);
  const client = await LspClient.start({ folders: [folder], initializationOptions: { today: '2026-07-15', cache: false } });
  try {
    const opened = ws.uri('b', 'controls', 'broken.yaml');
    client.open(opened, ws.read('b', 'controls', 'broken.yaml'));
    await client.indexed;
    await client.waitForDiagnostics(opened, (d) => d.some((x) => x.code === 'unknown-criterion'));
    const log = client.publishLog;
    const fromA = log.map((u, i) => (u.startsWith(ws.uri('a') + '/') ? i : -1)).filter((i) => i >= 0);
    assert.ok(fromA.length >= 1, `root a's files were published: ${JSON.stringify(log)}`);
    assert.ok(log.indexOf(opened) < Math.min(...fromA), `the opened document comes first: ${JSON.stringify(log)}`);
    // Once everything is read, the early root holds what a root found by the walk holds.
    assert.deepEqual(
      client.diagnostics.get(opened)!.map((d) => d.code).sort(),
      client.diagnostics.get(ws.uri('a', 'controls', 'broken.yaml'))!.map((d) => d.code).sort(),
    );
  } finally {
    await client.stop();
    ws.dispose();
  }
});

test('rootAbove finds the root the workspace walk would find, by walking up from a file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'soc2-root-above-'));
  const touch = (...parts: string[]) => { mkdirSync(path.join(dir, ...parts.slice(0, -1)), { recursive: true }); writeFileSync(path.join(dir, ...parts), 'x'); };
  try {
    touch('repo', 'soc2.yaml');
    touch('repo', 'controls', 'nested', 'soc2.yaml'); // a root inside a root: the walk stops at the outer one
    touch('repo', 'controls', 'nested', 'x.yaml');
    touch('node_modules', 'pkg', 'soc2.yaml'); // the walk skips tool folders
    touch('.hidden', 'soc2.yaml');
    touch('d1', 'd2', 'd3', 'd4', 'd5', 'soc2.yaml'); // deeper than the walk goes
    touch('d1', 'd2', 'd3', 'd4', 'soc2.yaml');
    assert.equal(await rootAbove(dir, path.join(dir, 'repo', 'controls', 'nested', 'x.yaml')), path.join(dir, 'repo'));
    assert.equal(await rootAbove(dir, path.join(dir, 'repo', 'soc2.yaml')), path.join(dir, 'repo'));
    assert.equal(await rootAbove(dir, path.join(dir, 'node_modules', 'pkg', 'a.yaml')), undefined);
    assert.equal(await rootAbove(dir, path.join(dir, '.hidden', 'a.yaml')), undefined);
    assert.equal(await rootAbove(dir, path.join(dir, 'd1', 'd2', 'd3', 'd4', 'd5', 'a.yaml')), path.join(dir, 'd1', 'd2', 'd3', 'd4'));
    assert.equal(await rootAbove(path.join(dir, 'd1', 'd2', 'd3', 'd4', 'd5', 'd6'), path.join(dir, 'd1', 'd2', 'd3', 'd4', 'd5', 'a.yaml')), undefined);
    assert.equal(await rootAbove(path.join(dir, 'repo'), path.join(dir, 'other', 'a.yaml')), undefined);
    rmSync(path.join(dir, 'd1', 'd2', 'd3', 'd4', 'soc2.yaml'));
    assert.equal(await rootAbove(dir, path.join(dir, 'd1', 'd2', 'd3', 'd4', 'd5', 'a.yaml')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
