import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, codes } from '../helpers';

test('the base fixture is clean apart from unmapped criteria', async () => {
  assert.deepEqual(await codes(baseRepo()), []);
});
