import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

test('unmapped-criterion: one per in-scope criterion, on the category entry in soc2.yaml', async () => {
  const files = edit(baseRepo(), 'soc2.yaml', 'categories: [security]', 'categories: [security, availability]\n  exclusions:\n    - criterion: CC6.4\n      reason: Cloud provider');
  const f = await findings(files, 'unmapped-criterion');
  const ids = f.map((x) => x.message.split(' ')[0]);
  assert.equal(ids.length, 33 - 1 - 1 + 3); // 33 security - CC6.1 covered - CC6.4 excluded + 3 availability
  assert.equal(ids.includes('CC6.1'), false);
  assert.equal(ids.includes('CC6.4'), false);
  assert.deepEqual(f.filter((x) => x.message.startsWith('A1.')).map((x) => x.at), ['soc2.yaml:6:26', 'soc2.yaml:6:26', 'soc2.yaml:6:26']);
  assert.equal(f.find((x) => x.message.startsWith('CC1.1'))?.at, 'soc2.yaml:6:16');
});

test('unmapped-criterion counts partial controls but not planned ones', async () => {
  const planned = edit(baseRepo(), 'controls/access.yaml', 'status: implemented', 'status: planned');
  const f = await findings(planned, 'unmapped-criterion');
  assert.match(f.find((x) => x.message.startsWith('CC6.1 '))!.message, /only planned: AC-01\.$/);
  const partial = edit(baseRepo(), 'controls/access.yaml', 'status: implemented', 'status: partial');
  assert.equal((await findings(partial, 'unmapped-criterion')).some((x) => x.message.startsWith('CC6.1 ')), false);
});

const CC11 = 'CC1.1 (Show a commitment to integrity and ethics: a code of conduct, tone from leadership, and handling of breaches of it) has no implemented or partial control.';

/** unmapped-criterion findings of some criteria, whole: range, message and data. */
async function whole(files: Record<string, string>, ...ids: string[]) {
  return (await diagnose(files)).filter((d) => d.code === 'unmapped-criterion' && ids.includes(d.message.split(' ')[0])).map((d) => ({
    range: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, message: d.message, data: d.data,
  }));
}

test('unmapped-criterion: the whole message and data; planned and status-less controls are named as planned, not-applicable ones not at all', async () => {
  let files = edit(baseRepo(), 'controls/access.yaml', 'status: implemented', 'status: planned');
  files = edit(files, 'controls/access.yaml', '    evidence:', '    evidence: []\n  - id: AC-02\n    title: Two\n    owner: bob@example.com\n    criteria: [CC6.1]\n'
    + '  - id: AC-03\n    title: Three\n    owner: bob@example.com\n    status: not-applicable\n    criteria: [CC6.1]\n    evidence:');
  assert.deepEqual(await whole(files, 'CC1.1', 'CC6.1', 'CC6.8'), [
    { range: '6:16-6:24', message: CC11, data: { criterion: 'CC1.1' } },
    { range: '6:16-6:24', data: { criterion: 'CC6.1' },
      message: 'CC6.1 (Restrict logical access to systems and data with identity, authentication and authorization controls, and protect the access infrastructure) has no implemented or partial control; only planned: AC-01, AC-02.' },
    // Only the closing full stop of the summary goes, not the one of "e.g.".
    { range: '6:16-6:24', data: { criterion: 'CC6.8' },
      message: 'CC6.8 (Prevent or detect unauthorised and malicious software, e.g. anti-malware and limits on what can be installed) has no implemented or partial control.' },
  ]);
  // Only not-applicable: a gap with nothing planned.
  const na = edit(baseRepo(), 'controls/access.yaml', 'status: implemented', 'status: not-applicable');
  assert.match((await whole(na, 'CC6.1'))[0].message, /has no implemented or partial control\.$/);
});

test('unmapped-criterion: security is always in scope; with no entry of its own it is reported on `categories`, with no categories at all on the first line', async () => {
  const availability = edit(baseRepo(), 'soc2.yaml', 'categories: [security]', 'categories: [availability]');
  assert.deepEqual((await whole(availability, 'CC1.1', 'A1.1')).map((x) => `${x.range} ${x.message.split(' ')[0]}`), ['6:3-6:13 CC1.1', '6:16-6:28 A1.1']);
  const none = edit(baseRepo(), 'soc2.yaml', 'scope:\n  categories: [security]\n', '');
  const f = await whole(none, 'CC1.1', 'A1.1');
  assert.deepEqual(f, [{ range: '1:1-1:1', message: CC11, data: { criterion: 'CC1.1' } }]);
  assert.equal((await findings(none, 'unmapped-criterion')).length, 33 - 1);
});

test('unmapped-criterion: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['soc2.yaml']) {
    const files = { ...baseRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});
