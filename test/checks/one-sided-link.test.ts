import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('one-sided-link: control lists a policy that neither lists nor mentions it', async () => {
  let files = edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: []');
  files = edit(files, 'policies/access.md', ' (AC-01)', '');
  const f = await findings(files, 'one-sided-link');
  assert.deepEqual(f.map((x) => [x.at, x.severity]), [['controls/access.yaml:8:16', 'info']]);
});

test('one-sided-link: a body mention is enough from the control side', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: []');
  assert.deepEqual(await findings(files, 'one-sided-link'), []);
});

test('one-sided-link: policy lists a control that does not list it back', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    policies: [POL-AC]\n', '');
  const f = await findings(files, 'one-sided-link');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:7:12']);
});

test('one-sided-link is quiet on two-sided links', async () => {
  assert.deepEqual(await findings(baseRepo(), 'one-sided-link'), []);
});
