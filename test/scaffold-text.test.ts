import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendControlSnippet, checkNewFileName, writeOutcome } from '../client/src/scaffold-text';
import { parseControls } from '../server/src/engine/parse-controls';
import { scaffold } from '../server/src/scaffold/scaffold';
import { expandSnippet, SNIPPET_VARIABLES } from './helpers/snippets';

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '..', 'snippets', 'controls.code-snippets.json'), 'utf8')) as Record<string, { body: string[] }>;
const MFA = SNIPPETS['SOC 2 control AC-04: Multi-factor authentication'].body.join('\n');

/** What the editor ends up with: the snippet inserted at the end and accepted with its defaults. */
function insert(existing: string, body = MFA): string {
  const r = appendControlSnippet(existing, body);
  if ('error' in r) throw new Error(r.error);
  return existing + expandSnippet(r.snippet, SNIPPET_VARIABLES);
}

test('a control snippet appended to a scaffolded controls file keeps its list and parses', () => {
  const files = scaffold({ organization: 'X', reportType: 1, categories: ['security'], owner: 'o', today: '2026-07-15', templates: ['encryption'] });
  const existing = files.get('controls/encryption.yaml')!;
  const after = insert(existing);
  assert.ok(after.startsWith(existing), 'the existing text is untouched');
  const parsed = parseControls('controls/encryption.yaml', after);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.controls.map((c) => c.id), ['CR-01', 'CR-02', 'CR-03', 'AC-04']);
  assert.match(after, /\n {8}path: cryptography\/key-management\n\n {2}- id: AC-04\n {4}title: /);
});

test('the snippet follows the file: indentation of its items, line endings, missing final newline, empty file', () => {
  assert.match(insert('controls:\n- id: A\n  title: a'), /^controls:\n- id: A\n {2}title: a\n\n- id: AC-04\n {2}title: /);
  assert.match(insert('controls:\r\n    - id: A\r\n'), /^controls:\r\n {4}- id: A\r\n\r\n {4}- id: AC-04\r\n {6}title: /);
  assert.match(insert('controls:\n  - id: A\n\n'), /^controls:\n {2}- id: A\n\n {2}- id: AC-04\n/);
  const fresh = insert('');
  assert.match(fresh, /^controls:\n {2}- id: AC-04\n/);
  assert.deepEqual(parseControls('c.yaml', fresh).problems, []);
  assert.ok(fresh.endsWith('\n'));
});

test('a file that holds a single control or an inline list is refused, not rewritten', () => {
  assert.deepEqual(appendControlSnippet('id: A\ntitle: a\n', MFA), { error: 'it holds a single control, not a `controls:` list' });
  assert.deepEqual(appendControlSnippet('controls: [{ id: A }]\n', MFA),
    { error: 'its `controls:` list is written inline (`controls: [...]`); write it as a block list to add controls to it' });
});

test('new file names must stay under their folder with the right extension', () => {
  assert.equal(checkNewFileName('policies/encryption.md', 'policies', ['.md']), undefined);
  assert.equal(checkNewFileName('policies/it/encryption.MD', 'policies', ['.md']), undefined);
  assert.equal(checkNewFileName(' ', 'policies', ['.md']), 'Give a file name.');
  assert.equal(checkNewFileName('/etc/passwd.md', 'policies', ['.md']), 'Give a path relative to the repo, under policies/.');
  assert.equal(checkNewFileName('C:\\x\\p.md', 'policies', ['.md']), 'Give a path relative to the repo, under policies/.');
  assert.equal(checkNewFileName('policies/../soc2.md', 'policies', ['.md']), 'The path may not contain empty, "." or ".." parts.');
  assert.equal(checkNewFileName('docs/p.md', 'policies', ['.md']), 'The file goes under policies/.');
  assert.equal(checkNewFileName('controls/a.json', 'controls', ['.yaml', '.yml']), 'The file name ends in .yaml or .yml.');
});

test('the outcome message names what was skipped', () => {
  assert.equal(writeOutcome(['a'], []), 'Wrote 1 file.');
  assert.equal(writeOutcome(['a', 'b'], ['soc2.yaml']), 'Wrote 2 files. Skipped 1 that already exists (left as they are): soc2.yaml.');
  assert.equal(writeOutcome([], ['1', '2', '3', '4', '5', '6', '7'], ['x (denied)']),
    'Wrote 0 files. Skipped 7 that already exist (left as they are): 1, 2, 3, 4, 5 and 2 more. Could not write x (denied).');
});
