import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('missing-review-date fires without last_reviewed', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', '    last_reviewed: 2026-03-01\n', ''), 'missing-review-date');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:2:9']);
});

test('missing-review-date is quiet with a date', async () => {
  assert.deepEqual(await findings(baseRepo(), 'missing-review-date'), []);
});

test('missing-review-date covers risks', async () => {
  const { riskRepo } = await import('../risk-helpers');
  assert.deepEqual((await findings(riskRepo({ last_reviewed: null }), 'missing-review-date')).map((x) => [x.at, x.message]), [
    ['risks/register.yaml:2:9', 'Risk R-01 has no `last_reviewed` date, so nobody can tell whether the assessment is current.'],
  ]);
  assert.deepEqual(await findings(riskRepo(), 'missing-review-date'), []);
});
