import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('schema: unknown enum value points at the value', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: fortnightly'), 'schema');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:5:16']);
  assert.match(f[0].message, /`fortnightly` is not a valid frequency/);
});

test('schema: impossible date', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2026-02-30'), 'schema');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:9:20']);
  assert.match(f[0].message, /real date/);
});

test('schema: wrong type and missing id', async () => {
  const files = { ...baseRepo(), 'controls/bad.yaml': 'controls:\n  - title: No id here\n    criteria: CC6.1\n' };
  const f = await findings(files, 'schema');
  assert.equal(f.some((x) => x.at === 'controls/bad.yaml:2:5' && /no `id`/.test(x.message)), true, JSON.stringify(f));
  assert.equal(f.some((x) => x.at === 'controls/bad.yaml:3:15' && /should be a list/.test(x.message)), true, JSON.stringify(f));
});

test('schema: a misspelt key gets a suggestion', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequncy: quarterly'), 'schema');
  assert.equal(f.some((x) => x.at === 'controls/access.yaml:5:5' && /did you mean `frequency`/.test(x.message)), true, JSON.stringify(f));
});

test('schema: policy front matter and soc2.yaml are validated too', async () => {
  const files = edit(edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: March'), 'soc2.yaml', 'type: 2', 'type: 3');
  const f = await findings(files, 'schema');
  assert.deepEqual(f.map((x) => x.at).sort(), ['policies/access.md:5:16', 'soc2.yaml:3:9']);
});

test('schema is quiet on valid files', async () => {
  assert.deepEqual(await findings(baseRepo(), 'schema'), []);
});

test('schema: risk register files are validated against schemas/risks.schema.json', async () => {
  const { riskRepo } = await import('../risk-helpers');
  const files = riskRepo({ treatment: 'ignore' }, '    likelihood_note: high\n  - title: No id\n    impact: 9\n');
  const f = await findings(files, 'schema');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [
    ['risks/register.yaml:7:16', '`ignore` is not a valid treatment; expected one of: mitigate, accept, transfer, avoid.'],
    ['risks/register.yaml:11:5', 'Unknown field `likelihood_note` in risk; did you mean `likelihood`?'],
    ['risks/register.yaml:12:5', 'This risk has no `id`: every risk needs a unique id.'],
    ['risks/register.yaml:13:13', '`impact` must be <= 5.'],
  ]);
  assert.deepEqual(await findings(riskRepo(), 'schema'), []);
});

test('schema: a misspelt check code under `checks:` in soc2.yaml is reported with the nearest code (issue 20, bug 6)', async () => {
  const files = edit(baseRepo(), 'soc2.yaml', 'scope:', 'checks:\n  policy-missing-sections: off\n  stale-review: hint\n  zzzz-qqqq: off\nscope:');
  const f = await findings(files, 'schema');
  assert.deepEqual(f.map((x) => x.at), ['soc2.yaml:6:3', 'soc2.yaml:8:3'], JSON.stringify(f));
  assert.match(f[0].message, /`policy-missing-sections` is not a check code.*Did you mean `policy-missing-section`\?/);
  assert.match(f[1].message, /`zzzz-qqqq` is not a check code.*listed in the README/);
  // `hint` is a severity the engine and the schema both accept.
  assert.equal(f.some((x) => /hint/.test(x.message)), false);
  const stale = await findings(edit(files, 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2024-03-01'), 'stale-review');
  assert.equal(stale[0]?.severity, 'hint');
});

test('schema: an inverted Type 2 observation period is an error on soc2.yaml (issue 20, bug 7)', async () => {
  const files = edit(baseRepo(), 'soc2.yaml', 'period: { start: 2026-01-01, end: 2026-06-30 }', 'period: { start: 2026-06-30, end: 2026-01-01 }');
  const f = await findings(files, 'schema');
  assert.deepEqual(f.map((x) => [x.at, x.severity]), [['soc2.yaml:4:37', 'error']]);
  assert.match(f[0].message, /ends \(2026-01-01\) before it starts \(2026-06-30\)/);
  // A one-day period (start = end) is in order.
  assert.deepEqual(await findings(edit(baseRepo(), 'soc2.yaml', 'end: 2026-06-30', 'end: 2026-01-01'), 'schema'), []);
});
