/**
 * The YAML fast path (server/src/engine/yaml-fast.ts) against the `yaml` library: wherever it reads a text,
 * its nodes, ranges, values and data must be the library's exactly; wherever it is unsure it must decline.
 * Real files, the benchmark generator's repo, hand-written edge cases, a seeded grammar and seeded mutations
 * of real files all go through the same comparison (test/helpers/yaml-diff.ts). No timings here: the speed
 * is measured by the benchmark (bench/yaml-parse.ts).
 *
 * Seen red on purpose: `true` resolved as a string, a block scalar's range started one character late,
 * `flow` left false on flow lists, and a reader that always declines each fail several of these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { compareWithLibrary, type Outcome } from './helpers/yaml-diff';
import { grammarText, mutatedText, PLAIN, QUOTED, rng } from './helpers/yaml-cases';
import { hostileRepo } from './hostile-fixture';
import { fastPath, readFast } from '../server/src/engine/yaml-fast';
import { findFrontMatter } from '../server/src/engine/markdown-blocks';
import { generate } from '../bench/generate';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { loadProject } from '../server/src/engine/load';
import { CHECKS } from '../server/src/checks';

const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'acme-saas');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The YAML texts the engine reads from a file: the whole of a .yaml file, the front matter of a .md file. */
function yamlTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
  if (/\.ya?ml$/.test(file)) return [text];
  if (!file.endsWith('.md')) return [];
  const fm = findFrontMatter(text);
  return fm ? [text.slice(fm.contentStart, fm.contentEnd)] : [];
}

function libraryErrs(text: string): boolean {
  return parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' }).some((d) => d.errors.length > 0 || d.warnings.length > 0);
}

function tally(texts: Iterable<[string, string]>): { fast: string[]; bailed: string[] } {
  const out = { fast: [] as string[], bailed: [] as string[] };
  for (const [name, text] of texts) out[compareWithLibrary(text)].push(name);
  return out;
}

test('every file of the example repo is read on the fast path, exactly as the library reads it', () => {
  const texts = walk(EXAMPLE).flatMap((f) => yamlTexts(f).map((t): [string, string] => [f, t]));
  assert.ok(texts.length >= 20, `only ${texts.length} YAML texts found`);
  const { fast, bailed } = tally(texts);
  assert.deepEqual(bailed, []);
  assert.equal(fast.length, texts.length);
});

test('fixtures, templates and the hostile repo: the fast path equals the library wherever it reads', () => {
  const files = [...walk(join(ROOT, 'test')), ...walk(join(ROOT, 'templates'))];
  const texts: [string, string][] = files.flatMap((f) => yamlTexts(f).map((t): [string, string] => [f, t]));
  for (const [name, text] of Object.entries(hostileRepo())) for (const t of yamlTexts(name, text)) texts.push([name, t]);
  const { fast, bailed } = tally(texts);
  assert.ok(texts.length > 150, `only ${texts.length} texts`);
  // Most fixtures are ordinary files; the ones declined are the broken ones or outside the subset on purpose.
  assert.ok(fast.length > texts.length * 0.8, `fast on ${fast.length} of ${texts.length}`);
  assert.ok(bailed.length > 0, 'some fixture is meant to be broken; a fast path that reads everything is suspect');
});

