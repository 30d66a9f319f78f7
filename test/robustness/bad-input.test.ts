/**
 * Bad input never crashes the engine, and each kind gets a clear diagnostic on its file while the rest
 * of the repo is still checked: encodings, binary and empty files, line endings, tabs, alias bombs,
 * duplicate keys, unterminated front matter. Deep nesting and prototype keys have their own files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit } from '../helpers';
import { aliasBomb, at, diagnoseFiles, diagnoseWorkspace, FILE_BUDGET_MS, memory, MODES, ofFile } from './support';

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const BOM = [0xef, 0xbb, 0xbf];

/** A repo with a few findings at known places, to compare positions across encodings and line endings. */
function flawed(): Record<string, string> {
  let files = edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, CC6.9]  # typo');
  files = edit(files, 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2024-03-01');
  files = edit(files, 'policies/access.md', 'Access is reviewed quarterly', 'Access is reviewed monthly');
  return files;
}

const findingsOf = (files: Record<string, string | Uint8Array>) => diagnoseWorkspace(memory(files)).then((r) => r.diagnostics.filter((d) => d.code !== 'unmapped-criterion').map(at));

test('invalid UTF-8: an encoding warning on the file, and the rest of it is still checked', async () => {
  const bad = concat(enc('controls:\n  - id: AC-02\n    title: Caf'), [0xe9, 0xff], enc(' review\n    criteria: [CC6.9]\n'));
  const { diagnostics } = await diagnoseWorkspace(memory({ ...baseRepo(), 'controls/latin1.yaml': bad }));
  const mine = ofFile(diagnostics, 'controls/latin1.yaml');
  const encoding = mine.find((d) => d.code === 'encoding');
  assert.ok(encoding, JSON.stringify(mine.map(at)));
  assert.match(encoding.message, /not valid UTF-8/);
  assert.ok(mine.some((d) => d.code === 'unknown-criterion'), 'the valid parts are still checked');
  assert.ok(diagnostics.every((d) => d.file !== 'controls/access.yaml' || d.code !== 'encoding'));
});

test('a binary file named .md or .yaml is reported unreadable, not parsed', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x2d, 0x2d, 0x2d]);
  const files = { ...baseRepo(), 'policies/logo.md': png, 'controls/logo.yaml': png, 'soc2.yaml': concat(enc(baseRepo()['soc2.yaml']), [0, 0]) };
  const { diagnostics, project } = await diagnoseWorkspace(memory(files));
  for (const f of ['policies/logo.md', 'controls/logo.yaml', 'soc2.yaml']) {
    const mine = ofFile(diagnostics, f);
    assert.deepEqual(mine.map((d) => d.code), ['file-unreadable'], f);
    assert.match(mine[0].message, /binary/);
  }
  assert.match(ofFile(diagnostics, 'soc2.yaml')[0].message, /default settings/);
  // The rest still checks, with the default settings.
  assert.deepEqual(project.file('controls/access.yaml')?.controls.map((c) => c.id), ['AC-01']);
  assert.equal(project.file('policies/access.md')?.policy?.id, 'POL-AC');
});

test('empty files: each says what it should hold', async () => {
  const { diagnostics } = await diagnoseWorkspace(memory({ ...baseRepo(), 'policies/empty.md': '', 'controls/empty.yaml': '', 'controls/blank.yml': '\n  \n# only a comment\n' }));
  assert.match(ofFile(diagnostics, 'policies/empty.md').map((d) => `${d.code}: ${d.message}`).join('\n'), /^schema: .*no front matter/);
  assert.match(ofFile(diagnostics, 'controls/empty.yaml').map((d) => `${d.code}: ${d.message}`).join('\n'), /^schema: .*empty/);
  assert.match(ofFile(diagnostics, 'controls/blank.yml').map((d) => `${d.code}: ${d.message}`).join('\n'), /^schema: .*empty/);
  const config = await diagnoseWorkspace(memory({ ...baseRepo(), 'soc2.yaml': '' }));
  assert.match(ofFile(config.diagnostics, 'soc2.yaml').map((d) => d.message).join('\n'), /defaults are used/);
});

