import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('control-unmapped fires on a control with no criteria', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', '    criteria: [CC6.1]\n', ''), 'control-unmapped');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:2:9']);
});

test('control-unmapped is quiet when criteria are listed', async () => {
  assert.deepEqual(await findings(baseRepo(), 'control-unmapped'), []);
});
