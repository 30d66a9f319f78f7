// Issue 20, bug 9: future-dated evidence used to silence evidence-stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

test('evidence-future-dated: a file dated after today is reported and does not keep the control fresh', async () => {
  const files: Record<string, string> = { ...baseRepo(), 'evidence/access/2062-01-10-review.pdf': 'typo' };
  // Newest real evidence 2026-06-29 (quarterly, 114 days) is stale on 2026-10-22: the 2062 file must not hide that.
  const f = await findings(files, 'evidence-future-dated', '2026-10-22');
  assert.deepEqual(f.map((x) => [x.at, x.severity]), [['controls/access.yaml:10:5', 'warning']]);
  assert.match(f[0].message, /^Evidence of AC-01 is dated after today: evidence\/access\/2062-01-10-review\.pdf\. /);
  assert.equal((await findings(files, 'evidence-stale', '2026-10-22')).length, 1);
});

test('evidence-future-dated: a collected date after today is pointed at; today itself is not future', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '        path: access\n', '        path: access\n      - name: Ticket\n        collected: [2026-07-15, 2026-07-16]\n');
  const f = await findings(files, 'evidence-future-dated');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:14:33']);
  assert.match(f[0].message, /dated 2026-07-16, after today/);
});

test('evidence-future-dated: only future evidence is not called "undated" by evidence-stale', async () => {
  const files: Record<string, string> = { ...baseRepo() };
  delete files['evidence/access/2026-03-30-review.md'];
  delete files['evidence/access/2026-06-29-review.md'];
  files['evidence/access/2062-01-10-review.pdf'] = 'typo';
  assert.deepEqual(await findings(files, 'evidence-stale'), []);
  assert.equal((await findings(files, 'evidence-future-dated')).length, 1);
});

test('evidence-future-dated is quiet on evidence dated up to today', async () => {
  assert.deepEqual(await findings(baseRepo(), 'evidence-future-dated', '2026-06-29'), []);
});

test('evidence-future-dated: the data of a collected date and of files names them exactly', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '        path: access\n', '        path: access\n      - name: Ticket\n        collected: [2026-07-16]\n');
  files['evidence/access/2026-08-01-review.md'] = 'x';
  files['evidence/access/2026-09-01-review.md'] = 'x';
  const d = (await diagnose(files)).filter((x) => x.code === 'evidence-future-dated');
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.message, x.data]), [
    [10, 'Evidence of AC-01 is dated after today: evidence/access/2026-08-01-review.md, evidence/access/2026-09-01-review.md. It is left out of staleness and gaps until the date in the file name is corrected.',
      { files: ['evidence/access/2026-08-01-review.md', 'evidence/access/2026-09-01-review.md'] }],
    [14, 'Evidence of AC-01 is dated 2026-07-16, after today: it is left out of staleness and gaps until the date is corrected.', { date: '2026-07-16' }],
  ]);
});

test('evidence-future-dated: five files are all named; past five, the rest are counted', async () => {
  const files: Record<string, string> = { ...baseRepo() };
  const names = ['08', '09', '10', '11', '12'].map((m) => `evidence/access/2026-${m}-01-review.md`);
  for (const n of names) files[n] = 'x';
  const five = (await diagnose(files)).filter((x) => x.code === 'evidence-future-dated');
  assert.deepEqual(five.map((x) => x.message), [`Evidence of AC-01 is dated after today: ${names.join(', ')}. It is left out of staleness and gaps until the date in the file name is corrected.`]);
  files['evidence/access/2027-01-01-review.md'] = 'x';
  files['evidence/access/2027-02-01-review.md'] = 'x';
  const seven = (await diagnose(files)).filter((x) => x.code === 'evidence-future-dated');
  assert.deepEqual(seven.map((x) => [x.message, x.data]), [[
    `Evidence of AC-01 is dated after today: ${names.join(', ')}, and 2 more. It is left out of staleness and gaps until the date in the file name is corrected.`,
    { files: [...names, 'evidence/access/2027-01-01-review.md', 'evidence/access/2027-02-01-review.md'] },
  ]]);
});
