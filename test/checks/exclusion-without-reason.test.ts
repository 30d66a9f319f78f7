import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { frameworksRepo } from '../frameworks/repo';

test('exclusion-without-reason: exclusions with reasons pass', async () => {
  assert.deepEqual(await findings(frameworksRepo(), 'exclusion-without-reason'), []);
});

test('exclusion-without-reason: a framework exclusion and a TSC exclusion without reason, each flagged where it stands', async () => {
  let files = edit(frameworksRepo(), 'soc2.yaml', '        reason: No premises of our own; the cloud provider monitors its data centres.\n', '        reason: "  "\n');
  files = edit(files, 'soc2.yaml', 'categories: [security]', 'categories: [security]\n  exclusions:\n    - criterion: CC6.4');
  const f = await findings(files, 'exclusion-without-reason');
  assert.equal(f.length, 2);
  assert.match(f[0]!.message, /^The exclusion of iso27001-2022 A\.7\.4 gives no reason.*Statement of Applicability/);
  assert.equal(f[0]!.at, 'soc2.yaml:8:22');
  assert.match(f[1]!.message, /^The exclusion of CC6\.4 gives no reason/);
});

const TSC_EXCLUSION = 'categories: [security]\n  exclusions:\n    - criterion: CC6.4';

test('exclusion-without-reason: whole messages and data, for a TSC criterion and a framework requirement', async () => {
  let files = edit(frameworksRepo(), 'soc2.yaml', '        reason: No premises of our own; the cloud provider monitors its data centres.\n', '');
  files = edit(files, 'soc2.yaml', 'categories: [security]', `${TSC_EXCLUSION}\n      reason: "   "`);
  const d = (await diagnose(files)).filter((x) => x.code === 'exclusion-without-reason');
  assert.deepEqual(d.map((x) => [x.message, x.data]), [
    ['The exclusion of iso27001-2022 A.7.4 gives no reason; say why it does not apply (the Statement of Applicability must justify every exclusion).', { framework: 'iso27001-2022', requirement: 'A.7.4' }],
    ['The exclusion of CC6.4 gives no reason; say why it does not apply (auditors read this in the system description).', { criterion: 'CC6.4' }],
  ]);
});

test('exclusion-without-reason: a TSC exclusion with a reason passes', async () => {
  const files = edit(frameworksRepo(), 'soc2.yaml', 'categories: [security]', `${TSC_EXCLUSION}\n      reason: Our cloud provider runs the data centres.`);
  assert.deepEqual(await findings(files, 'exclusion-without-reason'), []);
});

test('exclusion-without-reason: the Statement of Applicability is asked for only by ISO 27001', async () => {
  let files = edit(frameworksRepo(), 'soc2.yaml', '  - acme-questionnaire\n', '  - id: acme-questionnaire\n    exclusions:\n      - requirement: Q-2\n');
  const f = await findings(files, 'exclusion-without-reason');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [['soc2.yaml:12:22', 'The exclusion of acme-questionnaire Q-2 gives no reason; say why it does not apply.']]);
  files = edit(files, 'soc2.yaml', '      - requirement: Q-2\n', '      - requirement: Q-2\n        reason: We issue no laptops.\n');
  assert.deepEqual(await findings(files, 'exclusion-without-reason'), []);
});

test('exclusion-without-reason: an unreadable soc2.yaml has no exclusions to judge, and does not break the check', async () => {
  const files: Record<string, string | Uint8Array> = { ...frameworksRepo(), 'soc2.yaml': new Uint8Array([0x6f, 0x00, 0x01, 0x02]) };
  assert.deepEqual(await findings(files, 'exclusion-without-reason'), []);
  assert.deepEqual(await findings(files, 'internal-error'), []);
  assert.equal((await findings(files, 'file-unreadable')).length, 1);
});
