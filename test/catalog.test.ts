import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TSC_2017, type CategoryId } from '../server/src/catalog/tsc2017';

const ids = TSC_2017.criteria.map((c) => c.id);

test('catalog has exactly the 61 criteria of TSC 2017', () => {
  assert.equal(ids.length, 61);
  const expected = [
    ...range('CC1', 5), ...range('CC2', 3), ...range('CC3', 4), ...range('CC4', 2), ...range('CC5', 3),
    ...range('CC6', 8), ...range('CC7', 5), ...range('CC8', 1), ...range('CC9', 2),
    ...range('A1', 3), ...range('C1', 2), ...range('PI1', 5),
    'P1.1', 'P2.1', ...range('P3', 2), ...range('P4', 3), ...range('P5', 2), ...range('P6', 7), 'P7.1', 'P8.1',
  ];
  assert.deepEqual([...ids].sort(), [...expected].sort());
});

test('catalog ids are unique', () => {
  assert.equal(new Set(ids).size, ids.length);
});

test('criteria per category: 33/3/2/5/18', () => {
  const counts: Record<CategoryId, number> = {
    'security': 0, 'availability': 0, 'confidentiality': 0, 'processing-integrity': 0, 'privacy': 0,
  };
  for (const c of TSC_2017.criteria) counts[c.category]++;
  assert.deepEqual(counts, {
    'security': 33, 'availability': 3, 'confidentiality': 2, 'processing-integrity': 5, 'privacy': 18,
  });
});

test('categories are the five trust services categories, each used', () => {
  assert.deepEqual(TSC_2017.categories.map((c) => c.id),
    ['security', 'availability', 'confidentiality', 'processing-integrity', 'privacy']);
  assert.deepEqual(TSC_2017.categories.map((c) => c.name),
    ['Security', 'Availability', 'Confidentiality', 'Processing Integrity', 'Privacy']);
  for (const cat of TSC_2017.categories) assert.ok(cat.description.trim().length > 0, cat.id);
});

test('every id is well formed and its series is the prefix before the dot', () => {
  for (const c of TSC_2017.criteria) {
    assert.match(c.id, /^(CC\d|A1|C1|PI1|P\d)\.\d$/);
    assert.equal(c.series, c.id.slice(0, c.id.indexOf('.')), c.id);
    assert.ok(c.seriesName.trim().length > 0, c.id);
  }
});

test('criteria of one series share one series name and one category', () => {
  const bySeries = new Map<string, { name: string; category: CategoryId }>();
  for (const c of TSC_2017.criteria) {
    const seen = bySeries.get(c.series);
    if (seen) assert.deepEqual(seen, { name: c.seriesName, category: c.category }, c.id);
    else bySeries.set(c.series, { name: c.seriesName, category: c.category });
  }
  assert.equal(bySeries.get('CC6')?.name, 'Logical and physical access controls');
});

test('every summary is one non-empty line of at most 160 characters, with 2-4 keywords', () => {
  for (const c of TSC_2017.criteria) {
    assert.ok(c.summary.trim().length > 0, c.id);
    assert.ok(c.summary.length <= 160, `${c.id}: ${c.summary.length} chars`);
    assert.ok(!/[\r\n]/.test(c.summary), c.id);
    assert.ok(c.keywords.length >= 2 && c.keywords.length <= 4, c.id);
  }
});

function range(series: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${series}.${i + 1}`);
}
