import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findings } from '../helpers';
import { frameworksRepo } from '../frameworks/repo';

test('unknown-framework: built-in and repo frameworks are known, nothing fires', async () => {
  assert.deepEqual(await findings(frameworksRepo(), 'unknown-framework'), []);
});

test('unknown-framework: a misspelt id in a control and in soc2.yaml, with the nearest', async () => {
  let files = edit(frameworksRepo(), 'controls/access.yaml', 'iso27001-2022: [A.5.15', 'iso27001: [A.5.15');
  files = edit(files, 'soc2.yaml', '  - acme-questionnaire', '  - nist-csf-2');
  const f = await findings(files, 'unknown-framework');
  assert.equal(f.length, 2);
  assert.match(f.find((x) => x.at.startsWith('controls/'))!.message, /^iso27001 is not a known framework; did you mean iso27001-2022\?/);
  assert.match(f.find((x) => x.at.startsWith('soc2.yaml'))!.message, /^nist-csf-2 is not a known framework; did you mean nist-csf-2\.0/);
});

test('unknown-framework: removing the repo framework file makes its id unknown', async () => {
  const files = frameworksRepo();
  delete files['frameworks/acme-questionnaire.yaml'];
  const f = await findings(files, 'unknown-framework');
  assert.deepEqual(f.map((x) => x.at.split(':')[0]).sort(), ['controls/access.yaml', 'soc2.yaml']);
  assert.match(f[0]!.message, /frameworks\/acme-questionnaire\.yaml/);
});

test('unknown-framework: TSC criteria under frameworks are pointed back to criteria', async () => {
  const files = edit(frameworksRepo(), 'controls/access.yaml', 'acme-questionnaire: [Q-1]', 'tsc-2017: [CC6.1]');
  const f = await findings(files, 'unknown-framework');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.match(f[0]!.message, /under `criteria`/);
});
