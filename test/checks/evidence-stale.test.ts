import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, findings } from '../helpers';

test('evidence-stale fires past interval plus a quarter of grace', async () => {
  // quarterly: 91 days + 23 grace = 114; newest 2026-06-29 is fine on 2026-10-20 (113 days) and stale on 2026-10-22 (115)
  assert.deepEqual(await findings(baseRepo(), 'evidence-stale', '2026-10-20'), []);
  const f = await findings(baseRepo(), 'evidence-stale', '2026-10-22');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:10:5']);
  assert.match(f[0].message, /newest evidence for AC-01 is from 2026-06-29 \(115 days ago\)/);
});

test('evidence-stale reads quarters and collected dates', async () => {
  const files = { ...baseRepo() };
  delete files['evidence/access/2026-06-29-review.md'];
  files['evidence/access/2026-Q3-review.md'] = 'x';
  assert.deepEqual(await findings(files, 'evidence-stale', '2026-12-15'), []);
});

test('evidence-stale is quiet for fresh evidence', async () => {
  assert.deepEqual(await findings(baseRepo(), 'evidence-stale'), []);
});

test('evidence-stale boundary: the last day of grace is fine, the next is stale', async () => {
  // quarterly: newest 2026-06-29 + 114 days = 2026-10-21, the last day it is fresh.
  assert.deepEqual(await findings(baseRepo(), 'evidence-stale', '2026-10-21'), []);
  const f = await findings(baseRepo(), 'evidence-stale', '2026-10-22');
  assert.equal(f[0].message, 'The newest evidence for AC-01 is from 2026-06-29 (115 days ago); a quarterly control should have evidence no older than 114 days.');
});

test('evidence-stale says "an annual control" (issue 20, bug 10)', async () => {
  const files = { ...baseRepo(), 'controls/access.yaml': baseRepo()['controls/access.yaml'].replace('frequency: quarterly', 'frequency: annual') };
  // annual: 365 + 92 = 457 days after 2026-06-29 is 2027-09-29.
  assert.deepEqual(await findings(files, 'evidence-stale', '2027-09-29'), []);
  const f = await findings(files, 'evidence-stale', '2027-09-30');
  assert.equal(f[0].message, 'The newest evidence for AC-01 is from 2026-06-29 (458 days ago); an annual control should have evidence no older than 457 days.');
});

test('evidence-stale judges only implemented controls with a periodic frequency and some evidence', async () => {
  const old = '2027-06-01'; // far past every limit of the 2026-06-29 evidence
  assert.equal((await findings(baseRepo(), 'evidence-stale', old)).length, 1);
  const with_ = (from: string, to: string) => ({ ...baseRepo(), 'controls/access.yaml': baseRepo()['controls/access.yaml'].replace(from, to) });
  for (const status of ['partial', 'planned']) assert.deepEqual(await findings(with_('status: implemented', `status: ${status}`), 'evidence-stale', old), [], status);
  for (const frequency of ['on-event', 'continuous', 'fortnightly']) assert.deepEqual(await findings(with_('frequency: quarterly', `frequency: ${frequency}`), 'evidence-stale', old), [], frequency);
  // Daily: 1 day + a grace of 1: evidence from 2026-06-29 is fine on 07-01 and stale on 07-02.
  const daily = with_('frequency: quarterly', 'frequency: daily');
  assert.deepEqual(await findings(daily, 'evidence-stale', '2026-07-01'), []);
  assert.equal((await findings(daily, 'evidence-stale', '2026-07-02'))[0].message, 'The newest evidence for AC-01 is from 2026-06-29 (3 days ago); a daily control should have evidence no older than 2 days.');
});

test('evidence-stale: undated evidence files are reported; a missing path alone is evidence-missing\'s', async () => {
  const files: Record<string, string> = { ...baseRepo() };
  delete files['evidence/access/2026-03-30-review.md'];
  delete files['evidence/access/2026-06-29-review.md'];
  files['evidence/access/review.md'] = 'no date';
  const f = await findings(files, 'evidence-stale');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [['controls/access.yaml:10:5', 'Control AC-01 runs quarterly but none of its evidence is dated: name files with the date they were produced (2026-04-03-...).']]);
  delete files['evidence/access/review.md'];
  assert.deepEqual(await findings(files, 'evidence-stale'), []);
});

test('evidence-stale: the finding carries the date of the newest evidence', async () => {
  const d = (await diagnose(baseRepo(), '2026-10-22')).filter((x) => x.code === 'evidence-stale');
  assert.deepEqual(d.map((x) => x.data), [{ newest: '2026-06-29' }]);
});

test('evidence-stale: a control without a status or a frequency, or with an unknown one, is not judged and does not break the check', async () => {
  const old = '2027-06-01';
  const variants: Record<string, string> = {
    'no status': baseRepo()['controls/access.yaml'].replace('    status: implemented\n', ''),
    'no frequency': baseRepo()['controls/access.yaml'].replace('    frequency: quarterly\n', ''),
    'unknown frequency': baseRepo()['controls/access.yaml'].replace('frequency: quarterly', 'frequency: fortnightly'),
  };
  for (const [name, yaml] of Object.entries(variants)) {
    const files = { ...baseRepo(), 'controls/access.yaml': yaml };
    assert.deepEqual(await findings(files, 'evidence-stale', old), [], name);
    assert.deepEqual(await findings(files, 'internal-error', old), [], name);
  }
});

test('evidence-stale: undated evidence of an on-event control is not "undated" (it has no interval to miss)', async () => {
  const files: Record<string, string> = { ...baseRepo(), 'controls/access.yaml': baseRepo()['controls/access.yaml'].replace('frequency: quarterly', 'frequency: on-event') };
  delete files['evidence/access/2026-03-30-review.md'];
  delete files['evidence/access/2026-06-29-review.md'];
  files['evidence/access/review.md'] = 'no date';
  assert.deepEqual(await findings(files, 'evidence-stale'), []);
});

test('evidence-stale: evidence dated only after today is not called undated (evidence-future-dated reports it)', async () => {
  const files: Record<string, string> = { ...baseRepo() };
  delete files['evidence/access/2026-03-30-review.md'];
  delete files['evidence/access/2026-06-29-review.md'];
  files['evidence/access/2062-01-10-review.pdf'] = 'typo';
  assert.deepEqual(await findings(files, 'evidence-stale'), []);
  // The same file dated in the past is judged: the silence above is about the future date, not the file.
  delete files['evidence/access/2062-01-10-review.pdf'];
  files['evidence/access/2025-01-10-review.pdf'] = 'old';
  assert.equal((await findings(files, 'evidence-stale')).length, 1);
});
