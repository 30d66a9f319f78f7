import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, findings } from '../helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

const type2 = (end: string, extra = '') => ({ subservice: 'no', assurance: `{ type: soc2-type2, period_start: 2024-07-01, period_end: ${end}${extra} }` });

test('vendor-assurance-stale fires when the report ended more than 12 months before today, on period_end', async () => {
  const fields = type2('2025-07-14');
  const f = await findings(vendorRepo(fields), 'vendor-assurance-stale');
  const col = `    assurance: { type: soc2-type2, period_start: 2024-07-01, period_end: `.length + 1;
  assert.deepEqual(f, [{
    at: `vendors/register.yaml:${lineOf(fields, 'assurance')}:${col}`, severity: 'warning',
    message: 'The SOC 2 Type 2 assurance of vendor V-CLOUD covers up to 2025-07-14, 366 days before today (current until 2026-07-14). Obtain the current report, or a bridge letter that reaches today.',
  }]);
});

test('vendor-assurance-stale: exactly 12 months back is still current', async () => {
  assert.deepEqual(await findings(vendorRepo(type2('2025-07-15')), 'vendor-assurance-stale'), []);
});

test('vendor-assurance-stale: a bridge letter exactly to today keeps it current; one that ended yesterday does not', async () => {
  assert.deepEqual(await findings(vendorRepo(type2('2025-01-31', ', bridge_letter_until: 2026-07-15')), 'vendor-assurance-stale'), []);
  const f = await findings(vendorRepo(type2('2025-01-31', ', bridge_letter_until: 2026-07-14')), 'vendor-assurance-stale');
  assert.deepEqual(f.map((x) => x.message), ['The SOC 2 Type 2 assurance of vendor V-CLOUD covers up to 2025-01-31, 530 days before today (current until 2026-01-31); its bridge letter ended on 2026-07-14. Obtain the current report, or a bridge letter that reaches today.']);
});

test('vendor-assurance-stale: a report ending on 29 February is current through 28 February of the next year', async () => {
  const fields = type2('2024-02-29');
  assert.deepEqual(await findings(vendorRepo(fields), 'vendor-assurance-stale', '2025-02-28'), []);
  const f = await findings(vendorRepo(fields), 'vendor-assurance-stale', '2025-03-01');
  assert.deepEqual(f.map((x) => x.message), ['The SOC 2 Type 2 assurance of vendor V-CLOUD covers up to 2024-02-29, 366 days before today (current until 2025-02-28). Obtain the current report, or a bridge letter that reaches today.']);
});

test('vendor-assurance-stale falls back to the received date, and ignores vendors with no assurance', async () => {
  const f = await findings(vendorRepo({ subservice: 'no', assurance: '{ type: questionnaire, received: 2025-03-01 }' }), 'vendor-assurance-stale');
  assert.deepEqual(f.map((x) => x.message), ['The questionnaire assurance of vendor V-CLOUD was received on 2025-03-01, 501 days before today (current until 2026-03-01). Obtain the current report, or a bridge letter that reaches today.']);
  assert.deepEqual(await findings(vendorRepo({ assurance: '{ type: none }' }), 'vendor-assurance-stale'), []);
  assert.deepEqual(await findings(vendorRepo({ assurance: null }), 'vendor-assurance-stale'), []);
});

test('vendor-assurance-stale: a received date is reported on `received`, with the vendor as data; an unknown type keeps its own name', async () => {
  const fields = { subservice: 'no', assurance: '{ type: soc3, received: 2025-03-01 }' };
  const d = (await diagnose(vendorRepo(fields))).filter((x) => x.code === 'vendor-assurance-stale');
  const line = lineOf(fields, 'assurance') - 1, col = '    assurance: { type: soc3, received: '.length;
  assert.deepEqual(d.map((x) => ({ range: x.range, message: x.message, data: x.data })), [{
    range: { start: { line, character: col }, end: { line, character: col + 10 } },
    message: 'The soc3 assurance of vendor V-CLOUD was received on 2025-03-01, 501 days before today (current until 2026-03-01). Obtain the current report, or a bridge letter that reaches today.',
    data: { vendor: 'V-CLOUD' },
  }]);
  // A period end, when there is one, is what the assurance speaks to, and the finding sits on it.
  const both = { subservice: 'no', assurance: '{ type: soc2-type2, period_start: 2024-01-01, period_end: 2024-12-31, received: 2026-07-01 }' };
  const e = (await diagnose(vendorRepo(both))).filter((x) => x.code === 'vendor-assurance-stale');
  const c2 = '    assurance: { type: soc2-type2, period_start: 2024-01-01, period_end: '.length;
  assert.deepEqual(e.map((x) => [x.range.start.character, x.range.end.character, x.data]), [[c2, c2 + 10, { vendor: 'V-CLOUD' }]]);
  assert.match(e[0].message, /covers up to 2024-12-31, 561 days before today \(current until 2025-12-31\)\./);
});

test('vendor-assurance-stale: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['vendors/register.yaml']) {
    const files = { ...vendorRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});

test('vendor-assurance-stale passes over current, typeless and missing assurance without a crash', async () => {
  for (const assurance of [null, '{ type: none }', '{ received: 2020-01-01 }', '{ type: soc2-type2, period_start: 2025-07-01, period_end: 2026-06-30 }']) {
    const d = (await diagnose(vendorRepo({ subservice: 'no', assurance }))).filter((x) => x.code === 'vendor-assurance-stale' || x.code === 'internal-error');
    assert.deepEqual(d, [], String(assurance));
  }
});
