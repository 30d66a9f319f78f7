import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findings } from '../helpers';
import { frameworksRepo } from '../frameworks/repo';

test('unmapped-requirement: one per in-scope requirement not mapped, excluded ones left out, on the framework entry', async () => {
  const f = await findings(frameworksRepo(), 'unmapped-requirement');
  const iso = f.filter((x) => x.message.startsWith('iso27001-2022 '));
  assert.equal(iso.length, 93 - 2 - 1); // A.5.15 and A.8.5 covered, A.7.4 excluded
  for (const id of ['A.5.15', 'A.8.5', 'A.7.4']) assert.ok(!iso.some((x) => x.message.startsWith(`iso27001-2022 ${id} `)), id);
  assert.ok(iso.every((x) => x.at === 'soc2.yaml:6:9'), iso[0]!.at);
  const repo = f.filter((x) => x.message.startsWith('acme-questionnaire '));
  assert.deepEqual(repo.map((x) => x.message), ['acme-questionnaire Q-2 (Laptops are encrypted) has no implemented or partial control.']);
  assert.equal(repo[0]!.at, 'soc2.yaml:10:5');
});

test('unmapped-requirement: planned controls do not cover, partial ones do; no framework in scope, no finding', async () => {
  const planned = await findings(edit(frameworksRepo(), 'controls/access.yaml', 'status: implemented', 'status: planned'), 'unmapped-requirement');
  assert.match(planned.find((x) => x.message.startsWith('iso27001-2022 A.5.15 '))!.message, /only planned: AC-01\.$/);
  const partial = await findings(edit(frameworksRepo(), 'controls/access.yaml', 'status: implemented', 'status: partial'), 'unmapped-requirement');
  assert.ok(!partial.some((x) => x.message.startsWith('iso27001-2022 A.5.15 ')));
  const none = edit(frameworksRepo(), 'soc2.yaml', '  - id: iso27001-2022', '  - id: unused');
  assert.ok(!(await findings(none, 'unmapped-requirement')).some((x) => x.message.startsWith('iso27001')));
});
