import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { descriptionRepo } from '../vendors/description-fixture';
import { CriteriaCatalog, normaliseCriterionId } from '../../server/src/catalog/criteria';

test('unknown-criterion suggests the nearest ids', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.9]'), 'unknown-criterion');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:7:16']);
  assert.equal(f[0].message, 'CC6.9 is not a Trust Services Criteria id; nearest: CC6.1, CC6.2, CC6.3.');
});

test('unknown-criterion recognises common miswritings as aliases', () => {
  const catalog = new CriteriaCatalog();
  const cases: [string, string][] = [['cc6.1', 'CC6.1'], ['CC 6.1', 'CC6.1'], ['CC6.1.', 'CC6.1'], ['PP1.1', 'PI1.1'], ['6.1', 'CC6.1'], ['CC06.01', 'CC6.1'], ['a1.2', 'A1.2']];
  for (const [raw, id] of cases) {
    assert.equal(normaliseCriterionId(raw), id, raw);
    assert.equal(catalog.resolve(raw).alias?.id, id, raw);
  }
  assert.equal(catalog.resolve('CC6.1').exact?.id, 'CC6.1');
  assert.equal(catalog.resolve('ZZ9.9').alias, undefined);
});

test('unknown-criterion message names the alias target', async () => {
  const f = await findings(edit(baseRepo(), 'policies/access.md', 'criteria: [CC6.1]', 'criteria: [cc6.1]'), 'unknown-criterion');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^cc6\.1 is not a criterion id as written; did you mean CC6\.1/);
});

test('unknown-criterion is quiet on real ids', async () => {
  assert.deepEqual(await findings(baseRepo(), 'unknown-criterion'), []);
});

test('unknown-criterion covers risks', async () => {
  const { riskRepo } = await import('../risk-helpers');
  const f = await findings(riskRepo({ criteria: '[CC6.1, CC6.9]' }), 'unknown-criterion');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [['risks/register.yaml:9:23', 'CC6.9 is not a Trust Services Criteria id; nearest: CC6.1, CC6.2, CC6.3.']]);
  assert.deepEqual(await findings(riskRepo(), 'unknown-criterion'), []);
});

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'unknown-criterion').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('unknown-criterion: an alias gets one suggestion, as message and data; an unknown id its three nearest', async () => {
  const files = edit(edit(baseRepo(), 'policies/access.md', 'criteria: [CC6.1]', 'criteria: [cc6.1]'), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, CC6.9]');
  assert.deepEqual(await exact(files), [
    { at: 'controls/access.yaml:7:23', message: 'CC6.9 is not a Trust Services Criteria id; nearest: CC6.1, CC6.2, CC6.3.', data: { suggestions: ['CC6.1', 'CC6.2', 'CC6.3'] } },
    { at: 'policies/access.md:6:12', message: `cc6.1 is not a criterion id as written; did you mean CC6.1 (${new CriteriaCatalog().resolve('CC6.1').exact!.summary})?`, data: { suggestions: ['CC6.1'] } },
  ]);
});

test('unknown-criterion covers vendor CSOCs, the description\'s CUECs and soc2.yaml exclusions', async () => {
  const files = descriptionRepo({ frontMatter: ['cuecs:', '  - id: CUEC-01', '    description: Customers remove their leavers.', '    criteria: [CC6.2, CC6.92]'] });
  files['vendors/register.yaml'] = files['vendors/register.yaml'].replace('criteria: [CC6.4]', 'criteria: [CC6.94]');
  const withExclusion = edit(files, 'soc2.yaml', 'categories: [security]', 'categories: [security]\n  exclusions:\n    - criterion: CC6.93\n      reason: Not ours.');
  assert.deepEqual((await exact(withExclusion)).map((x) => `${x.at.replace(/:\d+:\d+$/, '')} ${x.message.split(' ')[0]}`).sort(), [
    'soc2.yaml CC6.93', 'system/description.md CC6.92', 'vendors/register.yaml CC6.94',
  ]);
});
