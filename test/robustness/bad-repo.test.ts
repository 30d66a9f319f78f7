/**
 * One repository holding every kind of bad input at once, on a real disk, through the built CLI and the
 * built language server: neither crashes, each bad file gets its diagnostic, the good files still get theirs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, REPO } from '../lsp-client';
import { TODAY } from '../lsp-fixture';
import { baseRepo, edit } from '../helpers';
import { aliasBomb, DEEP_MARKDOWN, DEEP_YAML, policyWith } from './support';

const dir = mkdtempSync(path.join(tmpdir(), 'soc2-bad-repo-'));
const enc = (s: string) => Buffer.from(s, 'utf8');

/** File → the code its diagnostics must include. */
const EXPECT: Record<string, string> = {
  'controls/latin1.yaml': 'encoding',
  'controls/binary.yaml': 'file-unreadable',
  'policies/binary.md': 'file-unreadable',
  'controls/empty.yaml': 'schema',
  'policies/empty.md': 'schema',
  'controls/tabs.yaml': 'yaml-syntax',
  'controls/bomb.yaml': 'yaml-syntax',
  'policies/bomb.md': 'frontmatter-syntax',
  'controls/deep.yaml': 'yaml-syntax',
  'policies/deep-front.md': 'frontmatter-syntax',
  'controls/huge.yaml': 'file-too-large',
  'controls/proto.yaml': 'schema',
  'controls/dup.yaml': 'yaml-syntax',
  'policies/open.md': 'frontmatter-syntax',
  'controls/crlf.yaml': 'unknown-criterion',
  'controls/access.yaml': 'unknown-criterion',
};

before(() => {
  const files: Record<string, Buffer> = {};
  for (const [p, t] of Object.entries(edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, CC6.9]'))) files[p] = enc(t);
  files['soc2.yaml'] = enc(`${baseRepo()['soc2.yaml']}limits:\n  max_file_bytes: 20000000\n`);
  Object.assign(files, {
    'controls/latin1.yaml': Buffer.concat([enc('id: LT-01\ntitle: Caf'), Buffer.from([0xe9, 0xff]), enc('\n')]),
    'controls/binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
    'policies/binary.md': Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]),
    'controls/empty.yaml': enc(''),
    'policies/empty.md': enc(''),
    'controls/tabs.yaml': enc('controls:\n  - id: TB-01\n\ttitle: Tabbed\n'),
    'controls/bomb.yaml': enc(`id: BM-01\n${aliasBomb()}\n`),
    'policies/bomb.md': enc(`---\nid: POL-BM\n${aliasBomb()}\n---\n# Bomb\n`),
    'controls/deep.yaml': enc(DEEP_YAML['compact block sequences']),
    'policies/deep-front.md': enc(`---\nid: POL-DF\n${DEEP_YAML['flow sequences']}---\n# Deep\n`),
    'policies/deep-body.md': enc(policyWith(DEEP_MARKDOWN['block quotes'] + DEEP_MARKDOWN['emphasis'] + DEEP_MARKDOWN['indented lists'])),
    'controls/huge.yaml': Buffer.alloc(50 * 1024 * 1024, 'x: y\n'),
    'controls/proto.yaml': enc('__proto__: { polluted: yes }\nid: __proto__\nconstructor: x\n'),
    'controls/dup.yaml': enc('id: DP-01\nid: DP-02\n'),
    'policies/open.md': enc('---\nid: POL-OPEN\nowner: a\n\n# Body\n'),
    'controls/crlf.yaml': enc('id: CR-01\r\ntitle: Mixed\nowner: x\r\ncriteria: [CC6.9]\r'),
    'policies/bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc('---\nid: POL-BOM\nowner: a\n---\n# BOM\n')]),
  });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  symlinkSync('..', path.join(dir, 'controls', 'loop'));
  symlinkSync('self.yaml', path.join(dir, 'controls', 'self.yaml'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI on a repository of bad inputs', () => {
  test('check does not crash, and reports every bad file with its code', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', dir, '--format', 'json', '--today', TODAY], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|Error:|at .*\.js:\d+/);
    assert.match(r.stderr, /could not list controls\/self\.yaml \(ELOOP\)/);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] };
    for (const [file, code] of Object.entries(EXPECT)) assert.ok(diagnostics.some((d) => d.file === file && d.code === code), `${file}: ${code} in ${JSON.stringify(diagnostics.filter((d) => d.file === file).map((d) => d.code))}`);
    assert.equal(diagnostics.some((d) => d.code === 'internal-error'), false);
  });

  test('summary in every format does not crash, and each output is a whole document of its format', () => {
    const out = (format: string) => {
      const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'summary', dir, '--format', format, '--today', TODAY], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.status, 0, `${format}: ${r.stderr}`);
      return r.stdout;
    };
    const json = JSON.parse(out('json')) as { readiness: unknown; categories: unknown[]; criteria: unknown[] };
    assert.equal(typeof json.readiness, 'number');
    assert.equal(json.criteria.length, 61, 'every criterion of the catalog is listed');
    const readiness = `${json.readiness}%`;
    const text = out('text');
    assert.match(text, new RegExp(`^Readiness: ${readiness} `, 'm'));
    assert.match(text, /^Gaps, most urgent first:$/m);
    assert.match(out('markdown'), new RegExp(`^\\*\\*Readiness: ${readiness}\\*\\*`, 'm'));
    const html = out('html');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<\/html>\s*$/);
    assert.ok(html.includes(`<div class="big">${readiness}</div>`), 'the HTML shows the same readiness');
  });
});

describe('the language server on a repository of bad inputs', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0 } });
    await client.indexed;
  });
  after(async () => { await client?.stop(); });
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

  test('publishes the diagnostic of every bad file without opening any', async () => {
    for (const [file, code] of Object.entries(EXPECT)) await client.waitForDiagnostics(uri(file), (ds) => ds.some((d) => d.code === code), 10_000);
  });

  test('bad documents opened in the editor (remark for Markdown) are answered, and the server stays up', async () => {
    const texts: Record<string, string> = {
      'policies/deep-body.md': policyWith(DEEP_MARKDOWN['links'] + DEEP_MARKDOWN['list items']),
      'policies/bomb.md': `---\nid: POL-BM\n${aliasBomb()}\n---\n# Bomb\n`,
      'controls/deep.yaml': DEEP_YAML['explicit keys'],
      'controls/keys.yaml': `${'? '.repeat(200)}a\n`,
    };
    for (const [rel, text] of Object.entries(texts)) {
      client.open(uri(rel), text);
      const started = performance.now();
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(rel) }, position: { line: 1, character: 5 } });
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri(rel) } });
      assert.ok(performance.now() - started < 5000, `${rel} took ${Math.round(performance.now() - started)} ms`);
      assert.ok(hover === null || typeof hover === 'object', rel);
      assert.ok(symbols === null || Array.isArray(symbols), rel);
    }
    const bomb = await client.waitForDiagnostics(uri('policies/bomb.md'), (ds: Diagnostic[]) => ds.some((d) => /aliases/.test(typeof d.message === 'string' ? d.message : d.message.value)));
    assert.ok(bomb.length > 0);
    assert.equal(client.child.exitCode, null);
  });
});
