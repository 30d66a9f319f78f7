import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

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
