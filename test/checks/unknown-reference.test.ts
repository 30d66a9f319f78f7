import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('unknown-reference: a policy lists a control that does not exist', async () => {
  const f = await findings(edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-01, AC-09]'), 'unknown-reference');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:7:19']);
  assert.equal(f[0].message, 'Policy POL-AC lists control AC-09, which does not exist.');
});

test('unknown-reference: a control names a policy that does not exist', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'policies: [POL-AC]', 'policies: [POL-AC, POL-XX]'), 'unknown-reference');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:8:24']);
});

test('unknown-reference: a body mention with a known prefix counts, other id-shaped words do not', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01) and AC-07, using SHA-256 and ISO-27001.');
  const f = await findings(files, 'unknown-reference');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:12:63']);
  assert.match(f[0].message, /mentions control AC-07/);
});

test('unknown-reference ignores ids in code blocks', async () => {
  const files = edit(baseRepo(), 'policies/access.md', '# Access Control Policy\n', '# Access Control Policy\n\n```\nAC-99\n```\n');
  assert.deepEqual(await findings(files, 'unknown-reference'), []);
});

test('unknown-reference is quiet when every reference resolves', async () => {
  assert.deepEqual(await findings(baseRepo(), 'unknown-reference'), []);
});
