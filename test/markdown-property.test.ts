import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findFrontMatter, nextLine, scanBlocks, type Block } from '../server/src/engine/markdown-blocks';
import { readBody } from '../server/src/engine/parse-policy';
import { LineIndex } from '../server/src/engine/text';
import { oracleBlocks } from './helpers/markdown-oracle';
import { Gen, mulberry32 } from './helpers/markdown-generator';

/**
 * The engine reads policy Markdown with one scanner (markdown-blocks.ts), in the CLI and the editor alike.
 * Here it is held to a CommonMark + GitHub-tables parser (micromark/mdast) on thousands of generated
 * documents and on every Markdown file in the repository: same sentences (text and position), mentions,
 * table rows and sections. `strict` turns off the scanner's deliberate extras (pandoc-indented lists,
 * admonitions, grid tables), which CommonMark reads as code or text; their own tests are in parsers.test.ts.
 */
export function view(text: string, blocks: Block[]) {
  const body = readBody(text, blocks, new LineIndex(text));
  const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return {
    sentences: body.sentences.map((s) => `${at(s.range)}${s.listDepth ? ` item${s.listDepth}` : ''}${s.row !== undefined ? ' row' : ''} ${s.text}`),
    mentions: body.mentions.map((m) => `${m.id}@${at(m.range)}`),
    sections: body.sections.map((s) => `${at(s.range)} ${s.level} ${s.title} ..${s.fullRange.end.line}`),
    rows: body.tableRows.map((r) => `${r.table} ${at(r.range)} [${r.header.length}]`),
  };
}

function strictView(text: string) {
  const fm = findFrontMatter(text);
  return view(text, scanBlocks(text, fm ? nextLine(text, fm.end) : 0, { strict: true }));
}
function oracleView(text: string) { return view(text, oracleBlocks(text)); }

/** A short failure message: the first entry that differs, and the lines of the document around it. */
function firstDifference(text: string, a: ReturnType<typeof view>, b: ReturnType<typeof view>, name: string): string {
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    const i = a[key].findIndex((x, j) => x !== b[key][j]);
    const at = i >= 0 ? i : a[key].length !== b[key].length ? Math.min(a[key].length, b[key].length) : -1;
    if (at < 0) continue;
    const line = Number(/^(?:\S+@|\d+ )?(\d+):/.exec(a[key][at] ?? b[key][at] ?? '')?.[1] ?? 0);
    const lines = text.split(/\r?\n/);
    const context = lines.slice(Math.max(0, line - 8), line + 4).map((l, k) => `${Math.max(0, line - 8) + k}: ${JSON.stringify(l)}`).join('\n');
    return `${name}, ${key}[${at}]:\n  reader: ${a[key][at]}\n  oracle: ${b[key][at]}\n${context}`;
  }
  return name;
}

const DOCUMENTS = 2000;

test(`the Markdown reader agrees with CommonMark + GitHub tables on ${DOCUMENTS} generated policies`, () => {
  const gen = new Gen(mulberry32(Number(process.env.SOC2_PROPERTY_SEED ?? 20261130)));
  let rows = 0, items = 0;
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = gen.document();
    const mine = strictView(text);
    const expected = oracleView(text);
    assert.deepEqual(mine, expected, firstDifference(text, mine, expected, `document ${i}`));
    rows += mine.rows.length;
    items += mine.sentences.filter((s) => / item\d/.test(s)).length;
  }
  // The generator must really produce what it claims to test.
  assert.ok(rows > DOCUMENTS / 4, `only ${rows} table rows generated`);
  assert.ok(items > DOCUMENTS, `only ${items} list item sentences generated`);
});

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

test('the Markdown reader agrees with CommonMark + GitHub tables on every Markdown file in the repository', () => {
  const root = join(__dirname, '..');
  const files = ['examples', 'templates', join('test', 'fixtures')].flatMap((d) => markdownFiles(join(root, d)));
  assert.ok(files.length > 40, `only ${files.length} files found`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.deepEqual(strictView(text), oracleView(text), f);
  }
});
