import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { lineOf, vendorLines, vendorRepo, type VendorFields } from '../vendor-helpers';

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

/** Each finding of carve-out-unregistered with its related locations, as file:line:col (1-based). */
async function withRelated(files: Record<string, string>) {
  return (await diagnose(files)).filter((d) => d.code === 'carve-out-unregistered').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
    related: d.related?.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`),
  }));
}

test('carve-out-unregistered points at the vendor\'s subservice, or its id when it has none', async () => {
  assert.deepEqual(await withRelated(withExclusion('V-CLOUD', { subservice: 'inclusive' })), [
    { at: 'soc2.yaml:10:15', related: [`vendors/register.yaml:${lineOf({}, 'subservice')}:17 Vendor V-CLOUD`] },
  ]);
  assert.deepEqual(await withRelated(withExclusion('V-CLOUD', { subservice: null })), [
    { at: 'soc2.yaml:10:15', related: ['vendors/register.yaml:2:9 Vendor V-CLOUD'] },
  ]);
});

test('carve-out-unregistered: one carve-out entry among vendors sharing the id is enough', async () => {
  // The duplicate id is duplicate-id's to report; the exclusion is backed by the carve-out entry.
  const files = edit(withExclusion('V-CLOUD', { subservice: 'inclusive' }), 'vendors/register.yaml', '    last_reviewed: 2026-03-01\n',
    `    last_reviewed: 2026-03-01\n${vendorLines('V-CLOUD').join('\n')}\n`);
  assert.deepEqual(await findings(files, 'carve-out-unregistered'), []);
  assert.equal((await findings(files, 'duplicate-id')).length, 2);
});

test('carve-out-unregistered ignores exclusions without a vendor, and a soc2.yaml too large to read', async () => {
  const noVendor = edit(withExclusion('V-CLOUD', { subservice: 'inclusive' }), 'soc2.yaml', '\n      vendor: V-CLOUD', '');
  assert.deepEqual((await diagnose(noVendor)).filter((d) => d.file === 'soc2.yaml' && d.code !== 'unmapped-criterion').map((d) => d.code), []);
  const huge = { ...vendorRepo({ subservice: 'inclusive' }), 'soc2.yaml': `organization: X\n${'#'.repeat(6 * 1024 * 1024)}\n` };
  assert.deepEqual((await diagnose(huge)).filter((d) => d.file === 'soc2.yaml' && d.code !== 'unmapped-criterion').map((d) => d.code), ['file-too-large']);
});
