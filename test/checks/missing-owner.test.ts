import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('missing-owner fires on a control and on a policy without owner', async () => {
  let files = edit(baseRepo(), 'controls/access.yaml', '    owner: bob@example.com\n', '');
  files = edit(files, 'policies/access.md', 'owner: alice@example.com\n', 'owner: ""\n');
  const f = await findings(files, 'missing-owner');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:2:9', 'policies/access.md:2:5']);
});

test('missing-owner skips not-applicable controls and is quiet with owners', async () => {
  assert.deepEqual(await findings(baseRepo(), 'missing-owner'), []);
  const na = edit(edit(baseRepo(), 'controls/access.yaml', '    owner: bob@example.com\n', ''), 'controls/access.yaml', 'status: implemented', 'status: not-applicable');
  assert.deepEqual(await findings(na, 'missing-owner'), []);
});

test('missing-owner covers risks', async () => {
  const { riskRepo } = await import('../risk-helpers');
  assert.deepEqual(await findings(riskRepo({ owner: null }), 'missing-owner'), [
    { at: 'risks/register.yaml:2:9', severity: 'warning', message: 'Risk R-01 has no owner: name the person accountable for the risk and its treatment.' },
  ]);
  assert.deepEqual(await findings(riskRepo(), 'missing-owner'), []);
});
