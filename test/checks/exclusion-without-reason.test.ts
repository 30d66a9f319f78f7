import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findings } from '../helpers';
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
