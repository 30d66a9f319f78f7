// Boundary fixtures for the evidence cache (issue 20): what is cached, what a changed file drops, and for whom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvidenceCache } from '../../server/src/engine/evidence-cache';
import type { Control } from '../../server/src/engine/model';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ctl = (file: string, ...paths: (string | undefined)[]) =>
  ({ file, evidence: paths.map((p) => ({ ...(p === undefined ? {} : { path: { value: p, range: R } }), collected: [] })) }) as unknown as Control;

test('EvidenceCache.of: computed once per control until forgotten or cleared', () => {
  const cache = new EvidenceCache();
  cache.files.set(['ev/a/2026-01-01.pdf']);
  const a = ctl('controls/a.yaml', 'a');
  const first = cache.of(a, 'ev');
  assert.deepEqual(first.occurrences.map((o) => o.date), ['2026-01-01']);
  cache.files.add('ev/a/2026-02-01.pdf');
  assert.equal(cache.of(a, 'ev'), first, 'cached: a new file is not seen until the control is dropped');
  cache.forget(a);
  const second = cache.of(a, 'ev');
  assert.notEqual(second, first);
  assert.deepEqual(second.occurrences.map((o) => o.date), ['2026-01-01', '2026-02-01']);
  cache.clear();
  assert.notEqual(cache.of(a, 'ev'), second);
});

test('EvidenceCache.changed: drops and returns the controls whose evidence path is the file or a folder above it', () => {
  const cache = new EvidenceCache();
  const folder = ctl('controls/a.yaml', 'access');
  const exact = ctl('controls/b.yaml', 'scan.pdf');
  const sibling = ctl('controls/c.yaml', 'access-old', undefined); // shares the prefix only; an item without path
  const collectedOnly = ctl('controls/d.yaml', undefined);
  const all = [folder, exact, sibling, collectedOnly];
  const before = all.map((c) => cache.of(c, 'ev'));
  assert.deepEqual([...cache.changed('ev/access/2026-01-01.pdf', 'ev', all)], ['controls/a.yaml']);
  assert.deepEqual(all.map((c, i) => cache.of(c, 'ev') === before[i]), [false, true, true, true]);
  assert.deepEqual([...cache.changed('ev/scan.pdf', 'ev', all)], ['controls/b.yaml']);
  assert.deepEqual([...cache.changed('ev/access', 'ev', all)], ['controls/a.yaml']);
  assert.deepEqual([...cache.changed('ev/access-old/x/y.pdf', 'ev', all)], ['controls/c.yaml']);
  assert.deepEqual([...cache.changed('ev/accessory.pdf', 'ev', all)], []);
  assert.deepEqual([...cache.changed('access/2026-01-01.pdf', 'ev', all)], [], 'outside the evidence root');
  // Two controls of one file: the file once. A control never asked for is still dropped and reported.
  const twin = ctl('controls/a.yaml', 'access/sub');
  assert.deepEqual([...cache.changed('ev/access/sub/1.pdf', 'ev', [folder, twin, exact])], ['controls/a.yaml']);
});
