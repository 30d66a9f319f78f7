import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../helpers';
import { vendorRepo } from '../vendor-helpers';

test('the vendor schema accepts the full format, x- keys and `data` as a string or a list', async () => {
  const files = vendorRepo({}, ['    service: Hosting', '    data: [customer data, logs]', '    contract: { security_terms: true, dpa: "2025-11-02" }', '    review_cycle: annual', '    x-ticket: PO-7',
    '  - id: V-2', '    data: none', '    owner: a@example.com', '    last_reviewed: 2026-01-01']);
  assert.deepEqual(await findings(files, 'schema'), []);
});

test('the vendor schema reports a misspelt field with a suggestion, bad enums and impossible dates', async () => {
  const f = await findings(vendorRepo({ criticality: 'extreme', subservice: 'carveout', assurance: '{ type: soc3, period_end: 2026-02-30 }' }, ['    monitored_bye: [AC-01]']), 'schema');
  assert.deepEqual(f.map((x) => x.message), [
    '`extreme` is not a valid criticality; expected one of: high, medium, low.',
    '`carveout` is not a valid subservice; expected one of: carve-out, inclusive, no.',
    '`soc3` is not a valid type; expected one of: soc2-type2, soc2-type1, iso27001, pentest, questionnaire, none.',
    '`period_end` must be a real date written YYYY-MM-DD; `2026-02-30` is not.',
    'Unknown field `monitored_bye` in vendor; did you mean `monitored_by`?',
  ]);
});

test('a vendor without an id is a schema error, and an empty register file says what to write', async () => {
  const f = await findings({ ...vendorRepo(), 'vendors/x.yaml': 'vendors:\n  - name: Nameless\n' }, 'schema');
  assert.deepEqual(f.map((x) => x.message), ['This vendor has no `id`: every vendor needs a unique id.']);
  const empty = await findings({ ...vendorRepo(), 'vendors/y.yaml': '' }, 'schema');
  assert.deepEqual(empty.map((x) => x.message), ['This file is empty: add a vendor with at least an `id`, or a `vendors:` list.']);
});

test('soc2.yaml accepts paths.vendors, paths.description and an exclusion vendor; a control accepts vendors', async () => {
  const files = vendorRepo();
  files['soc2.yaml'] += 'paths:\n  vendors: ["third-parties/*.yaml"]\n  description: docs/system.md\n';
  files['third-parties/a.yaml'] = 'id: V-A\nowner: a@example.com\nlast_reviewed: 2026-03-01\nx: 1\n';
  const f = await findings(files, 'schema');
  // The register moved: only the new path's file is read as vendors.
  assert.deepEqual(f.map((x) => x.at), ['third-parties/a.yaml:4:1']);
});

test('the vendor and description schemas compile in strict mode, and editors get the vendor schema for vendors/**', async () => {
  const { default: Ajv } = await import('ajv');
  const { schemaFor } = await import('../../server/src/engine/schema');
  const pkg = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8'));
  for (const kind of ['vendors', 'description'] as const) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    ajv.addFormat('date', { type: 'string', validate: () => true });
    assert.doesNotThrow(() => ajv.compile(schemaFor(kind)), kind);
  }
  const picomatch = (await import('picomatch')).default;
  const entry = (pkg.contributes.yamlValidation as { fileMatch: string | string[]; url: string }[]).find((v) => [v.fileMatch].flat().some((g) => picomatch(g)('/w/repo/vendors/cloud/host.yaml')));
  assert.equal(entry?.url, './schemas/vendors.schema.json');
});
