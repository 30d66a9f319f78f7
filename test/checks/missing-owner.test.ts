import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';
import { vendorRepo } from '../vendor-helpers';

test('missing-owner fires on a control and on a policy without owner', async () => {
  let files = edit(baseRepo(), 'controls/access.yaml', '    owner: bob@example.com\n', '');
  files = edit(files, 'policies/access.md', 'owner: alice@example.com\n', 'owner: ""\n');
  assert.deepEqual(await findings(files, 'missing-owner'), [
    { at: 'controls/access.yaml:2:9', severity: 'warning', message: 'Control AC-01 has no owner: name the person accountable for operating it.' },
    { at: 'policies/access.md:2:5', severity: 'warning', message: 'Policy POL-AC has no owner: name the person accountable for keeping it current.' },
  ]);
  // No owner key at all is the same as an empty one.
  const noKey = edit(baseRepo(), 'policies/access.md', 'owner: alice@example.com\n', '');
  assert.deepEqual((await findings(noKey, 'missing-owner')).map((x) => x.at), ['policies/access.md:2:5']);
});

test('missing-owner skips not-applicable controls and is quiet with owners', async () => {
  assert.deepEqual(await findings(baseRepo(), 'missing-owner'), []);
  const na = edit(edit(baseRepo(), 'controls/access.yaml', '    owner: bob@example.com\n', ''), 'controls/access.yaml', 'status: implemented', 'status: not-applicable');
  assert.deepEqual(await findings(na, 'missing-owner'), []);
});

test('missing-owner: a planned control and a control with no status still need an owner; every control is checked', async () => {
  const noOwner = edit(baseRepo(), 'controls/access.yaml', '    owner: bob@example.com\n', '');
  const planned = edit(noOwner, 'controls/access.yaml', 'status: implemented', 'status: planned');
  assert.deepEqual((await findings(planned, 'missing-owner')).map((x) => x.at), ['controls/access.yaml:2:9']);
  const noStatus = edit(noOwner, 'controls/access.yaml', '    status: implemented\n', '');
  assert.deepEqual((await findings(noStatus, 'missing-owner')).map((x) => x.at), ['controls/access.yaml:2:9']);
  // A second, owned control before an unowned one: the loop goes on past the first.
  const two = edit(baseRepo(), 'controls/access.yaml', 'controls:\n', [
    'controls:',
    '  - id: AC-00',
    '    title: Owned',
    '    owner: bob@example.com',
    '    frequency: annual',
    '    status: implemented',
    '    criteria: [CC6.1]',
    '    last_reviewed: 2026-03-01',
    '  - id: AC-09',
    '    title: Unowned',
    '    frequency: annual',
    '    status: implemented',
    '    criteria: [CC6.1]',
    '    last_reviewed: 2026-03-01',
    '',
  ].join('\n'));
  assert.deepEqual((await findings(two, 'missing-owner')).map((x) => [x.at, x.message]), [
    ['controls/access.yaml:9:9', 'Control AC-09 has no owner: name the person accountable for operating it.'],
  ]);
});

test('missing-owner covers risks', async () => {
  const { riskRepo } = await import('../risk-helpers');
  assert.deepEqual(await findings(riskRepo({ owner: null }), 'missing-owner'), [
    { at: 'risks/register.yaml:2:9', severity: 'warning', message: 'Risk R-01 has no owner: name the person accountable for the risk and its treatment.' },
  ]);
  assert.deepEqual(await findings(riskRepo(), 'missing-owner'), []);
});

test('missing-owner covers vendors', async () => {
  assert.deepEqual(await findings(vendorRepo({ owner: null }), 'missing-owner'), [
    { at: 'vendors/register.yaml:2:9', severity: 'warning', message: 'Vendor V-CLOUD has no owner: name the person accountable for the relationship and for reviewing its assurance.' },
  ]);
  assert.deepEqual(await findings(vendorRepo(), 'missing-owner'), []);
});
