import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generate } from '../bench/generate';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');

/** Parsing in worker threads must change nothing: same findings, same order, same summary. */
test('the CLI gives byte-identical results with and without parse workers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'soc2-parallel-'));
  try {
    const expected = generate({ scale: 0.2, outDir: dir }); // 200 policies + 200 control files: above the worker threshold
    const run = (workers: string, ...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args, dir, '--today', expected.today, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, SOC2_WORKERS: workers } });
      assert.equal(r.stderr, '');
      return r.stdout;
    };
    const serial = run('0', 'check');
    assert.equal(JSON.parse(serial).diagnostics.length > 100, true);
    assert.equal(run('1', 'check'), serial); // the default on two cores: this thread and one worker share the jobs
    assert.equal(run('2', 'check'), serial);
    assert.equal(run('3', 'check'), serial);
    assert.equal(run('2', 'summary'), run('0', 'summary'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
