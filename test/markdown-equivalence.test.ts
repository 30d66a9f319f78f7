import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '../server/src/engine/parse-policy';

/** The fast block scanner must read policies exactly as remark does: same sentences, mentions and sections. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

function view(text: string, markdown: 'fast' | 'remark') {
  const r = parsePolicy('p.md', text, undefined, { markdown });
  return {
    problems: r.problems.map((p) => `${p.code}@${p.range.start.line}:${p.range.start.character}`),
    sections: r.sections.map((s) => `${s.level} ${s.title} ${s.range.start.line}:${s.range.start.character}-${s.fullRange.end.line}`),
    sentences: r.policy?.sentences.map((s) => `${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character} ${s.text}`),
    mentions: r.policy?.mentions.map((m) => `${m.id}@${m.range.start.line}:${m.range.start.character}`),
  };
}

const EDGE_CASES = [
  '---\nid: P\n---\n# Title\n\nText with AC-01 quarterly.\n\n```\nAC-02 in code\n```\n\n    AC-03 indented code\n\n- item AC-04\n  continued annually.\n- second\n\n> quoted AC-05\n> more.\n\n<div>\nAC-06 html\n</div>\n\n[ref]: https://example.com/AC-07\n\nSetext AC-08\n---\n\n1. one\n\n   para in item AC-09.\n\n       code in item AC-10\n\n***\n\n## Closing ## \n',
  '---\r\nid: P\r\n---\r\nLine one AC-01.\r\nLine two monthly.\r\n\r\n~~~md\r\nAC-02\r\n~~~\r\n',
  '---\nid: P\n---\nNo trailing newline AC-01',
  '---\nid: P\n---\n- a\n- b\n\n  - nested AC-01\n\n2026. A year is not a list when it interrupts\ntext AC-02.\n',
  '---\nid: P\n---\n| Control | Frequency |\n|---|---|\n| AC-01 | quarterly |\n',
  '---\nid: P\n---\n<!-- comment AC-01\nstill comment -->\nAfter AC-02.\n',
];

test('fast scanner and remark agree on every Markdown file in the repository', () => {
  const root = join(__dirname, '..');
  const files = [...markdownFiles(join(root, 'examples')), ...markdownFiles(join(root, 'templates')), ...markdownFiles(join(root, 'test', 'fixtures'))];
  assert.equal(files.length > 10, true, `only ${files.length} files found`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.deepEqual(view(text, 'fast'), view(text, 'remark'), f);
  }
});

test('fast scanner and remark agree on block edge cases', () => {
  for (const text of EDGE_CASES) assert.deepEqual(view(text, 'fast'), view(text, 'remark'), JSON.stringify(text));
});
