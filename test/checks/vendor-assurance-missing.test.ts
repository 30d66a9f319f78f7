import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

test('vendor-assurance-missing fires on a subservice organisation with no assurance, and on type: none', async () => {
  const none = { assurance: null };
  assert.deepEqual(await findings(vendorRepo(none), 'vendor-assurance-missing'), [{
    at: 'vendors/register.yaml:2:9', severity: 'warning',
    message: 'Vendor V-CLOUD is a subservice organisation (carve-out) but records no assurance: obtain its SOC 2 Type 2 report (or another assurance) and record it under `assurance`.',
  }]);
  const typeNone = { assurance: '{ type: none }' };
  const f = await findings(vendorRepo(typeNone), 'vendor-assurance-missing');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [[`vendors/register.yaml:${lineOf(typeNone, 'assurance')}:24`, 'Vendor V-CLOUD is a subservice organisation (carve-out) but records `type: none`: obtain its SOC 2 Type 2 report (or another assurance) and record it under `assurance`.']]);
});

test('vendor-assurance-missing fires on a high-criticality ordinary vendor, not on a medium one', async () => {
  const high = await findings(vendorRepo({ subservice: 'no', assurance: null }), 'vendor-assurance-missing');
  assert.match(high[0].message, /is a high-criticality vendor but records no assurance/);
  assert.deepEqual(await findings(vendorRepo({ subservice: 'no', criticality: 'medium', assurance: null }), 'vendor-assurance-missing'), []);
  assert.deepEqual(await findings(vendorRepo({ subservice: null, criticality: 'low', assurance: '{ type: none }' }), 'vendor-assurance-missing'), []);
});

test('vendor-assurance-missing is quiet when any real assurance is on file', async () => {
  assert.deepEqual(await findings(vendorRepo(), 'vendor-assurance-missing'), []);
  assert.deepEqual(await findings(vendorRepo({ subservice: 'inclusive', assurance: '{ type: questionnaire, received: 2026-05-01 }' }), 'vendor-assurance-missing'), []);
});
