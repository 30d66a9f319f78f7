import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findings } from '../helpers';
import { vendorLines, vendorRepo } from '../vendor-helpers';

test('missing-owner and missing-review-date apply to vendors', async () => {
  assert.deepEqual(await findings(vendorRepo({ owner: null }), 'missing-owner'), [{
    at: 'vendors/register.yaml:2:9', severity: 'warning', message: 'Vendor V-CLOUD has no owner: name the person accountable for the relationship and for reviewing its assurance.',
  }]);
  assert.deepEqual((await findings(vendorRepo({ last_reviewed: null }), 'missing-review-date')).map((x) => x.message), ['Vendor V-CLOUD has no `last_reviewed` date, so nobody can tell when its assurance was last looked at.']);
  assert.deepEqual(await findings(vendorRepo(), 'missing-owner'), []);
});

test('stale-review and review-due-soon apply to vendors', async () => {
  const f = await findings(vendorRepo({ last_reviewed: '2025-07-01' }), 'stale-review');
  assert.deepEqual(f.map((x) => x.message), ['Vendor V-CLOUD was due for review on 2026-07-01 (14 days ago); last reviewed 2025-07-01.']);
  assert.deepEqual((await findings(vendorRepo({ last_reviewed: '2025-07-20' }), 'review-due-soon')).map((x) => x.message), ['Vendor V-CLOUD is due for review on 2026-07-20 (in 5 days).']);
  assert.deepEqual(await findings(vendorRepo(), 'stale-review'), []);
});

test('duplicate-id applies to vendors across files', async () => {
  const files = { ...vendorRepo(), 'vendors/more.yaml': ['vendors:', ...vendorLines('V-CLOUD', { subservice: 'no' }), ''].join('\n') };
  const f = await findings(files, 'duplicate-id');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [
    ['vendors/more.yaml:2:9', 'Vendor id V-CLOUD is also used in vendors/register.yaml:2; ids must be unique.'],
    ['vendors/register.yaml:2:9', 'Vendor id V-CLOUD is also used in vendors/more.yaml:2; ids must be unique.'],
  ]);
});

test('unknown-reference: a control naming a missing vendor, a vendor monitored by a missing control', async () => {
  const files = edit(vendorRepo({ monitored_by: '[AC-01, VR-09]' }), 'controls/access.yaml', '    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD, V-GONE]');
  const f = await findings(files, 'unknown-reference');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [
    ['controls/access.yaml:9:24', 'Control AC-01 names vendor V-GONE, which is not in the vendor register.'],
    ['vendors/register.yaml:9:27', 'Vendor V-CLOUD is monitored by control VR-09, which does not exist.'],
  ]);
});

test('unknown-criterion applies to the criteria of a CSOC', async () => {
  const f = await findings(vendorRepo({ csocs: '[{ description: Badge access, criteria: [cc6.4, CC6.99] }]' }), 'unknown-criterion');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /^cc6\.4 is not a criterion id as written; did you mean CC6\.4 /);
  assert.equal(f[1].message, 'CC6.99 is not a Trust Services Criteria id; nearest: CC6.1, CC6.2, CC6.3.');
});

test('a single vendor per file and several YAML documents are read like controls', async () => {
  const files = { ...vendorRepo(), 'vendors/single.yaml': 'id: V-MAIL\nname: Postbox\nowner: x@example.com\ncriticality: low\nlast_reviewed: 2026-03-01\n---\nid: V-HR\nowner: y@example.com\nlast_reviewed: 2026-03-01\n' };
  assert.deepEqual(await findings(files, 'schema'), []);
  assert.deepEqual(await findings(files, 'missing-owner'), []);
  const dup = { ...files, 'vendors/x.yaml': 'id: V-HR\nowner: z@example.com\nlast_reviewed: 2026-03-01\n' };
  assert.equal((await findings(dup, 'duplicate-id')).length, 2);
});
