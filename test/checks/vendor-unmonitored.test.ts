import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

test('vendor-unmonitored fires on a subservice organisation no control reviews', async () => {
  assert.deepEqual(await findings(vendorRepo({ monitored_by: null }), 'vendor-unmonitored'), [{
    at: 'vendors/register.yaml:2:9', severity: 'warning',
    message: "Vendor V-CLOUD is a subservice organisation, but no control reviews it: name the control that reviews its assurance under `monitored_by`, or list V-CLOUD under that control's `vendors`.",
  }]);
  const ghost = { monitored_by: '[VR-99]' };
  const f = await findings(vendorRepo(ghost), 'vendor-unmonitored');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [[`vendors/register.yaml:${lineOf(ghost, 'monitored_by')}:5`, "Vendor V-CLOUD is a subservice organisation, but no control reviews it (none of VR-99 is an applicable control): name the control that reviews its assurance under `monitored_by`, or list V-CLOUD under that control's `vendors`."]]);
});

test('vendor-unmonitored is quiet when monitored_by names a control, or a control lists the vendor', async () => {
  assert.deepEqual(await findings(vendorRepo(), 'vendor-unmonitored'), []);
  const viaControl = edit(vendorRepo({ monitored_by: null }), 'controls/access.yaml', '    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD]');
  assert.deepEqual(await findings(viaControl, 'vendor-unmonitored'), []);
  assert.deepEqual(await findings(vendorRepo({ monitored_by: null, subservice: 'no' }), 'vendor-unmonitored'), []);
});

test('vendor-unmonitored: a not-applicable control reviews nothing', async () => {
  const na = edit(vendorRepo(), 'controls/access.yaml', 'status: implemented', 'status: not-applicable');
  assert.equal((await findings(na, 'vendor-unmonitored')).length, 1);
});

test('vendor-unmonitored: not-applicable controls count neither way; the finding names every listed id and carries the vendor', async () => {
  const fields = { subservice: 'inclusive', monitored_by: '[AC-01, VR-99]' };
  let files = edit(vendorRepo(fields), 'controls/access.yaml', 'status: implemented', 'status: not-applicable');
  files = edit(files, 'controls/access.yaml', '    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD]');
  const line = lineOf(fields, 'monitored_by');
  const d = (await diagnose(files)).filter((x) => x.code === 'vendor-unmonitored').map((x) => ({
    range: `${x.range.start.line + 1}:${x.range.start.character + 1}-${x.range.end.line + 1}:${x.range.end.character + 1}`, message: x.message, data: x.data,
  }));
  assert.deepEqual(d, [{
    range: `${line}:5-${line}:17`, data: { vendor: 'V-CLOUD' },
    message: "Vendor V-CLOUD is a subservice organisation, but no control reviews it (none of AC-01, VR-99 is an applicable control): name the control that reviews its assurance under `monitored_by`, or list V-CLOUD under that control's `vendors`.",
  }]);
  // An applicable control either way is enough: listed in monitored_by (after a missing one), or naming the vendor.
  assert.deepEqual(await findings(vendorRepo(fields), 'vendor-unmonitored'), []);
  const named = edit(vendorRepo({ monitored_by: '[VR-99]' }), 'controls/access.yaml', '    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD]');
  assert.deepEqual(await findings(named, 'vendor-unmonitored'), []);
});

test('vendor-unmonitored: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['vendors/register.yaml']) {
    const files = { ...vendorRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});

test('vendor-unmonitored: a control with no status still reviews the vendor, either way round', async () => {
  const noStatus = (files: Record<string, string>) => edit(files, 'controls/access.yaml', '    status: implemented\n', '');
  const check = async (files: Record<string, string>) => (await diagnose(files)).filter((x) => x.code === 'vendor-unmonitored' || x.code === 'internal-error');
  assert.deepEqual(await check(noStatus(vendorRepo())), []);
  assert.deepEqual(await check(noStatus(edit(vendorRepo({ monitored_by: null }), 'controls/access.yaml', '    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD]'))), []);
});
