/**
 * No data loss: every code action the server offers, on every diagnostic of every fixture root and of
 * examples/acme-saas, in LF and in CRLF copies, is applied and checked. Each edit must be minimal (it
 * replaces text within one line and never a comment; what it inserts uses the file's own line break; every
 * comment and every other line of the file survives in order), must never overwrite a file, and the
 * result must re-parse without new yaml-syntax, frontmatter-syntax or schema findings.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionRequest, RenameRequest, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, LspClient, REPO, TempWorkspace } from '../lsp-client';
import { TODAY } from '../lsp-fixture';
import { loadProject } from '../../server/src/engine/load';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { CHECKS } from '../../server/src/checks';

const ROOTS: Record<string, string> = {
  basic: path.join(REPO, 'test', 'fixtures', 'basic'),
  errors: path.join(REPO, 'test', 'fixtures', 'errors'),
  lsp: path.join(REPO, 'test', 'fixtures', 'lsp'),
  acme: path.join(REPO, 'examples', 'acme-saas'),
};
const SYNTAX = new Set(['yaml-syntax', 'frontmatter-syntax', 'schema']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
}

const ws = new TempWorkspace();
let client: LspClient;
/** Copies of every root: `<name>` with the files as they are, `<name>-crlf` with every text file in CRLF. */
const copies: string[] = [];

before(async () => {
  for (const [name, src] of Object.entries(ROOTS)) {
    for (const crlf of [false, true]) {
      const dest = ws.path(crlf ? `${name}-crlf` : name);
      cpSync(src, dest, { recursive: true });
      if (crlf) for (const f of walk(dest).filter((p) => /\.(md|ya?ml)$/.test(p))) writeFileSync(f, readFileSync(f, 'utf8').replace(/\r?\n/g, '\r\n'));
      copies.push(dest);
    }
  }
  client = await LspClient.start({ folders: copies, initializationOptions: { today: TODAY, debounceMs: 0 } });
  await client.indexed;
});

after(async () => { await client?.stop(); ws.dispose(); });

const read = (uri: string): string | undefined => {
  const p = fileURLToPath(uri);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
};

/** The engine's syntax and schema findings of a root whose files are replaced by `texts` (absolute path → text). */
async function syntaxFindings(root: string, texts: Map<string, string>): Promise<string[]> {
  const files: Record<string, string> = {};
  for (const f of walk(root)) files[path.relative(root, f).split(path.sep).join('/')] = readFileSync(f, 'utf8');
  for (const [abs, text] of texts) if (abs.startsWith(root + path.sep)) files[path.relative(root, abs).split(path.sep).join('/')] = text;
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  return project.allDiagnostics().filter((d) => SYNTAX.has(d.code)).map((d) => `${d.file} ${d.code}: ${d.message}`).sort();
}

const COMMENT = /(^|[ \t])#.*$/;
const commentsOf = (text: string) => text.split(/\r\n|\r|\n/).map((l) => COMMENT.exec(l)?.[0].trim()).filter((c): c is string => !!c);
const offsetOf = (text: string) => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (p: { line: number; character: number }) => starts[p.line] + p.character;
};

