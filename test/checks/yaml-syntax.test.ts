import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings, codes } from '../helpers';

test('yaml-syntax fires at the parser position and the rest still checks', async () => {
  const files = { ...edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1'), 'controls/other.yaml': 'id: OT-01\ntitle: Other\n' };
  const f = await findings(files, 'yaml-syntax');
  // The unclosed list runs on into the next key, where the parser gives up.
  assert.deepEqual(f, [{ at: 'controls/access.yaml:8:5', severity: 'error', message: 'YAML syntax: The indentation here does not line up with the surrounding block.' }]);
  // one bad file never hides the rest: the other file's missing owner is still reported
  const all = await findings(files, 'missing-owner');
  assert.deepEqual(all.map((x) => x.at), ['controls/other.yaml:1:5']);
});

test('yaml-syntax reports duplicate keys on the second key', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    frequency: quarterly\n', '    frequency: quarterly\n    frequency: monthly\n');
  const f = await findings(files, 'yaml-syntax');
  assert.deepEqual(f, [{ at: 'controls/access.yaml:6:5', severity: 'error', message: 'YAML syntax: This key appears twice in the same mapping; only one value can count.' }]);
});

test('yaml-syntax does not fire on valid YAML', async () => {
  assert.deepEqual((await codes(baseRepo())).filter((c) => c === 'yaml-syntax'), []);
});

test('yaml-syntax in soc2.yaml says that defaults stand in until it is fixed', async () => {
  const f = await findings({ ...baseRepo(), 'soc2.yaml': 'organization: [x\n' }, 'yaml-syntax');
  assert.deepEqual(f, [{ at: 'soc2.yaml:2:1', severity: 'error',
    message: 'YAML syntax: The indentation here does not line up with the surrounding block. Until this is fixed, settings soc2.yaml could not give are taken from the defaults.' }]);
});
