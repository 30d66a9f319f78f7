import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { loadProject } from '../server/src/engine/load';
import { ProjectCache } from '../server/src/cache/project-cache';
import { FolderListings, type StoredListings } from '../server/src/cache/folder-listings';
import { CHECKS } from '../server/src/checks';
import { fineTimestamps, removeDir, tempDir } from './git-helpers';

/** These tests change files and stat them again at once, with the racy margin at 0: they need fine timestamps. */
const coarse = fineTimestamps() ? false : 'this file system keeps whole-second timestamps (the cache then relies on its 2 s racy rule)';

/**
 * A warm CLI run stats each folder and reads only those whose stamp changed since the listing it recorded
 * (folder-listings.ts). These tests count folders read and compare every listing with a plain one.
 */
const ACME = join(__dirname, '..', 'examples', 'acme-saas');

/** Lists with a listing cache made from what the previous listing recorded (margin 0: files written a moment ago count). */
async function listWith(dir: string, stored: StoredListings | undefined, writtenMs: number) {
  const folders = new FolderListings(stored, writtenMs, () => 0);
  const listed = await new DiskWorkspace(dir, { oneShot: true, folders }).list();
  const plain = await new DiskWorkspace(dir).list();
  assert.deepEqual(listed, plain, 'the same files and problems as a listing without the cache');
  return { folders, listed };
}

test('unchanged folders are not read again; a created, removed or renamed entry has its folder read', { skip: coarse }, async () => {
  const dir = tempDir('soc2-listings-');
  try {
    cpSync(ACME, dir, { recursive: true });
    const first = await listWith(dir, undefined, Date.now() + 10);
    const total = first.folders.read;
    assert.ok(total > 10, `${total} folders`);
    assert.equal(first.folders.reused, 0);

    const again = await listWith(dir, first.folders.recorded, Date.now() + 10);
    assert.equal(again.folders.read, 0, 'nothing changed: no folder read');
    assert.equal(again.folders.reused, total);

    writeFileSync(join(dir, 'evidence', 'IR-01', '2026-06-30-new.md'), 'x');
    const added = await listWith(dir, again.folders.recorded, Date.now() + 10);
    assert.equal(added.folders.read, 1, 'the folder that gained a file');
    assert.ok(added.listed.files.includes('evidence/IR-01/2026-06-30-new.md'));

    renameSync(join(dir, 'evidence', 'IR-01', '2026-06-30-new.md'), join(dir, 'evidence', 'IR-01', '2026-06-29-new.md'));
    const renamed = await listWith(dir, added.folders.recorded, Date.now() + 10);
    assert.equal(renamed.folders.read, 1);

    rmSync(join(dir, 'evidence', 'IR-01'), { recursive: true });
    const removed = await listWith(dir, renamed.folders.recorded, Date.now() + 10);
    assert.equal(removed.folders.read, 1, 'evidence/, which lost a folder');
    assert.ok(!removed.listed.files.some((f) => f.startsWith('evidence/IR-01/')));

    mkdirSync(join(dir, 'evidence', 'NEW', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'evidence', 'NEW', 'deep', '2026-01-01.md'), 'x');
    const created = await listWith(dir, removed.folders.recorded, Date.now() + 10);
    assert.equal(created.folders.read, 3, 'evidence/ and the two new folders');
  } finally {
    removeDir(dir);
  }
});

test('a folder holding a link, a stamp recorded too close to the cache, or a damaged record is read every time', { skip: coarse }, async () => {
  const dir = tempDir('soc2-listings-');
  try {
    cpSync(ACME, dir, { recursive: true });
    symlinkSync(join(dir, 'controls', 'access-control.yaml'), join(dir, 'policies', 'linked.yaml'));
    const first = await listWith(dir, undefined, Date.now() + 10);
    const again = await listWith(dir, first.folders.recorded, Date.now() + 10);
    assert.equal(again.folders.read, 1, 'policies/, which holds a link');
    assert.equal(first.folders.recorded.policies, undefined);

    // The racy rule: stamps no older than the margin before the cache's writing are not trusted.
    const racy = new FolderListings(again.folders.recorded, Date.now() + 10, () => 60_000);
    await new DiskWorkspace(dir, { oneShot: true, folders: racy }).list();
    assert.equal(racy.reused, 0);

    // Damage that would make paths leave a folder, or wrong shapes: those folders are read.
    const damaged: StoredListings = JSON.parse(JSON.stringify(again.folders.recorded));
    damaged.controls[1] = ['../../etc/passwd'];
    damaged.evidence[2] = ['..'];
    (damaged as Record<string, unknown>)[''] = 'nonsense';
    const d = await listWith(dir, damaged, Date.now() + 10);
    assert.equal(d.folders.read, 4, 'controls/, evidence/, the root, and policies/ with its link');
    assert.ok(d.listed.files.every((f) => !f.includes('..')));
  } finally {
    removeDir(dir);
  }
});

test('with --cache, a warm run on a repo that lost an evidence folder reports what a run without the cache does', { skip: coarse }, async () => {
  const dir = tempDir('soc2-listings-');
  try {
    cpSync(ACME, dir, { recursive: true });
    const run = async () => {
      const cache = ProjectCache.open(dir, (m) => assert.fail(m));
      cache.racyMarginMs = 0;
      const { project } = await loadProject(new DiskWorkspace(dir, { oneShot: true, folders: cache.folders }), { today: '2026-07-15', checks: CHECKS }, cache.readAll);
      const diagnostics = project.allDiagnostics();
      cache.save(project);
      return { cache, diagnostics };
    };
    const plain = async () => (await loadProject(new DiskWorkspace(dir), { today: '2026-07-15', checks: CHECKS })).project.allDiagnostics();
    await run();
    const warm = await run();
    assert.equal(warm.cache.folders.read, 0);
    // Evidence for a month that had none: an evidence-gap finding goes away, found through the re-read folder.
    rmSync(join(dir, 'evidence', 'AC-02'), { recursive: true, force: true });
    const after = await run();
    assert.ok(after.cache.folders.read >= 1);
    assert.deepEqual(after.diagnostics, await plain());
    assert.notDeepEqual(after.diagnostics, warm.diagnostics);
  } finally {
    removeDir(dir);
  }
});
