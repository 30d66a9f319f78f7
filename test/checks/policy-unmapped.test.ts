import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('policy-unmapped fires when a policy maps neither criteria nor controls', async () => {
  const files = edit(edit(baseRepo(), 'policies/access.md', 'criteria: [CC6.1]\n', ''), 'policies/access.md', 'controls: [AC-01]\n', '');
  const f = await findings(files, 'policy-unmapped');
  assert.deepEqual(f, [{ at: 'policies/access.md:2:5', severity: 'warning', message: 'Policy POL-AC maps neither criteria nor controls: add `criteria` or `controls` to its front matter.' }]);
});

test('policy-unmapped is quiet with either criteria or controls', async () => {
  assert.deepEqual(await findings(edit(baseRepo(), 'policies/access.md', 'criteria: [CC6.1]\n', ''), 'policy-unmapped'), []);
  assert.deepEqual(await findings(edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]\n', ''), 'policy-unmapped'), []);
  assert.deepEqual(await findings(baseRepo(), 'policy-unmapped'), []);
});