test('a BOM is dropped: positions are those of the same file without it', async () => {
  const plain = flawed();
  const withBom: Record<string, Uint8Array> = {};
  for (const [p, t] of Object.entries(plain)) withBom[p] = concat(BOM, enc(t));
  assert.deepEqual(await findingsOf(withBom), await findingsOf(plain));
  assert.ok((await findingsOf(plain)).includes('controls/access.yaml:7:23 unknown-criterion'));
});

test('CRLF, lone CR and mixed line endings: every position is exact', async () => {
  const lf = flawed();
  const expected = await findingsOf(lf);
  assert.ok(expected.includes('controls/access.yaml:7:23 unknown-criterion'));
  assert.ok(expected.includes('controls/access.yaml:9:20 stale-review'));
  assert.ok(expected.some((f) => f.startsWith('policies/access.md:12:1 frequency-mismatch')));
  const variants: Record<string, (t: string) => string> = {
    crlf: (t) => t.replace(/\n/g, '\r\n'),
    cr: (t) => t.replace(/\n/g, '\r'),
    mixed: (t) => { let i = 0; return t.replace(/\n/g, () => (i++ % 3 === 0 ? '\r\n' : i % 3 === 0 ? '\r' : '\n')); },
  };
  for (const [name, convert] of Object.entries(variants)) {
    const files = Object.fromEntries(Object.entries(lf).map(([p, t]) => [p, convert(t)]));
    assert.deepEqual(await findingsOf(files), expected, name);
    // Open in the editor, policies go through remark: the same positions.
    assert.deepEqual(diagnoseFiles(files, 'remark').diagnostics.filter((d) => d.code !== 'unmapped-criterion').map(at), expected, `${name} (remark)`);
  }
});

test('tabs used as YAML indentation: a syntax error on the tab line, in controls and front matter', async () => {
  const files = {
    ...baseRepo(),
    'controls/tabs.yaml': 'controls:\n  - id: TB-01\n\ttitle: Tabbed\n',
    'policies/tabs.md': '---\nid: POL-TB\ncriteria:\n\t- CC6.1\n---\n# Tabs\n',
    // A tab inside a line (not indentation) is fine.
    'controls/inline-tab.yaml': 'id: TB-02\ntitle:\tInline tab\n',
  };
  const { diagnostics } = await diagnoseWorkspace(memory(files));
  assert.deepEqual(ofFile(diagnostics, 'controls/tabs.yaml').filter((d) => d.code === 'yaml-syntax').map(at), ['controls/tabs.yaml:3:1 yaml-syntax']);
  assert.match(ofFile(diagnostics, 'controls/tabs.yaml').find((d) => d.code === 'yaml-syntax')!.message, /tab/i);
  assert.ok(ofFile(diagnostics, 'policies/tabs.md').some((d) => d.code === 'frontmatter-syntax' && d.range.start.line === 3), JSON.stringify(ofFile(diagnostics, 'policies/tabs.md').map(at)));
  assert.deepEqual(ofFile(diagnostics, 'controls/inline-tab.yaml').filter((d) => /syntax/.test(d.code)), []);
});

test('a YAML alias bomb is refused fast, with a diagnostic, in controls, front matter and soc2.yaml', () => {
  const b = baseRepo();
  const cases: [string, Record<string, string>, string][] = [
    ['controls/bomb.yaml', { ...b, 'controls/bomb.yaml': `id: BM-01\n${aliasBomb()}\n` }, 'yaml-syntax'],
    ['policies/access.md', edit(b, 'policies/access.md', 'id: POL-AC\n', `id: POL-AC\n${aliasBomb()}\n`), 'frontmatter-syntax'],
    ['soc2.yaml', { ...b, 'soc2.yaml': `${b['soc2.yaml']}${aliasBomb()}\n` }, 'yaml-syntax'],
  ];
  for (const mode of MODES) {
    for (const [file, files, code] of cases) {
      const { diagnostics, ms } = diagnoseFiles(files, mode);
      assert.ok(ms < 1000, `${file}: ${ms} ms`);
      const d = ofFile(diagnostics, file).find((x) => x.code === code && /alias/.test(x.message));
      assert.ok(d, `${file} (${mode}): ${JSON.stringify(ofFile(diagnostics, file).map(at))}`);
      assert.match(d.message, /limit of 50/);
    }
  }
});

