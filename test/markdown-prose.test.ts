import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../server/src/engine/parse-policy';

const body = (text: string) => parsePolicy('p.md', `---\nid: P\n---\n${text}`).policy!;
const sentences = (text: string) => body(text).sentences.map((s) => s.text.replace(/\s+/g, ' '));

test('no hidden prose: a pandoc-style policy (4-space lettered and roman items) yields its sentences', () => {
  const text = '## Access\n\n    a. Each month, IT and HR review accounts.\n    b. Leavers are removed promptly.\n\n        i. Each grant has an end date.\n        ii. Admin rights are reviewed periodically.\n\nAfter the list.\n';
  assert.deepEqual(sentences(text), ['## Access', 'Each month, IT and HR review accounts.', 'Leavers are removed promptly.',
    'Each grant has an end date.', 'Admin rights are reviewed periodically.', 'After the list.']);
  assert.deepEqual(body(text).sentences.find((s) => s.text.startsWith('Leavers'))!.range.start, { line: 6, character: 7 });
  assert.equal(body(text).sentences[1].frequencies[0].frequency, 'monthly');
});

test('mkdocs admonition bodies are prose, with or without a blank line; code-like indented blocks and fences stay code', () => {
  const text = '!!! note "Keys"\n    Keys rotate yearly.\n\n??? warning\n\n    Tokens expire daily.\n\nThe script:\n\n    x = rotate(AC-01);\n    if (x) { log(); }\n\n```\nAC-02 quarterly\n```\n\n    - a list item that runs(code);\n\n!!! example\n    curl https://x.example/AC-03 | sh;\n';
  assert.deepEqual(sentences(text), ['Keys rotate yearly.', 'Tokens expire daily.', 'The script:']);
  assert.deepEqual(body(text).mentions, []);
});

test('a list item keeps its text after a nested list (the CLI and the editor once disagreed here)', () => {
  assert.deepEqual(sentences('1.  Parent item text.\n\n    - Child item.\n\n    Parent continuation is reviewed periodically.\n'),
    ['Parent item text.', 'Child item.', 'Parent continuation is reviewed periodically.']);
});

test('tables: each body row is one sentence and a structured row (cells, header, range, section); pipe and grid tables', () => {
  const p = body('## Schedule\n\nIntro:\n| Control | Frequency |\n|---|:-:|\n| AC-01 access review | quarterly |\n| Backups \\| restore | daily. Owner: IT. |\n\n'
    + '+-----------+-------------+\n| Term      | Meaning     |\n+===========+=============+\n| Sensitive | data that   |\n|           | is secret.  |\n+-----------+-------------+\n');
  assert.deepEqual(p.tableRows.map((r) => [r.table, r.section, r.header.map((h) => h.text), r.cells.map((c) => c.text)]), [
    [0, 'Schedule', ['Control', 'Frequency'], ['AC-01 access review', 'quarterly']],
    [0, 'Schedule', ['Control', 'Frequency'], ['Backups \\| restore', 'daily. Owner: IT.']],
    [1, 'Schedule', ['Term', 'Meaning'], ['Sensitive', 'data that is secret.']],
  ]);
  const row = p.tableRows[0];
  assert.deepEqual(row.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 35 } });
  assert.deepEqual(row.cells[1].range, { start: { line: 8, character: 24 }, end: { line: 8, character: 33 } });
  const sentence = p.sentences[row.sentence];
  assert.equal(sentence.row, 0);
  assert.deepEqual(sentence.frequencies.map((f) => f.frequency), ['quarterly']);
  assert.deepEqual(p.mentions.map((m) => [m.id, m.sentence]), [['AC-01', row.sentence]]);
  assert.deepEqual(p.sentences.filter((s) => s.row === undefined).map((s) => s.text), ['## Schedule', 'Intro:']);
});
