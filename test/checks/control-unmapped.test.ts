import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

test('control-unmapped fires on a control with no criteria', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', '    criteria: [CC6.1]\n', ''), 'control-unmapped');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:2:9']);
});

test('control-unmapped is quiet when criteria are listed', async () => {
  assert.deepEqual(await findings(baseRepo(), 'control-unmapped'), []);
});

test('control-unmapped says which control and what to add, on an empty criteria list or the id', async () => {
  const empty = edit(baseRepo(), 'controls/access.yaml', '    criteria: [CC6.1]\n', '    criteria: []\n');
  assert.deepEqual(await findings(empty, 'control-unmapped'), [{
    at: 'controls/access.yaml:7:5', severity: 'warning',
    message: 'Control AC-01 maps no criteria: list the Trust Services Criteria it addresses under `criteria`.',
  }]);
});

test('control-unmapped skips a not-applicable control, and judges one without a status', async () => {
  const unmapped = edit(baseRepo(), 'controls/access.yaml', '    criteria: [CC6.1]\n', '');
  const na = edit(unmapped, 'controls/access.yaml', 'status: implemented', 'status: not-applicable');
  assert.deepEqual(await findings(na, 'control-unmapped'), []);
  const noStatus = edit(unmapped, 'controls/access.yaml', '    status: implemented\n', '');
  assert.deepEqual((await diagnose(noStatus)).filter((d) => d.file === 'controls/access.yaml').map((d) => d.code), ['control-unmapped']);
});
