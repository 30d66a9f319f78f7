import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromFileName, EvidenceFiles, joinPath } from '../server/src/engine/evidence';
import { periodIntervals } from '../server/src/engine/intervals';
import { parseIsoDate } from '../server/src/engine/dates';

test('file names: ISO day, quarter (its last day), month (its last day), or nothing', () => {
  assert.equal(dateFromFileName('evidence/x/2026-04-03-access-review.pdf'), '2026-04-03');
  assert.equal(dateFromFileName('2026-Q2-vendor-review.md'), '2026-06-30');
  assert.equal(dateFromFileName('2026-Q1.md'), '2026-03-31');
  assert.equal(dateFromFileName('scan-2026-02.csv'), '2026-02-28');
  assert.equal(dateFromFileName('2024-02-vuln.csv'), '2024-02-29');
  assert.equal(dateFromFileName('review-final.pdf'), undefined);
  assert.equal(dateFromFileName('2026-02-30-bad.md'), undefined);
  assert.equal(dateFromFileName('2026/2026-13-notes.md'), undefined);
  assert.equal(dateFromFileName('folder-2026-01-01/notes.md'), undefined, 'only the file name counts');
});

test('evidence files are found by folder prefix, not by partial names', () => {
  const files = new EvidenceFiles(['evidence/a/1.md', 'evidence/ab/2.md', 'evidence/a/sub/3.md', 'evidence/b.md']);
  assert.deepEqual(files.under('evidence/a'), ['evidence/a/1.md', 'evidence/a/sub/3.md']);
  assert.deepEqual(files.under('evidence/b.md'), ['evidence/b.md']);
  assert.deepEqual(files.under('evidence/c'), []);
  assert.equal(joinPath('evidence', './a/../b/'), 'evidence/b');
});

test('observation period intervals: months anchored at the start, last clipped', () => {
  const iv = periodIntervals(parseIsoDate('2026-01-15')!, parseIsoDate('2026-04-30')!, { months: 1 });
  assert.deepEqual(iv, [
    { start: '2026-01-15', end: '2026-02-14' }, { start: '2026-02-15', end: '2026-03-14' },
    { start: '2026-03-15', end: '2026-04-14' }, { start: '2026-04-15', end: '2026-04-30' },
  ]);
  assert.equal(periodIntervals(parseIsoDate('2026-01-01')!, parseIsoDate('2026-06-30')!, { months: 3 }).length, 2);
  assert.equal(periodIntervals(parseIsoDate('2026-01-01')!, parseIsoDate('2026-01-31')!, { days: 7 }).length, 5);
});
