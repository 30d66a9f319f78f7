import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

test('evidence-gap lists the empty intervals of the observation period', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: monthly');
  files['evidence/access/2026-01-15-review.md'] = 'x';
  files['evidence/access/2026-02-15-review.md'] = 'x';
  files['evidence/access/2026-04-15-review.md'] = 'x';
  const f = await findings(edit(files, 'policies/access.md', 'quarterly', 'monthly'), 'evidence-gap');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:10:5']);
  assert.equal(f[0].message, 'Control AC-01 (monthly) has no evidence for 1 of 6 intervals of the observation period: 2026-05-01..2026-05-31.');
});

test('evidence-gap only judges intervals that are over, and only for type 2', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: monthly');
  const midPeriod = await findings(edit(files, 'policies/access.md', 'quarterly', 'monthly'), 'evidence-gap', '2026-03-15');
  assert.equal(midPeriod[0].message.includes('of 2 intervals'), true, midPeriod[0]?.message);
  const type1 = edit(edit(files, 'soc2.yaml', 'type: 2', 'type: 1'), 'policies/access.md', 'quarterly', 'monthly');
  assert.deepEqual(await findings(type1, 'evidence-gap'), []);
});

test('evidence-gap is quiet when every interval has evidence', async () => {
  assert.deepEqual(await findings(baseRepo(), 'evidence-gap'), []);
});

