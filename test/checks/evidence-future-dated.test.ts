// Issue 20, bug 9: future-dated evidence used to silence evidence-stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

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
