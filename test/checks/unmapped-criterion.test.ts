import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('unmapped-criterion: one per in-scope criterion, on the category entry in soc2.yaml', async () => {
  const files = edit(baseRepo(), 'soc2.yaml', 'categories: [security]', 'categories: [security, availability]\n  exclusions:\n    - criterion: CC6.4\n      reason: Cloud provider');
  const f = await findings(files, 'unmapped-criterion');
  const ids = f.map((x) => x.message.split(' ')[0]);
  assert.equal(ids.length, 33 - 1 - 1 + 3); // 33 security - CC6.1 covered - CC6.4 excluded + 3 availability
  assert.equal(ids.includes('CC6.1'), false);
  assert.equal(ids.includes('CC6.4'), false);
  assert.deepEqual(f.filter((x) => x.message.startsWith('A1.')).map((x) => x.at), ['soc2.yaml:6:26', 'soc2.yaml:6:26', 'soc2.yaml:6:26']);
  assert.equal(f.find((x) => x.message.startsWith('CC1.1'))?.at, 'soc2.yaml:6:16');
});

test('unmapped-criterion counts partial controls but not planned ones', async () => {
  const planned = edit(baseRepo(), 'controls/access.yaml', 'status: implemented', 'status: planned');
  const f = await findings(planned, 'unmapped-criterion');
  assert.match(f.find((x) => x.message.startsWith('CC6.1 '))!.message, /only planned: AC-01\.$/);
  const partial = edit(baseRepo(), 'controls/access.yaml', 'status: implemented', 'status: partial');
  assert.equal((await findings(partial, 'unmapped-criterion')).some((x) => x.message.startsWith('CC6.1 ')), false);
});
