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
