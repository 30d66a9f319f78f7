import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

test('subservice-without-csocs fires on a carve-out with no csocs, or an empty list', async () => {
  assert.deepEqual(await findings(vendorRepo({ csocs: null }), 'subservice-without-csocs'), [{
    at: 'vendors/register.yaml:2:9', severity: 'warning',
    message: 'Vendor V-CLOUD is carved out, but lists no CSOCs: under `csocs`, write what we rely on it to operate (for example physical access to its data centres) and the criteria each supports.',
  }]);
  const empty = { csocs: '[]' };
  assert.deepEqual((await findings(vendorRepo(empty), 'subservice-without-csocs')).map((x) => x.at), [`vendors/register.yaml:${lineOf(empty, 'csocs')}:5`]);
});

test('subservice-without-csocs is quiet with a CSOC, and for inclusive or ordinary vendors', async () => {
  assert.deepEqual(await findings(vendorRepo(), 'subservice-without-csocs'), []);
  assert.deepEqual(await findings(vendorRepo({ csocs: null, subservice: 'inclusive' }), 'subservice-without-csocs'), []);
  assert.deepEqual(await findings(vendorRepo({ csocs: null, subservice: 'no' }), 'subservice-without-csocs'), []);
});