test('duplicate keys: a syntax error on the second key, in controls, front matter and soc2.yaml', () => {
  const b = baseRepo();
  const files = {
    ...edit(b, 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\nowner: carol@example.com\n'),
    'controls/dup.yaml': 'id: DP-01\ntitle: One\ntitle: Two\n',
    'soc2.yaml': `${b['soc2.yaml']}organization: Again\n`,
  };
  for (const mode of MODES) {
    const { diagnostics } = diagnoseFiles(files, mode);
    const dup = diagnostics.filter((d) => /appears twice/.test(d.message)).map(at).sort();
    assert.deepEqual(dup, ['controls/dup.yaml:3:1 yaml-syntax', 'policies/access.md:5:1 frontmatter-syntax', 'soc2.yaml:7:1 yaml-syntax'], mode);
    assert.ok(diagnostics.some((d) => d.file === 'controls/dup.yaml' && d.code === 'missing-owner'), 'the control is still read');
  }
});

test('unterminated front matter: one clear error on line 1, in both parse modes and with CRLF', () => {
  for (const mode of MODES) {
    for (const eol of ['\n', '\r\n']) {
      const files = { ...baseRepo(), 'policies/open.md': ['---', 'id: POL-OPEN', 'owner: a', '', '# Body', 'Text.'].join(eol) };
      const { diagnostics, ms } = diagnoseFiles(files, mode);
      assert.ok(ms < FILE_BUDGET_MS);
      assert.deepEqual(ofFile(diagnostics, 'policies/open.md').map(at), ['policies/open.md:1:1 frontmatter-syntax'], `${mode} ${JSON.stringify(eol)}`);
      assert.match(ofFile(diagnostics, 'policies/open.md')[0].message, /never closed/);
    }
  }
});

test('odd but harmless inputs parse without a crash: NUL-free control characters, lone surrogates, huge lines', () => {
  const files = {
    ...baseRepo(),
    'controls/odd.yaml': `id: OD-01\ntitle: "\u0001\u0007\u001b[31m red \ud800 half"\ndescription: ${'x'.repeat(200_000)}\n`,
    'policies/odd.md': `---\nid: POL-OD\n---\n# \ud83d\n${'word '.repeat(100_000)}\n`,
  };
  for (const mode of MODES) {
    const { diagnostics, ms } = diagnoseFiles(files, mode);
    assert.ok(ms < FILE_BUDGET_MS, `${mode}: ${ms} ms`);
    assert.ok(diagnostics.some((d) => d.file === 'controls/odd.yaml'));
  }
});

test('thousands of syntax errors in one file: the first 100 are listed, then one line with the count of the rest', () => {
  const garbage = 'id: GB-01\n' + 'title: again\n'.repeat(3000);
  for (const file of ['controls/garbage.yaml', 'policies/garbage.md']) {
    const text = file.endsWith('.md') ? `---\n${garbage}---\n# G\n` : garbage;
    const { diagnostics, ms } = diagnoseFiles({ ...baseRepo(), [file]: text });
    const syntax = ofFile(diagnostics, file).filter((d) => /syntax/.test(d.code));
    assert.ok(ms < FILE_BUDGET_MS, `${file}: ${ms} ms`);
    assert.equal(syntax.length, 101, file);
    assert.match(syntax.map((d) => d.message).join('\n'), /YAML syntax: [\d,]+ more problems from here on are not listed/);
  }
});
