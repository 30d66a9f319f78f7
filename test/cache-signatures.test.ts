import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../server/src/engine/load';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { ProjectCache } from '../server/src/cache/project-cache';
import { RACY_MARGIN_MS, unchangedSince, type Signature } from '../server/src/cache/file-signature';
import { CHECKS } from '../server/src/checks';
import { fineTimestamps, removeDir, tempDir } from './git-helpers';

/** These tests change files and stat them again at once, with the racy margin at 0: they need fine timestamps. */
const coarse = fineTimestamps() ? false : 'this file system keeps whole-second timestamps (the cache then relies on its 2 s racy rule)';

/**
 * A warm run trusts a file's stored content hash when its stat signature (size, mtime, ctime, inode) is the
 * one recorded, as git's index does, and reads and hashes every other file. These tests count what was read.
 */
const TODAY = '2026-07-15';
const ACME = join(__dirname, '..', 'examples', 'acme-saas');

test('a signature holds only when every part is the same and it was recorded well before the cache was written', () => {
  const sig: Signature = [120, 1_000_000, 1_000_500, 42];
  const written = 1_000_500 + RACY_MARGIN_MS + 1;
  assert.equal(unchangedSince([...sig], sig, written), true);
  for (let i = 0; i < 4; i++) {
    const other = [...sig] as Signature;
    other[i] += 1;
    assert.equal(unchangedSince(other, sig, written), false, `part ${i} differs`);
  }
  // racily clean: recorded within the margin of the cache's writing, so a same-tick write could hide
  assert.equal(unchangedSince([...sig], sig, written - 1), false);
  assert.equal(unchangedSince([...sig], sig, written, 0), true);
  assert.equal(unchangedSince([...sig], sig, 1_000_500, 0), false, 'the ctime is not before the write');
  // nothing recorded, a malformed record, no stat, no cache time: read the file
  for (const stored of [undefined, null, 'x', [120, 1_000_000, 1_000_500], { 0: 120 }]) assert.equal(unchangedSince(stored, sig, written), false);
  assert.equal(unchangedSince([...sig], undefined, written), false);
  assert.equal(unchangedSince([...sig], sig, undefined), false);
});

async function run(dir: string, margin = 0) {
  const cache = ProjectCache.open(dir, (m) => assert.fail(m));
  cache.racyMarginMs = margin;
  const { project } = await loadProject(new DiskWorkspace(dir), { today: TODAY, checks: CHECKS }, cache.readAll);
  const diagnostics = project.allDiagnostics();
  cache.save(project);
  return { cache, diagnostics };
}

async function uncached(dir: string) {
  return (await loadProject(new DiskWorkspace(dir), { today: TODAY, checks: CHECKS })).project.allDiagnostics();
}

test('a warm run reads only the files whose signature changed, and still sees a same-size rewrite with its mtime put back', { skip: coarse }, async () => {
  const dir = tempDir('soc2-signatures-');
  try {
    cpSync(ACME, dir, { recursive: true });
    // A whole second, so the test can put it back exactly (utimes takes seconds, stat gives fractions of a ms).
    const control = join(dir, 'controls', readdirSync(join(dir, 'controls')).sort()[0]);
    const second = Math.floor(Date.now() / 1000) - 60;
    utimesSync(control, second, second);
    const cold = await run(dir);
    const files = cold.cache.stats.hashed;
    assert.ok(files > 20, `${files} files`);

    const warm = await run(dir);
    assert.equal(warm.cache.stats.hashed, 0, 'nothing changed: no file read');
    assert.deepEqual(warm.diagnostics, cold.diagnostics);

    // The same number of bytes, another frequency, and the modification time set back to what it was.
    const before = statSync(control);
    const text = readFileSync(control, 'utf8');
    const edited = text.replace(/frequency: \w/, 'frequency: X'); // an unknown frequency: a schema finding
    assert.notEqual(edited, text);
    assert.equal(edited.length, text.length);
    writeFileSync(control, edited);
    utimesSync(control, second, second);
    assert.equal(statSync(control).mtimeMs, before.mtimeMs);
    const after = await run(dir);
    assert.equal(after.cache.stats.hashed, 1, 'the rewritten file, found by its change time');
    assert.equal(after.cache.stats.parsed, 1);
    assert.deepEqual(after.diagnostics, await uncached(dir));
    assert.notDeepEqual(after.diagnostics, cold.diagnostics);

    // Touched, not changed: read and hashed again, never parsed.
    const policy = join(dir, 'policies', readdirSync(join(dir, 'policies')).sort()[0]);
    utimesSync(policy, new Date(), new Date());
    const touched = await run(dir);
    assert.equal(touched.cache.stats.hashed, 1);
    assert.equal(touched.cache.stats.parsed, 0);
    assert.deepEqual(touched.diagnostics, after.diagnostics);
  } finally {
    removeDir(dir);
  }
});

test('with the real margin, files written just before the cache are read and hashed every time', async () => {
  const dir = tempDir('soc2-signatures-');
  try {
    cpSync(ACME, dir, { recursive: true });
    const cold = await run(dir, RACY_MARGIN_MS);
    const warm = await run(dir, RACY_MARGIN_MS);
    // The copy is younger than the margin: no signature is trusted yet, every file is read.
    assert.equal(warm.cache.stats.hashed, cold.cache.stats.hashed);
    assert.equal(warm.cache.stats.parsed, 0);
    assert.deepEqual(warm.diagnostics, cold.diagnostics);
  } finally {
    removeDir(dir);
  }
});
