import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

/** The check's findings with severity, whole range and data, after making sure no check crashed on the input. */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'schema').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, severity: d.severity, message: d.message, data: d.data,
  }));
}

test('schema: unknown enum value points at the value', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: fortnightly'), 'schema');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:5:16']);
  assert.equal(f[0].message, 'frequency: `fortnightly` is not a frequency; expected one of: continuous, daily, weekly, monthly, quarterly, semiannual, annual, on-event.');
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
  assert.deepEqual(await exact(edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequncy: quarterly')), [{
    at: 'controls/access.yaml:5:5-5:13', severity: 'error', message: 'Unknown field `frequncy` in control; did you mean `frequency`?', data: { unknownField: 'frequncy', suggestion: 'frequency' },
  }]);
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
    ['risks/register.yaml:7:16', 'treatment: `ignore` is not a risk treatment; expected one of: mitigate, accept, transfer, avoid.'],
    ['risks/register.yaml:11:5', 'Unknown field `likelihood_note` in risk; did you mean `likelihood`?'],
    ['risks/register.yaml:12:5', 'This risk has no `id`: every risk needs a unique id.'],
    ['risks/register.yaml:13:13', '`impact` must be <= 5.'],
  ]);
  assert.deepEqual(await findings(riskRepo(), 'schema'), []);
});

// Issue 19 item 6 and issue 20 bug 8: one message per value, naming the field and its position in words.
const CONTROL = (extra: string) => `controls:\n  - id: ZZ-01\n    title: T\n    owner: a@example.com\n    status: implemented\n    criteria: [CC6.1]\n    last_reviewed: 2026-07-01\n${extra}`;

test('schema: a misspelt category names the field, its position and the nearest category', async () => {
  const f = await findings(edit(baseRepo(), 'soc2.yaml', 'categories: [security', 'categories: [security, availabilty'), 'schema');
  assert.deepEqual(f.map((x) => x.message), ['scope.categories[1]: `availabilty` is not a category; did you mean availability? expected one of: security, availability, confidentiality, processing-integrity, privacy.']);
});

test('schema: an evidence item gets one "exactly one of" message, kept beside other schema errors', async () => {
  const files = { ...baseRepo(), 'controls/ev.yaml': CONTROL('    frequency: fortnightly\n    evidence:\n      - name: Both\n        path: logs\n        collected: [2026-07-01]\n      - name: Neither\n      - name: Dates\n        collected: [2026-13-01, 5]\n') };
  const f = await findings(files, 'schema');
  assert.deepEqual(f.filter((x) => x.at.startsWith('controls/ev.yaml')).map((x) => `${x.at} ${x.message}`), [
    'controls/ev.yaml:8:16 frequency: `fortnightly` is not a frequency; expected one of: continuous, daily, weekly, monthly, quarterly, semiannual, annual, on-event.',
    'controls/ev.yaml:10:9 evidence[0]: give exactly one of `path` or `collected`; this item has both (`path` and `collected`).',
    'controls/ev.yaml:13:9 evidence[1]: give exactly one of `path` or `collected`; this item has neither.',
    'controls/ev.yaml:15:21 evidence[2].collected[0]: `2026-13-01` is not a real date written YYYY-MM-DD.',
    'controls/ev.yaml:15:33 `evidence[2].collected[1]` should be text, not `5`.',
  ]);
});

test('schema: a name-or-number field gets one clear message; a number written as text is one valid value', async () => {
  for (const [value, message] of [
    ['biannual', 'review_cycle: `biannual` is not a review cycle; use monthly, quarterly, semiannual, annual, or a whole number from 1.'],
    ['0', 'review_cycle: `0` is not a review cycle; use monthly, quarterly, semiannual, annual, or a whole number from 1.'],
    ['anual', 'review_cycle: `anual` is not a review cycle; did you mean annual? use monthly, quarterly, semiannual, annual, or a whole number from 1.'],
  ]) {
    const f = await findings({ ...baseRepo(), 'controls/rc.yaml': CONTROL(`    review_cycle: ${value}\n`) }, 'schema');
    assert.deepEqual(f.map((x) => x.message), [message], value);
  }
  // "90" is read as 90 days by the review checks, so the schema accepts it too: one value, one verdict.
  const ok = await findings({ ...baseRepo(), 'controls/rc.yaml': CONTROL('    review_cycle: "90"\n') }, 'schema');
  assert.deepEqual(ok, []);
});

test('schema: a misspelt check code under `checks:` in soc2.yaml is reported with the nearest code (issue 20, bug 6)', async () => {
  const files = edit(baseRepo(), 'soc2.yaml', 'scope:', 'checks:\n  policy-missing-sections: off\n  stale-review: hint\n  zzzz-qqqq: off\nscope:');
  // `stale-review: hint` names a real check and a severity the engine and the schema both accept: nothing to say.
  assert.deepEqual(await exact(files), [
    { at: 'soc2.yaml:6:3-6:26', severity: 'error', message: '`policy-missing-sections` is not a check code, so this setting does nothing. Did you mean `policy-missing-section`?', data: { unknownField: 'policy-missing-sections', suggestion: 'policy-missing-section' } },
    { at: 'soc2.yaml:8:3-8:12', severity: 'error', message: '`zzzz-qqqq` is not a check code, so this setting does nothing. The codes are listed in the README.', data: undefined },
  ]);
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

test('schema: a parser problem keeps its own severity (an empty file is a warning), and other parse codes are not schema\'s', async () => {
  assert.deepEqual(await exact({ ...baseRepo(), 'controls/empty.yaml': '' }), [{
    at: 'controls/empty.yaml:1:1-1:1', severity: 'warning', message: 'This file is empty: add a control with at least an `id`, or a `controls:` list.', data: undefined,
  }]);
  const broken = edit(baseRepo(), 'controls/access.yaml', 'owner: bob@example.com', 'owner: [bob');
  assert.deepEqual(await exact(broken), []);
  assert.equal((await findings(broken, 'yaml-syntax')).length > 0, true);
  // Valid overrides under `checks:` are not reported.
  assert.deepEqual(await exact(edit(baseRepo(), 'soc2.yaml', 'scope:', 'checks:\n  stale-review: off\nscope:')), []);
});
