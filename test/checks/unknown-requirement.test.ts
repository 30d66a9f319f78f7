import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findings } from '../helpers';
import { frameworksRepo } from '../frameworks/repo';

test('unknown-requirement: exact ids of built-in and repo frameworks pass', async () => {
  assert.deepEqual(await findings(frameworksRepo(), 'unknown-requirement'), []);
});

test('unknown-requirement: the usual miswritings name the real id', async () => {
  for (const [raw, real] of [['A 5.15', 'A.5.15'], ['5.15', 'A.5.15'], ['A.05.15', 'A.5.15'], ['a.5.15', 'A.5.15']]) {
    const f = await findings(edit(frameworksRepo(), 'controls/access.yaml', '[A.5.15, A.8.5]', `["${raw}", A.8.5]`), 'unknown-requirement');
    assert.equal(f.length, 1, raw);
    assert.match(f[0]!.message, new RegExp(`did you mean ${real.replace(/\./g, '\\.')} `), raw);
  }
  for (const raw of ['PR.AA-5', 'PR.AA.05']) {
    const f = await findings(edit(frameworksRepo(), 'controls/access.yaml', 'acme-questionnaire: [Q-1]', `nist-csf-2.0: [${raw}]`), 'unknown-requirement');
    assert.equal(f.length, 1, raw);
    assert.match(f[0]!.message, /did you mean PR\.AA-05 /, raw);
  }
});

test('unknown-requirement: an id that is not there gets the nearest, also in a policy and an exclusion', async () => {
  let files = edit(frameworksRepo(), 'controls/access.yaml', '[A.5.15, A.8.5]', '[A.5.38, A.8.5]');
  files = edit(files, 'policies/access.md', 'criteria: [CC6.1]', 'criteria: [CC6.1]\nframeworks:\n  nist-csf-2.0: [ID.AM-06]');
  files = edit(files, 'soc2.yaml', 'requirement: A.7.4', 'requirement: A.7.15');
  files = edit(files, 'controls/access.yaml', 'acme-questionnaire: [Q-1]', 'acme-questionnaire: [Q-3]');
  const f = await findings(files, 'unknown-requirement');
  const by = (p: string) => f.filter((x) => x.at.startsWith(p)).map((x) => x.message);
  assert.equal(f.length, 4);
  assert.match(by('controls/')[0]!, /^A\.5\.38 is not a requirement of ISO\/IEC 27001:2022 Annex A; nearest: A\.5\.37/);
  assert.match(by('controls/')[1]!, /^Q-3 is not a requirement of Acme customer security questionnaire; nearest: Q-2, Q-1/);
  assert.match(by('policies/')[0]!, /^ID\.AM-06 is not a requirement of NIST Cybersecurity Framework 2\.0/);
  assert.match(by('soc2.yaml')[0]!, /^A\.7\.15 is not a requirement/);
});
