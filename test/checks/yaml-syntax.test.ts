import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings, codes } from '../helpers';

test('yaml-syntax fires at the parser position and the rest still checks', async () => {
  const files = { ...edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1'), 'controls/other.yaml': 'id: OT-01\ntitle: Other\n' };
  const f = await findings(files, 'yaml-syntax');
  assert.equal(f.length >= 1, true);
  assert.equal(f[0].at.startsWith('controls/access.yaml:'), true);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /^YAML syntax/);
  // one bad file never hides the rest: the other file's missing owner is still reported
  const all = await findings(files, 'missing-owner');
  assert.deepEqual(all.map((x) => x.at), ['controls/other.yaml:1:5']);
});

test('yaml-syntax reports duplicate keys on the second key', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    frequency: quarterly\n', '    frequency: quarterly\n    frequency: monthly\n');
  const f = await findings(files, 'yaml-syntax');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:6:5']);
  assert.match(f[0].message, /appears twice/);
});

test('yaml-syntax does not fire on valid YAML', async () => {
  assert.deepEqual((await codes(baseRepo())).filter((c) => c === 'yaml-syntax'), []);
});
