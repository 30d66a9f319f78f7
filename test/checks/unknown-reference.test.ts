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

test('unknown-reference: an explicit front matter list is an error, a prose mention a warning', async () => {
  let files = edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-01, AC-09]');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01) and [the old review](#AC-08) and AC-07.');
  assert.deepEqual((await findings(files, 'unknown-reference')).map((x) => `${x.at} ${x.severity}`),
    ['policies/access.md:7:19 error', 'policies/access.md:12:81 warning', 'policies/access.md:12:92 warning']);
});

test('unknown-reference: a word is an id only with the repo id shape and when it names no standard', async () => {
  // Controls named A-01 and P-03: A-130, P-256 and SSAE-18 are documents and curves, A-09 is a typo of an id.
  let files = edit(baseRepo(), 'controls/access.yaml', '  - id: AC-01', '  - id: A-01');
  files = edit(files, 'policies/access.md', 'controls: [AC-01]', 'controls: [A-01]');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).',
    'by each system owner (A-01). We follow OMB Circular A-130, sign on curve P-256, hash with SHA-256, encrypt with AES-256, report under SSAE-18, and run A-09.');
  const f = await findings(files, 'unknown-reference');
  assert.deepEqual(f.map((x) => x.message), ['Policy POL-AC mentions control A-09, which does not exist.']);
  const p = edit(files, 'controls/access.yaml', '  - id: A-01', '  - id: P-03');
  const again = edit(p, 'policies/access.md', 'controls: [A-01]', 'controls: [P-03]');
  assert.deepEqual((await findings(again, 'unknown-reference')).map((x) => x.message), [], 'with P-03 as the only id, P-256 is still a curve and A-09 has an unknown prefix');
});