const monthly = () => {
  const files: Record<string, string> = edit(edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: monthly'), 'policies/access.md', 'quarterly', 'monthly');
  for (const p of Object.keys(files)) if (p.startsWith('evidence/')) delete files[p];
  return files;
};

test('evidence-gap boundaries: evidence on the first and on the last day of an interval covers it', async () => {
  const files = monthly();
  // Period 2026-01-01..2026-06-30, monthly: each interval a calendar month.
  for (const day of ['2026-01-01', '2026-02-28', '2026-03-01', '2026-04-30', '2026-05-31', '2026-06-01']) files[`evidence/access/${day}-review.md`] = 'x';
  assert.deepEqual(await findings(files, 'evidence-gap'), []);
  // The day after an interval's end belongs to the next one.
  delete files['evidence/access/2026-04-30-review.md'];
  files['evidence/access/2026-05-01-review.md'] = 'x';
  const f = await findings(files, 'evidence-gap');
  assert.equal(f[0].message, 'Control AC-01 (monthly) has no evidence for 1 of 6 intervals of the observation period: 2026-04-01..2026-04-30.');
});

test('evidence-gap: a period starting on the 31st keeps its intervals anchored (no drift)', async () => {
  const files = edit(monthly(), 'soc2.yaml', 'period: { start: 2026-01-01, end: 2026-06-30 }', 'period: { start: 2026-01-31, end: 2026-05-30 }');
  files['evidence/access/2026-02-27-review.md'] = 'x'; // last day of the first interval
  files['evidence/access/2026-03-30-review.md'] = 'x'; // last day of the second (chained, it would be 03-27)
  files['evidence/access/2026-04-29-review.md'] = 'x';
  const f = await findings(files, 'evidence-gap');
  assert.deepEqual(f.map((x) => x.message), ['Control AC-01 (monthly) has no evidence for 1 of 4 intervals of the observation period: 2026-04-30..2026-05-30.']);
});

test('evidence-gap shows the first six empty intervals and counts them all', async () => {
  const files = edit(monthly(), 'controls/access.yaml', 'frequency: monthly', 'frequency: weekly');
  files['evidence/access/2026-01-02-review.md'] = 'x';
  const f = await findings(edit(files, 'soc2.yaml', 'end: 2026-06-30', 'end: 2026-03-04'), 'evidence-gap');
  // 2026-01-01..2026-03-04 is 9 weeks; the first has evidence, the other 8 are empty.
  assert.equal(f[0].message, 'Control AC-01 (weekly) has no evidence for 8 of 9 intervals of the observation period: 2026-01-08..2026-01-14, 2026-01-15..2026-01-21, 2026-01-22..2026-01-28, 2026-01-29..2026-02-04, 2026-02-05..2026-02-11, 2026-02-12..2026-02-18, ….');
  // A one-day interval is written as its day.
  const daily = edit(edit(monthly(), 'controls/access.yaml', 'frequency: monthly', 'frequency: daily'), 'soc2.yaml', 'end: 2026-06-30', 'end: 2026-01-02');
  daily['evidence/access/2026-01-01-review.md'] = 'x';
  assert.equal((await findings(daily, 'evidence-gap'))[0].message, 'Control AC-01 (daily) has no evidence for 1 of 2 intervals of the observation period: 2026-01-02.');
});

test('evidence-gap judges only implemented controls with a periodic frequency', async () => {
  const empty = monthly(); // no evidence at all: every interval is empty
  assert.equal((await findings(empty, 'evidence-gap')).length, 1);
  for (const status of ['partial', 'planned', 'not-applicable']) {
    assert.deepEqual(await findings(edit(empty, 'controls/access.yaml', 'status: implemented', `status: ${status}`), 'evidence-gap'), [], status);
  }
  for (const frequency of ['on-event', 'continuous', 'fortnightly']) {
    const files = edit(empty, 'controls/access.yaml', 'frequency: monthly', `frequency: ${frequency}`);
    assert.deepEqual(await findings(files, 'evidence-gap'), [], frequency);
    // The frequency guard: without it there is no interval to cut the period by, and the check would throw.
    assert.deepEqual(await findings(files, 'internal-error'), [], frequency);
  }
  // No evidence items at all is evidence-missing's finding, not a gap.
  assert.deepEqual(await findings(edit(empty, 'controls/access.yaml', '    evidence:\n      - name: Sign-off\n        path: access\n', ''), 'evidence-gap'), []);
  // Future-dated evidence does not fill an interval.
  const future = monthly();
  future['evidence/access/2099-05-15-review.md'] = 'x';
  assert.match((await findings(future, 'evidence-gap'))[0].message, /for 6 of 6 intervals/);
});

test('evidence-gap is quiet without a usable period', async () => {
  const empty = monthly();
  assert.deepEqual(await findings(edit(empty, 'soc2.yaml', '  period: { start: 2026-01-01, end: 2026-06-30 }\n', ''), 'evidence-gap'), []);
  assert.deepEqual(await findings(edit(empty, 'soc2.yaml', 'start: 2026-01-01', 'start: 2026-13-01'), 'evidence-gap'), []);
  assert.deepEqual(await findings(edit(empty, 'soc2.yaml', 'start: 2026-01-01, end: 2026-06-30', 'start: 2026-06-30, end: 2026-01-01'), 'evidence-gap'), []);
});

test('evidence-gap: the finding lists its empty intervals as data', async () => {
  const files = monthly();
  for (const day of ['2026-01-10', '2026-02-10', '2026-04-10', '2026-06-10']) files[`evidence/access/${day}-review.md`] = 'x';
  const d = (await diagnose(files)).filter((x) => x.code === 'evidence-gap');
  assert.deepEqual(d.map((x) => x.data), [{ gaps: [{ start: '2026-03-01', end: '2026-03-31' }, { start: '2026-05-01', end: '2026-05-31' }] }]);
});

test('evidence-gap: an interval ending today is still in progress', async () => {
  const files = monthly();
  files['evidence/access/2026-01-10-review.md'] = 'x';
  // On 2026-02-28 February may still get its evidence: only January is over, and it has some.
  assert.deepEqual(await findings(files, 'evidence-gap', '2026-02-28'), []);
  assert.deepEqual((await findings(files, 'evidence-gap', '2026-03-01')).map((x) => x.message), ['Control AC-01 (monthly) has no evidence for 1 of 2 intervals of the observation period: 2026-02-01..2026-02-28.']);
});

test('evidence-gap: a one-day observation period is one interval', async () => {
  const files = edit(monthly(), 'soc2.yaml', 'end: 2026-06-30', 'end: 2026-01-01');
  assert.deepEqual((await findings(files, 'evidence-gap')).map((x) => x.message), ['Control AC-01 (monthly) has no evidence for 1 of 1 intervals of the observation period: 2026-01-01.']);
});

test('evidence-gap: no period, or a control without a status or a frequency, is not judged and does not break the check', async () => {
  const empty = monthly();
  const variants: Record<string, Record<string, string>> = {
    'no period': edit(empty, 'soc2.yaml', '  period: { start: 2026-01-01, end: 2026-06-30 }\n', ''),
    'no status': edit(empty, 'controls/access.yaml', '    status: implemented\n', ''),
    'no frequency': edit(empty, 'controls/access.yaml', '    frequency: monthly\n', ''),
  };
  for (const [name, files] of Object.entries(variants)) {
    assert.deepEqual(await findings(files, 'evidence-gap'), [], name);
    assert.deepEqual(await findings(files, 'internal-error'), [], name);
  }
});
