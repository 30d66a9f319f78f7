import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaffold } from '../../server/src/scaffold/scaffold';
import { BUNDLED_TEMPLATES } from '../../server/src/scaffold/templates.generated';
import { findings } from '../helpers';

const OPTIONS = { organization: 'Init Co', owner: 'lead@init.example', today: '2026-07-15', reportType: 2 as const, period: { start: '2026-08-01', end: '2027-01-31' }, categories: ['security'], templates: BUNDLED_TEMPLATES.policies.map((t) => t.name) };

test('soc2 init writes a commented vendor register and a description template with the nine topics, and adds no finding', async () => {
  const files = Object.fromEntries(scaffold(OPTIONS));
  assert.match(files['vendors/vendors.yaml'], /^vendors: \[\]$/m);
  assert.match(files['vendors/vendors.yaml'], /^# {2}- id: V-CLOUD\n(?:#.*\n)*# {4}subservice: carve-out/m);
  assert.match(files['vendors/vendors.yaml'], /# {4}monitored_by: \[VN-01\]/);
  for (const code of ['schema', 'vendor-assurance-missing', 'description-missing-section', 'description-subservice-mismatch', 'description-exclusion-mismatch', 'frontmatter-syntax']) {
    assert.deepEqual(await findings(files, code), [], code);
  }
});

test('the commented vendors, uncommented with real dates, are valid register entries', async () => {
  const files = Object.fromEntries(scaffold(OPTIONS));
  files['vendors/vendors.yaml'] = files['vendors/vendors.yaml']
    .replace('vendors: []', 'vendors:').replace(/^# {2}/gm, '  ').replace(/^#(?= {3})/gm, ' ')
    .replace(/period_start: YYYY-MM-DD/g, 'period_start: 2025-08-01').replace(/period_end: YYYY-MM-DD/g, 'period_end: 2026-07-31')
    .replace('received: YYYY-MM-DD', 'received: 2026-08-20').replace(/ *bridge_letter_until: YYYY-MM-DD.*\n/, '\n');
  assert.deepEqual(await findings(files, 'schema'), []);
  assert.deepEqual(await findings(files, 'yaml-syntax'), []);
  const all = (await findings(files, 'description-subservice-mismatch')).map((f) => f.message);
  // The template asks to name the carve-out in the description; until then the mismatch says so.
  assert.deepEqual(all, ['The register has Our cloud provider (V-CLOUD) as a subservice organisation (carve-out), but the description does not name it among its subservice organisations.']);
});
