import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
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

test('unmapped-requirement: whole findings; status-less controls count as planned, not-applicable ones not at all; SOC 2 and unknown frameworks are skipped', async () => {
  let files = edit(frameworksRepo(), 'controls/access.yaml', 'status: implemented', 'status: planned');
  files = edit(files, 'soc2.yaml', '  - acme-questionnaire', '  - acme-questionnaire\n  - tsc-2017\n  - no-such-fw');
  files = edit(files, 'controls/access.yaml', '    evidence:', '    evidence: []\n  - id: AC-02\n    title: Two\n    owner: bob@example.com\n    criteria: [CC6.1]\n'
    + '    frameworks:\n      iso27001-2022: [A.5.15, A.5.16]\n  - id: AC-03\n    title: Three\n    owner: bob@example.com\n    status: not-applicable\n    criteria: [CC6.1]\n'
    + '    frameworks:\n      iso27001-2022: [A.5.15, A.5.17]\n    evidence:');
  const f = (await diagnose(files)).filter((d) => d.code === 'unmapped-requirement');
  const pick = f.filter((d) => /^(iso27001-2022 A\.5\.1[5-7]|acme-questionnaire) /.test(d.message)).map((d) => ({
    range: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, message: d.message, data: d.data,
  }));
  const iso = '6:9-6:22', acme = '10:5-10:23';
  assert.deepEqual(pick, [
    { range: iso, message: 'iso27001-2022 A.5.15 (Access rules) has no implemented or partial control; only planned: AC-01, AC-02.', data: { framework: 'iso27001-2022', requirement: 'A.5.15' } },
    { range: iso, message: 'iso27001-2022 A.5.16 (Identity lifecycle) has no implemented or partial control; only planned: AC-02.', data: { framework: 'iso27001-2022', requirement: 'A.5.16' } },
    { range: iso, message: 'iso27001-2022 A.5.17 (Credentials handling) has no implemented or partial control.', data: { framework: 'iso27001-2022', requirement: 'A.5.17' } },
    { range: acme, message: 'acme-questionnaire Q-1 (Access is reviewed at least quarterly) has no implemented or partial control; only planned: AC-01.', data: { framework: 'acme-questionnaire', requirement: 'Q-1' } },
    { range: acme, message: 'acme-questionnaire Q-2 (Laptops are encrypted) has no implemented or partial control.', data: { framework: 'acme-questionnaire', requirement: 'Q-2' } },
  ]);
  // ISO's 93 less the excluded A.7.4, and the questionnaire's 2: nothing of tsc-2017 (unmapped-criterion's) or of the unknown framework.
  assert.equal(f.length, 92 + 2);
  assert.deepEqual([...new Set(f.map((d) => d.message.split(' ')[0]))], ['iso27001-2022', 'acme-questionnaire']);
  assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'internal-error'), []);
  // An unknown framework first in the list does not stop the ones after it.
  const first = edit(frameworksRepo(), 'soc2.yaml', '  - id: iso27001-2022', '  - no-such-fw\n  - id: iso27001-2022');
  assert.equal((await findings(first, 'unmapped-requirement')).length, 90 + 1);
});

test('unmapped-requirement: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['soc2.yaml', 'policies/access.md', 'controls/access.yaml']) {
    const files = { ...frameworksRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});
