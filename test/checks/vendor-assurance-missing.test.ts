import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, findings } from '../helpers';
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

/** vendor-assurance-missing findings with the whole range and any data. */
async function whole(files: Record<string, string>) {
  return (await diagnose(files)).filter((d) => d.code === 'vendor-assurance-missing').map((d) => ({
    range: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, message: d.message, data: d.data,
  }));
}

test('vendor-assurance-missing: on the type when there is one, else on the `assurance` key, else on the id; subservice wins over criticality', async () => {
  const tail = 'obtain its SOC 2 Type 2 report (or another assurance) and record it under `assurance`.';
  const typeNone = { subservice: 'inclusive', criticality: 'low', assurance: '{ type: none }' };
  const at = lineOf(typeNone, 'assurance');
  assert.deepEqual(await whole(vendorRepo(typeNone)), [{ range: `${at}:24-${at}:28`, message: `Vendor V-CLOUD is a subservice organisation (inclusive) but records \`type: none\`: ${tail}`, data: undefined }]);
  const untyped = { subservice: 'no', assurance: '{ received: 2026-05-01 }' };
  assert.deepEqual(await whole(vendorRepo(untyped)), [{ range: `${at}:5-${at}:14`, message: `Vendor V-CLOUD is a high-criticality vendor but records no assurance: ${tail}`, data: undefined }]);
  assert.deepEqual(await whole(vendorRepo({ assurance: null })), [{ range: '2:9-2:16', message: `Vendor V-CLOUD is a subservice organisation (carve-out) but records no assurance: ${tail}`, data: undefined }]);
  // Neither high nor a subservice organisation: nothing, whatever is on file.
  assert.deepEqual(await whole(vendorRepo({ subservice: 'no', criticality: 'medium', assurance: '{ type: none }' })), []);
  // No criticality recorded is not high (and no crash).
  const unrated = vendorRepo({ subservice: 'no', criticality: null, assurance: null });
  assert.deepEqual((await diagnose(unrated)).filter((d) => d.file === 'vendors/register.yaml').map((d) => d.code), []);
});

test('vendor-assurance-missing: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['vendors/register.yaml']) {
    const files = { ...vendorRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});
