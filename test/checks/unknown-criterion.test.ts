import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';
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
