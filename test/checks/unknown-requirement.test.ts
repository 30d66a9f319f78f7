import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
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

test('unknown-requirement: every finding whole, with its range and data; an unknown framework is left to unknown-framework', async () => {
  let files = edit(frameworksRepo(), 'controls/access.yaml', '[A.5.15, A.8.5]', '["A 5.15", A.8.5, A.5.38]');
  files = edit(files, 'controls/access.yaml', 'acme-questionnaire: [Q-1]', 'acme-questionnaire: [Q-1, Q-3]\n      nist-csf-2.0: [PR.AA-5]\n      no-such-fw: [X-1]\n      empty-fw: [E-1]');
  files = edit(files, 'policies/access.md', 'criteria: [CC6.1]', 'criteria: [CC6.1]\nframeworks:\n  nist-csf-2.0: [ID.AM-06, ID.AM-01]');
  files = edit(files, 'soc2.yaml', 'requirement: A.7.4', 'requirement: A.7.15');
  // A framework with no requirements (a schema error of its own) has no nearest id to offer.
  files['frameworks/empty-fw.yaml'] = 'id: empty-fw\nname: Empty list\nversion: "1"\nrequirements: []\n';
  const f = (await diagnose(files)).filter((d) => d.code === 'unknown-requirement').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`, severity: d.severity, message: d.message, data: d.data,
  }));
  const iso = 'iso27001-2022', csf = 'nist-csf-2.0';
  assert.deepEqual(f, [
    { at: 'controls/access.yaml:9:23-31', severity: 'error', message: 'A 5.15 is not an ISO/IEC 27001:2022 Annex A id as written; did you mean A.5.15 (Access rules)?', data: { framework: iso, suggestions: ['A.5.15'] } },
    { at: 'controls/access.yaml:9:40-46', severity: 'error', message: 'A.5.38 is not a requirement of ISO/IEC 27001:2022 Annex A; nearest: A.5.37, A.5.36, A.5.35.', data: { framework: iso, suggestions: ['A.5.37', 'A.5.36', 'A.5.35'] } },
    { at: 'controls/access.yaml:10:33-36', severity: 'error', message: 'Q-3 is not a requirement of Acme customer security questionnaire; nearest: Q-2, Q-1.', data: { framework: 'acme-questionnaire', suggestions: ['Q-2', 'Q-1'] } },
    { at: 'controls/access.yaml:11:22-29', severity: 'error', message: 'PR.AA-5 is not a NIST Cybersecurity Framework 2.0 id as written; did you mean PR.AA-05 (Least privilege access)?', data: { framework: csf, suggestions: ['PR.AA-05'] } },
    { at: 'controls/access.yaml:13:18-21', severity: 'error', message: 'E-1 is not a requirement of Empty list.', data: { framework: 'empty-fw', suggestions: [] } },
    { at: 'policies/access.md:8:18-26', severity: 'error', message: 'ID.AM-06 is not a requirement of NIST Cybersecurity Framework 2.0; nearest: ID.AM-05, ID.AM-07, ID.AM-04.', data: { framework: csf, suggestions: ['ID.AM-05', 'ID.AM-07', 'ID.AM-04'] } },
    { at: 'soc2.yaml:8:22-28', severity: 'error', message: 'A.7.15 is not a requirement of ISO/IEC 27001:2022 Annex A; nearest: A.7.14, A.7.13, A.7.12.', data: { framework: iso, suggestions: ['A.7.14', 'A.7.13', 'A.7.12'] } },
  ]);
  assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'unknown-framework').map((d) => d.message.split(' ')[0]), ['no-such-fw']);
});

test('unknown-requirement: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['soc2.yaml', 'policies/access.md', 'controls/access.yaml']) {
    const files = { ...frameworksRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});
