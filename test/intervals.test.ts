// The interval loop's safety bound (issue 20). Not under test/boundaries/: 100,000 intervals cost ~0.2 s, which
// every mutant of every module would pay; scripts/mutation-tests.mjs runs this file for intervals.ts only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { periodIntervals } from '../server/src/engine/intervals';
import { parseIsoDate } from '../server/src/engine/dates';

test('intervals: a zero step stops at the safety bound instead of looping forever', () => {
  const out = periodIntervals(parseIsoDate('2026-01-01')!, parseIsoDate('2026-01-02')!, { days: 0 });
  assert.equal(out.length, 100_000);
  assert.deepEqual(out[99_999], { start: '2026-01-01', end: '2025-12-31' });
});
