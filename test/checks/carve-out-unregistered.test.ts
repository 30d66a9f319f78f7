import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findings } from '../helpers';
import { vendorRepo, type VendorFields } from '../vendor-helpers';

const withExclusion = (vendor: string, fields: VendorFields = {}) => edit(vendorRepo(fields), 'soc2.yaml', '  categories: [security]',
  `  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      reason: Physical security is the cloud host's.\n      vendor: ${vendor}`);

test('carve-out-unregistered fires when the exclusion names a vendor the register does not carve out', async () => {
  assert.deepEqual(await findings(withExclusion('V-CLOUD', { subservice: 'inclusive' }), 'carve-out-unregistered'), [{
    at: 'soc2.yaml:10:15', severity: 'warning',
    message: 'CC6.4 is carved out to vendor V-CLOUD, but the register (vendors/register.yaml) records it with `subservice: inclusive`: set `subservice: carve-out` there, with its assurance and CSOCs, or change the exclusion.',
  }]);
  const none = await findings(withExclusion('V-CLOUD', { subservice: null }), 'carve-out-unregistered');
  assert.match(none[0].message, /records it with no `subservice`/);
});

test('carve-out-unregistered is quiet for a carve-out, and leaves an unknown vendor to unknown-reference', async () => {
  assert.deepEqual(await findings(withExclusion('V-CLOUD'), 'carve-out-unregistered'), []);
  assert.deepEqual(await findings(withExclusion('V-NOPE'), 'carve-out-unregistered'), []);
  assert.deepEqual(await findings(withExclusion('V-NOPE'), 'unknown-reference'), [{
    at: 'soc2.yaml:10:15', severity: 'error', message: 'The exclusion of CC6.4 names vendor V-NOPE, which is not in the vendor register.',
  }]);
});