test('the benchmark repo: every controls file and front matter the library reads cleanly is read on the fast path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-yaml-fast-'));
  try {
    generate({ scale: 0.05, outDir: dir });
    const texts = walk(dir).flatMap((f) => yamlTexts(f).map((t): [string, string] => [f, t]));
    assert.ok(texts.length >= 100, `only ${texts.length} texts`);
    const { fast, bailed } = tally(texts);
    // Declined only where the generator planted a YAML problem (a repeated key, a colon in a title).
    for (const f of bailed) assert.ok(yamlTexts(f).some(libraryErrs), `declined a clean file: ${f}`);
    assert.ok(fast.length >= texts.length - 10, `fast on ${fast.length} of ${texts.length}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Edge cases with the outcome each must have; `either` where only equality matters. */
const CASES: [string, Outcome | 'either'][] = [
  ['', 'fast'], ['# only a comment\n', 'fast'], ['\n\n# a\n\n# b', 'fast'], ['---\n', 'bailed'], ['---\na: 1\n', 'fast'],
  ['# c\n---\na: 1', 'fast'], ['a: 1\n---\nb: 2\n', 'bailed'], ['a: 1\n...\n', 'bailed'], ['%YAML 1.2\n---\na: 1\n', 'bailed'],
  ['a:', 'fast'], ['a:\n', 'fast'], ['a:   \nb: 1', 'fast'], ['a: # c\nb:', 'fast'], ['a: # c', 'fast'], ['a:\n\nb: 1', 'fast'],
  ['a: 1 # c\n# d\nb: 2', 'fast'], ['a: x#y\n', 'fast'], ['a: x #y\n', 'fast'], ['a: "x # y"\n', 'fast'], ["a: 'x # y' # z\n", 'fast'],
  ['a: "x"#y\n', 'bailed'], ['a : 1\n"b" : 2\n', 'fast'], ['"a: b": 1\n\'c # d\': 2\n', 'fast'], ['a b: 1\n', 'fast'],
  ['a: b: c\n', 'bailed'], ['a: b:\n', 'bailed'], ['url: http://x.example/a:b\n', 'fast'], ['a: - b\n', 'bailed'],
  ['- - a\n  - b\n- c\n', 'fast'], ['-\n  a: 1\n  b: 2\n', 'fast'], ['- # c\n  k: 2\n', 'fast'], ['-\n-\n', 'fast'], ['- \n', 'fast'],
  ['-   x\n-   y: 1\n    z: 2\n', 'fast'], ['k:\n- a\n- b\nj: 1\n', 'fast'], ['- k:\n  - a\n  - b\n', 'fast'], ['a: 1\n- b\n', 'bailed'],
  ['a:\n  b:\n    c:\n      d:\n        - - - e\n', 'fast'], ['a:\n  b: 1\n c: 2\n', 'bailed'], ['a:\n  b: 1\n   c: 2\n', 'bailed'],
  ['a: |\n  x\n\n  y\n\nb: 1\n', 'fast'], ['a: |-\n  x\n\n', 'fast'], ['a: |+\n  x\n\n\nb: 1', 'fast'], ['a: |+\n  x', 'fast'],
  ['a: >\n  x\n  y\n\n  z\n', 'fast'], ['a: >-\n  x\n  y\n', 'fast'], ['a: >+\n  x\n\n', 'fast'], ['a: >\n  x\n   y\n', 'either'],
  ['a: |\n  x\n    y\n', 'fast'], ['a: |\n  # not a comment\n  x: y\n', 'fast'], ['a: |2\n  x\n', 'bailed'], ['a: | # c\n  x\n', 'bailed'],
  ['a: |\nb: 1\n', 'bailed'], ['- |\n  x\n- >-\n  y\n  z\n', 'fast'], ['a: |\n  x\n  \n  y\n', 'fast'], ['a: |\n  x\n     \n  y\n', 'either'],
  ['a: [CC6.1, CC6.2]\n', 'fast'], ['a: []\nb: [ ]\nc: {}\n', 'fast'], ['p: { start: 2026-01-01, end: 2026-06-30 }\n', 'fast'],
  ['a: [a , b ]\n', 'fast'], ['a: [ "x" , \'y\' ]\n', 'fast'], ['a: { "k" : v , j: "w" }\n', 'fast'], ['a: [a, [b]]\n', 'bailed'],
  ['a: [a,\n  b]\n', 'bailed'], ['a: [a, b, ]\n', 'bailed'], ['a: { x }\n', 'bailed'], ['a: {x: 1, x: 2}\n', 'bailed'], ['a: [a]#c\n', 'bailed'],
  ['a: [a] # c\n', 'fast'], ['a: [-]\n', 'bailed'], ['a: [-1, -x]\n', 'fast'], ['a: &x 1\nb: *x\n', 'bailed'], ['a: !!str 1\n', 'bailed'], ['? a\n: 1\n', 'bailed'], ['a: 1\na: 2\n', 'bailed'],
  ['a:\tb\n', 'bailed'], ['a:\n\t- b\n', 'bailed'], ['a: 1\r\nb: 2\r\n', 'bailed'], ['a: 1\rb: 2', 'bailed'], ['\ufeffa: 1\n', 'bailed'],
  ['a: x\n  y\n', 'fast'], ['a: first\n  second\n\n  third\nb: 1\n', 'fast'], ['- one\n  two\n- three\n', 'fast'],
  ['- k: x\n    y\n  j: 1\n', 'fast'], ['a: x   \n   y   \nb: 2\n', 'fast'], ['a: 1\n  2\n', 'fast'], ['a: x # c\n  y\n', 'bailed'],
  ['a: x\n  y # c\nb: 1\n', 'bailed'], ['a: x\n  - y\n', 'bailed'], ['a: x\n  y: z\n', 'bailed'], ['a: x\n  y\n  # c\nb: 1\n', 'bailed'], ['a: "x\n  y"\n', 'bailed'], ["a: 'x\n  y'\n", 'bailed'], ['a: x\n\n  y\n', 'fast'], ['hello\n', 'bailed'],
  ['[a, b]\n', 'bailed'], ['  a: 1\n', 'bailed'], ['a: 1\n  # deeper comment\nb: 2\n', 'bailed'], ['a:\n  b: 1\n# c\n  d: 2\n', 'bailed'],
  ['a:\n  b: 1\n  # c\nd: 2\n', 'either'], ['a:\n  b:\n  # c\n  d: 1\n', 'bailed'], ['a:\n  # c\n  b: 1\n', 'fast'], ['- a\n# c\n- b\n', 'fast'],
  ['a: 1\n  # c\n', 'bailed'], ['a: 1\n# c', 'fast'], ['<<: 1\n', 'bailed'], ['__proto__: 1\n', 'bailed'], ['1: a\n', 'bailed'], ['true: a\n', 'bailed'],
  ['~: a\n', 'bailed'], ['"1": a\n', 'fast'], ['a: "\\u00e9\\t\\n\\\\\\"\\/"\n', 'fast'], ['a: "\\q"\n', 'bailed'], ["a: 'it''s'\n", 'fast'],
  ['a: \'\'\nb: ""\n', 'fast'], ['a: x   \nb: y\t\n', 'bailed'], ['a: x   \n', 'fast'], ['a: ? x\n', 'bailed'], ['a: :x\n', 'bailed'],
  ['a: -x\nb: -1\nc: --x\n', 'fast'], ['a: @x\n', 'bailed'], ['a: %x\n', 'bailed'], ['a: `x\n', 'bailed'], ['a: x\u2028y\n', 'bailed'],
  ['a: \u00e9t\u00e9 \ud83d\ude00\n', 'fast'], [`${'k'.repeat(1100)}: 1\n`, 'bailed'], ['a:\n  - b\n  c: 1\n', 'bailed'],
];

test('hand-written edge cases: each is read or declined as intended, and whatever is read equals the library', () => {
  for (const [text, expected] of CASES) {
    const got = compareWithLibrary(text);
    if (expected !== 'either') assert.equal(got, expected, JSON.stringify(text));
  }
});

test('scalars of every core-schema type, plain, quoted, in flow and in block form, equal the library', () => {
  let fast = 0, total = 0;
  for (const v of PLAIN) {
    const single = `'${v.replace(/'/g, "''")}'`;
    const double = JSON.stringify(v);
    for (const form of [v, single, double, `[${v}]`, `{ k: ${v} }`, `[${single}, ${double}]`]) {
      for (const text of [`a: ${form}\n`, `- ${form}\n`, `a: ${form}`, `a: ${form} # c\n`, `- k: ${form}\n  j: 1\n`]) {
        total++;
        if (compareWithLibrary(text) === 'fast') fast++;
      }
    }
    for (const head of ['|', '>', '|-', '>+']) {
      total++;
      if (compareWithLibrary(`a: ${head}\n  ${v}\n`) === 'fast') fast++;
    }
  }
  for (const q of QUOTED) for (const text of [`a: ${q}\n`, `- ${q}\n`, `a: [${q}]\n`, `${q}: 1\n`]) {
    total++;
    if (compareWithLibrary(text) === 'fast') fast++;
  }
  // The cases are mostly well-formed: a fast path that declined them all would pass the comparison vacuously.
  assert.ok(fast > total * 0.6, `fast on ${fast} of ${total}`);
});

test('seeded grammar: thousands of generated texts are declined or equal the library exactly, never a throw', () => {
  const rnd = rng(20261130);
  let fast = 0;
  const N = 4000;
  for (let i = 0; i < N; i++) if (compareWithLibrary(grammarText(rnd)) === 'fast') fast++;
  assert.ok(fast > N * 0.1, `fast on only ${fast} of ${N}`);
});

test('seeded mutations of real files: declined or equal to the library exactly, never a throw', () => {
  const sources = walk(EXAMPLE).flatMap((f) => yamlTexts(f));
  const rnd = rng(13);
  let fast = 0;
  const N = 4000;
  for (let i = 0; i < N; i++) if (compareWithLibrary(mutatedText(rnd, sources)) === 'fast') fast++;
  assert.ok(fast > N * 0.15, `fast on only ${fast} of ${N}`);
});

test('the counters count: a read and a decline are each counted once', () => {
  const { read, declined } = fastPath;
  assert.ok(readFast('a: 1\n'));
  assert.equal(readFast('a: &x 1\n'), undefined);
  assert.deepEqual([fastPath.read - read, fastPath.declined - declined], [1, 1]);
});

test('the engine gives the same diagnostics on the example repo with and without the fast path', async () => {
  const run = async () => {
    const { project } = await loadProject(new DiskWorkspace(EXAMPLE), { checks: CHECKS, today: '2026-07-15' });
    return JSON.stringify(project.allDiagnostics());
  };
  const before = fastPath.read;
  const withFast = await run();
  assert.ok(fastPath.read - before >= 20, 'the example was not read on the fast path');
  fastPath.enabled = false;
  try {
    assert.equal(withFast, await run());
  } finally {
    fastPath.enabled = true;
  }
});