/** The minimal-edit rules for one file's edits against its text before them. */
function checkMinimal(label: string, before: string | undefined, edits: readonly TextEdit[], after: string): void {
  if (before === undefined || before === '') return; // a created file: nothing to preserve
  const crlf = before.includes('\r\n');
  const at = offsetOf(before);
  for (const e of edits) {
    const replaced = before.slice(at(e.range.start), at(e.range.end));
    assert.doesNotMatch(replaced, /[\r\n#]/, `${label}: an edit replaces a line break or a comment: ${JSON.stringify(replaced)}`);
    assert.ok(replaced.length <= 80, `${label}: an edit replaces ${replaced.length} characters`);
    if (crlf) assert.doesNotMatch(e.newText, /(^|[^\r])\n/, `${label}: LF inserted into a CRLF file`);
    else assert.doesNotMatch(e.newText, /\r/, `${label}: CR inserted into an LF file`);
  }
  // Every comment survives, in order; every line the edits did not touch is still there, in order.
  const kept = commentsOf(after);
  let i = 0;
  for (const c of commentsOf(before)) { while (i < kept.length && kept[i] !== c) i++; assert.ok(i++ < kept.length, `${label}: comment lost: ${c}`); }
  const touched = new Set(edits.map((e) => e.range.start.line));
  const afterLines = after.split(/\r?\n/);
  let j = 0;
  before.split(/\r?\n/).forEach((line, n) => {
    if (touched.has(n)) return;
    while (j < afterLines.length && afterLines[j] !== line) j++;
    assert.ok(j++ < afterLines.length, `${label}: line ${n + 1} changed or lost: ${JSON.stringify(line)}`);
  });
}

function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  for (const c of edit.documentChanges ?? []) if (!('kind' in c)) out.set(c.textDocument.uri, [...(out.get(c.textDocument.uri) ?? []), ...(c.edits as TextEdit[])]);
  return out;
}

test('every code action on every fixture, LF and CRLF: minimal edits, nothing overwritten, and the result still parses', async (t) => {
  const published = [...client.diagnostics].filter(([, ds]) => ds.length);
  for (const [uri] of published) client.open(uri, read(uri)!);
  await new Promise((r) => setTimeout(r, 500));
  let actions = 0, diagnostics = 0;
  const titles = new Map<string, number>();
  for (const [uri] of published) {
    const ds: Diagnostic[] = client.diagnostics.get(uri) ?? [];
    const root = copies.find((c) => fileURLToPath(uri).startsWith(c + path.sep))!;
    const baseline = await syntaxFindings(root, new Map());
    for (const d of ds) {
      diagnostics++;
      const answer = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      for (const a of (answer ?? []) as CodeAction[]) {
        if (!a.edit) continue;
        actions++;
        const kind = a.title.replace(/[A-Z]+\d*[-.]\d+|\d{4}-\d{2}-\d{2}|\(.*\)|".*"|\S+\.(md|ya?ml)/g, '…');
        titles.set(kind, (titles.get(kind) ?? 0) + 1);
        const label = `${path.relative(ws.dir, fileURLToPath(uri))} ${d.code} → ${a.title}`;
        let changed: Map<string, string>;
        assert.doesNotThrow(() => { changed = applyWorkspaceEdit(a.edit!, read); }, label); // throws on overwriting a file
        for (const [target, edits] of editsByUri(a.edit)) checkMinimal(`${label} [${path.basename(fileURLToPath(target))}]`, read(target), edits, changed!.get(target)!);
        const texts = new Map([...changed!].map(([u, text]) => [fileURLToPath(u), text]));
        const findings = await syntaxFindings(root, texts);
        const added = findings.filter((f) => !baseline.includes(f));
        assert.deepEqual(added, [], `${label}: new syntax or schema findings`);
      }
    }
  }
  t.diagnostic(`${diagnostics} diagnostics in ${published.length} files of ${copies.length} roots; ${actions} code actions applied: ${[...titles].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  assert.ok(actions >= 30, `only ${actions} actions were offered`);
  for (const kind of ['Replace with', 'Mark as reviewed today', 'Create control', 'Add', 'Set', 'Reword']) {
    assert.ok([...titles.keys()].some((k) => k.startsWith(kind)), `no "${kind}" action was exercised`);
  }
});

test('renaming every control, policy and risk id of every fixture, LF and CRLF: each edit replaces exactly the old id, and the index follows', async (t) => {
  let renames = 0, edits = 0, refused = 0;
  for (const root of copies) {
    const files: Record<string, string> = {};
    for (const f of walk(root)) files[path.relative(root, f).split(path.sep).join('/')] = readFileSync(f, 'utf8');
    const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
    const targets = [
      ...[...project.allControls()].map((c) => ({ kind: 'control', id: c.id, file: c.file, range: c.idRange })),
      ...[...project.allPolicies()].map((p) => ({ kind: 'policy', id: p.id, file: p.file, range: p.idRange })),
      ...[...project.allRisks()].map((r) => ({ kind: 'risk', id: r.id, file: r.file, range: r.idRange })),
    ];
    const seen = new Set<string>();
    for (const target of targets) {
      if (seen.has(`${target.kind}:${target.id}`)) continue;
      seen.add(`${target.kind}:${target.id}`);
      const fresh = target.kind === 'control' ? `ZQ-${900 + renames}` : `${target.kind === 'policy' ? 'POL' : 'RISK'}-RENAMED-${renames}`;
      const uri = pathToFileURL(path.join(root, target.file)).href;
      client.open(uri, read(uri)!);
      const label = `${path.relative(ws.dir, root)} ${target.kind} ${target.id} → ${fresh}`;
      let edit: WorkspaceEdit | null;
      try {
        edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: target.range.start, newName: fresh });
      } catch (err) {
        // Only an id the rename rules refuse (a control id not shaped like AC-01) may be turned down.
        assert.match(String((err as Error).message), /a control id is an upper-case prefix/, label);
        refused++;
        continue;
      }
      renames++;
      const changed = applyWorkspaceEdit(edit!, read);
      for (const [target2, list] of editsByUri(edit!)) {
        const before = read(target2)!;
        checkMinimal(`${label} [${path.basename(fileURLToPath(target2))}]`, before, list, changed.get(target2)!);
        const at = offsetOf(before);
        for (const e of list) { edits++; assert.equal(before.slice(at(e.range.start), at(e.range.end)), target.id, label); assert.equal(e.newText, fresh, label); }
      }
      const texts = new Map([...changed].map(([u, text]) => [fileURLToPath(u), text]));
      const renamed: Record<string, string> = { ...files };
      for (const [abs, text] of texts) renamed[path.relative(root, abs).split(path.sep).join('/')] = text;
      const after = (await loadProject(new MemoryWorkspace(renamed), { checks: CHECKS, today: TODAY })).project;
      const count = (p: typeof project, id: string) => (target.kind === 'control' ? p.controls(id) : target.kind === 'policy' ? p.policies(id) : p.risks(id)).length;
      assert.equal(count(after, target.id), 0, `${label}: the old id is still defined`);
      assert.equal(count(after, fresh), count(project, target.id), `${label}: the new id is not defined where the old one was`);
      const baseline = await syntaxFindings(root, new Map());
      assert.deepEqual((await syntaxFindings(root, texts)).filter((f) => !baseline.includes(f)), [], `${label}: new syntax findings`);
    }
  }
  t.diagnostic(`${renames} renames (${edits} edits) applied over ${copies.length} roots; ${refused} refused by the id rules`);
  assert.ok(renames >= 40, `only ${renames} renames were exercised`);
});
