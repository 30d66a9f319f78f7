/**
 * Our JSON Schemas in yaml-language-server (the server behind the YAML extensions of VS Code, Neovim, Helix,
 * Emacs) against our engine's `schema` check, on every YAML fixture under test/fixtures: both must flag
 * the same lines, except the differences the README lists under "Schemas in other tools". Runs the real
 * server (a devDependency) over stdio.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidChangeConfigurationNotification, DidOpenTextDocumentNotification, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../server/src/engine/text';
import { YamlSource } from '../server/src/engine/yaml-source';
import { validateDocument, type SchemaKind } from '../server/src/engine/schema';
import { CONFIG_FILE } from '../server/src/engine/parse-config';
import { REPO } from './lsp-client';

const FIXTURES = path.join(REPO, 'test', 'fixtures');
const SCHEMA_FILE: Record<SchemaKind, string> = { controls: 'controls', risks: 'risks', policy: 'policy-frontmatter', config: 'soc2', people: 'people', vendors: 'vendors', description: 'description-frontmatter' };

/**
 * Lines where the two are meant to differ, by fixture: `file: reason`. Each is listed in the README.
 */
export const INTENDED: Record<string, string> = {
  'schemas/controls/bad/impossible-date.yaml': 'a date that does not exist (2026-02-30) has the YYYY-MM-DD form the schema can state; only the engine checks that it exists',
  'schemas/config/bad/period-end-not-a-date.yaml': 'the same for 2026-06-31',
  'errors/controls/broken.yaml': 'a file that does not parse gets only syntax findings from the engine; yaml-language-server also validates the part it recovered',
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
}

/** Every YAML fixture with the schema that governs it. */
function fixtures(): { rel: string; kind: SchemaKind }[] {
  const out: { rel: string; kind: SchemaKind }[] = [];
  for (const kind of ['controls', 'policy', 'config', 'risks'] as SchemaKind[]) {
    const dir = path.join(FIXTURES, 'schemas', kind);
    try { for (const f of walk(dir).filter((p) => p.endsWith('.yaml'))) out.push({ rel: path.relative(FIXTURES, f), kind }); } catch { /* no fixtures of this kind */ }
  }
  for (const root of ['basic', 'errors', 'lsp']) {
    for (const f of walk(path.join(FIXTURES, root)).filter((p) => /\.ya?ml$/.test(p))) {
      const rel = path.relative(path.join(FIXTURES, root), f).split(path.sep).join('/');
      const kind: SchemaKind | undefined = rel === CONFIG_FILE ? 'config' : rel.startsWith('controls/') ? 'controls' : rel.startsWith('risks/') ? 'risks' : undefined;
      if (kind) out.push({ rel: path.relative(FIXTURES, f), kind });
    }
  }
  return out;
}

/** The lines (1-based) where the engine's schema check reports something. */
function engineLines(text: string, kind: SchemaKind): number[] {
  const src = new YamlSource(text, new LineIndex(text));
  if (src.problems.length) return [];
  return [...new Set(src.docs.flatMap((d) => validateDocument(kind, src, d)).map((p) => p.range.start.line + 1))].sort((a, b) => a - b);
}

let child: ChildProcess;
let connection: ProtocolConnection;
const published = new Map<string, Diagnostic[]>();
let dir: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'soc2-yamlls-'));
  child = spawn(process.execPath, [path.join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => { published.set(p.uri, p.diagnostics); });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'yaml' ? settings() : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: settings() } });
});

after(async () => {
  connection?.dispose();
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Each fixture is copied under a folder named after its kind; the schemas are associated by folder. */
function settings() {
  const schemas: Record<string, string[]> = {};
  for (const [kind, file] of Object.entries(SCHEMA_FILE)) schemas[pathToFileURL(path.join(REPO, 'schemas', `${file}.schema.json`)).href] = [`**/kind-${kind}/**/*.yaml`];
  return { validate: true, hover: false, completion: false, format: { enable: false }, schemas, schemaStore: { enable: false } };
}

test('yaml-language-server with our schemas flags the same lines as the engine on every YAML fixture, but for the listed differences', async () => {
  const list = fixtures();
  assert.ok(list.length >= 40, `only ${list.length} fixtures`);
  const uris = new Map<string, { rel: string; kind: SchemaKind; text: string }>();
  for (const f of list) {
    const dest = path.join(dir, `kind-${f.kind}`, f.rel);
    mkdirSync(path.dirname(dest), { recursive: true });
    cpSync(path.join(FIXTURES, f.rel), dest);
    const uri = pathToFileURL(dest).href;
    const text = readFileSync(dest, 'utf8');
    uris.set(uri, { ...f, text });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }
  const deadline = Date.now() + 20_000;
  while ([...uris.keys()].some((u) => !published.has(u)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const disagreements: string[] = [];
  const intended: string[] = [];
  for (const [uri, f] of uris) {
    const theirs = [...new Set((published.get(uri) ?? []).filter((d) => String(d.source ?? '').startsWith('yaml-schema')).map((d) => d.range.start.line + 1))].sort((a, b) => a - b);
    const ours = engineLines(f.text, f.kind);
    if (JSON.stringify(theirs) === JSON.stringify(ours)) continue;
    const line = `${f.rel}: engine lines ${JSON.stringify(ours)}, yaml-language-server lines ${JSON.stringify(theirs)}`;
    (INTENDED[f.rel.split(path.sep).join('/')] ? intended : disagreements).push(line);
  }
  assert.deepEqual(disagreements, [], `unlisted disagreements:\n${disagreements.join('\n')}`);
  assert.equal(intended.length, Object.keys(INTENDED).length, `a listed difference no longer happens:\n${intended.join('\n')}`);
});
