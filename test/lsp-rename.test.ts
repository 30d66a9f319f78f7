/**
 * Rename (prepareRename + rename), document links and folding ranges over stdio with the real protocol
 * client, on a copy of test/fixtures/lsp (CRLF files included). Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DocumentLinkRequest, FoldingRangeRequest, PrepareRenameRequest, RenameRequest,
  type DocumentLink, type RenameFile, type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, LspClient, positionOf, TempWorkspace } from './lsp-client';
import { CRLF, TODAY } from './lsp-fixture';

const ws = new TempWorkspace();
let client: LspClient;
let root: string;
const uri = (rel: string) => ws.uri('lsp', rel);
const text = (rel: string) => ws.read('lsp', rel);

function files(dir: string): string[] {
  // .soc2/ holds the server's own cache, not the repo's files.
  return readdirSync(dir).filter((n) => n !== '.soc2').flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));
}
const read = (u: string) => { try { return readFileSync(fileURLToPath(u), 'utf8'); } catch { return undefined; } };

before(async () => {
  root = ws.add('lsp', { crlf: CRLF });
  client = await LspClient.start({ folders: [root], initializationOptions: { today: TODAY, debounceMs: 0 }, capabilities: {
    window: { workDoneProgress: true },
    workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'], changeAnnotationSupport: { groupsOnLabel: true } }, workspaceFolders: true },
    textDocument: { rename: { prepareSupport: true }, publishDiagnostics: {} },
  } });
  await client.indexed;
  for (const f of ['controls/access.yaml', 'policies/access.md', 'policies/security.md', 'risks/register.yaml', 'soc2.yaml']) client.open(uri(f), text(f));
});
after(async () => { await client?.stop(); ws.dispose(); });

const renameAt = (rel: string, needle: string, newName: string, nth = 0) =>
  client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(rel) }, position: positionOf(text(rel), needle, 1, nth), newName });

describe('rename', () => {
  test('advertises prepareRename to a client that sends it', () => {
    assert.deepEqual(client.initializeResult?.capabilities.renameProvider, { prepareProvider: true });
  });

  test('prepareRename: the id under the cursor, wherever it is written; a criterion or plain text is refused with a reason', async () => {
    const prep = (rel: string, needle: string, delta = 1, nth = 0) => client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri(rel) }, position: positionOf(text(rel), needle, delta, nth) });
    assert.deepEqual(await prep('policies/access.md', 'AC-01).'), { range: { start: { line: 22, character: 43 }, end: { line: 22, character: 48 } }, placeholder: 'AC-01' });
    assert.deepEqual(await prep('controls/access.yaml', 'POL-AC'), { range: { start: { line: 8, character: 15 }, end: { line: 8, character: 21 } }, placeholder: 'POL-AC' });
    await assert.rejects(prep('controls/access.yaml', 'CC6.1'), /CC6\.1 is a Trust Services criterion; criteria ids are fixed/);
    await assert.rejects(prep('policies/access.md', 'AC-09'), /no control AC-09 exists to rename/);
    await assert.rejects(prep('policies/access.md', 'Provisioning', 3), /only a control, policy or risk id can be renamed/);
  });

  test('a control id: definition, policy lists, prose mentions and risks, each edit exactly the old id', async () => {
    const edit = (await renameAt('policies/access.md', 'AC-01).', 'AC-11')) as WorkspaceEdit;
    const changed = applyWorkspaceEdit(edit, read);
    const expected = new Map<string, string>();
    for (const f of files(root)) {
      const t = readFileSync(f, 'utf8');
      if (t.includes('AC-01')) expected.set(f, t.replace(/AC-01/g, 'AC-11'));
    }
    assert.deepEqual(new Set([...changed.keys()].map((u) => fileURLToPath(u))), new Set(expected.keys()));
    for (const [u, t] of changed) assert.equal(t, expected.get(fileURLToPath(u)), u);
    for (const c of edit.documentChanges as TextDocumentEdit[]) {
      for (const e of c.edits) {
        assert.equal(e.range.start.line, e.range.end.line);
        assert.equal(e.range.end.character - e.range.start.character, 'AC-01'.length);
      }
    }
  });

  test('a policy id: definition, the controls\' policies lists and prose mentions', async () => {
    const edit = (await renameAt('controls/access.yaml', 'POL-IS', 'POL-SEC')) as WorkspaceEdit;
    const changed = applyWorkspaceEdit(edit, read);
    assert.deepEqual([...changed.keys()].map((u) => path.relative(root, fileURLToPath(u))).sort(), ['controls/access.yaml', 'policies/security.md']);
    // The comment that names POL-IS is prose of the YAML file, not a reference: it stays.
    assert.equal(changed.get(uri('controls/access.yaml')), text('controls/access.yaml').replace('- POL-IS   #', '- POL-SEC   #'));
    assert.equal(changed.get(uri('policies/security.md')), text('policies/security.md').replace('id: POL-IS', 'id: POL-SEC'));
  });

  test('a risk id: its definition only (nothing else lists a risk)', async () => {
    const edit = (await renameAt('risks/register.yaml', 'R-02', 'R-20')) as WorkspaceEdit;
    const changed = applyWorkspaceEdit(edit, read);
    assert.deepEqual([...changed.values()], [text('risks/register.yaml').replace('id: R-02', 'id: R-20')]);
  });

  test('refused onto an existing id, and for a name that is not an id', async () => {
    await assert.rejects(renameAt('policies/access.md', 'AC-01).', 'AC-02'), /cannot rename AC-01 to "AC-02": control AC-02 already exists/);
    await assert.rejects(renameAt('controls/access.yaml', 'POL-IS', 'POL-AC'), /policy POL-AC already exists/);
    await assert.rejects(renameAt('policies/access.md', 'AC-01).', 'access one'), /a control id is an upper-case prefix, a hyphen and a number/);
    await assert.rejects(renameAt('controls/access.yaml', 'POL-IS', 'yes'), /an id starts with a letter/);
  });

  test('an evidence folder named after the control is renamed with it, behind a confirmation', async () => {
    const control = 'controls:\r\n  - id: AC-05\r\n    title: Logging\r\n    owner: a@example.com\r\n    status: implemented\r\n    criteria: [CC7.2]\r\n    last_reviewed: 2026-07-01\r\n    evidence:\r\n      - name: Logs\r\n        path: "AC-05"   # folder named after the control\r\n';
    writeFileSync(path.join(root, 'controls', 'logging.yaml'), control);
    mkdirSync(path.join(root, 'evidence', 'AC-05'));
    writeFileSync(path.join(root, 'evidence', 'AC-05', '2026-07-01-logs.md'), 'ok\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('controls/logging.yaml'), type: 1 }, { uri: uri('evidence/AC-05'), type: 1 }] });
    client.open(uri('controls/logging.yaml'), control);
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri('controls/logging.yaml') }, position: positionOf(control, 'AC-05', 1), newName: 'LG-01' })) as WorkspaceEdit;
    const ops = edit.documentChanges!;
    const renames = ops.filter((o): o is RenameFile => 'kind' in o && o.kind === 'rename');
    assert.deepEqual(renames.map((r) => [path.relative(root, fileURLToPath(r.oldUri)), path.relative(root, fileURLToPath(r.newUri)), r.annotationId]), [['evidence/AC-05', 'evidence/LG-01', 'soc2.renameEvidenceFolder']]);
    assert.equal(edit.changeAnnotations?.['soc2.renameEvidenceFolder'].needsConfirmation, true);
    const edits = (ops.filter((o) => !('kind' in o)) as TextDocumentEdit[]).flatMap((d) => d.edits);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, (e as TextEdit).newText, 'annotationId' in e ? e.annotationId : undefined]), [
      [1, 8, 'LG-01', undefined], [9, 15, 'LG-01', 'soc2.renameEvidenceFolder'],
    ]);
  });
});

describe('document links', () => {
  const links = async (rel: string) => ((await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri(rel) } })) ?? []) as DocumentLink[];
  const brief = (ls: DocumentLink[]) => ls.map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1} ${path.relative(root, fileURLToPath(l.target!))}`);

  test('controls: evidence paths reveal their folder, policy ids open the policy', async () => {
    const ls = await links('controls/access.yaml');
    assert.deepEqual(brief(ls).filter((l) => /evidence|policies/.test(l)).slice(0, 4), [
      '9:16 policies/access.md', '24:9 policies/access.md', '25:9 policies/security.md', '29:15 evidence/access-reviews',
    ]);
    assert.equal(ls.find((l) => l.target!.endsWith('access-reviews'))!.tooltip, 'Reveal evidence folder evidence/access-reviews (2 files)');
  });

  test('policies: control ids listed or mentioned open the controls file; unknown ids get none', async () => {
    const ls = brief(await links('policies/access.md'));
    assert.deepEqual(ls, ['10:12 controls/access.yaml', '10:19 controls/access.yaml', '10:26 controls/access.yaml', '10:33 controls/access.yaml',
      '23:44 controls/access.yaml', '24:56 controls/access.yaml', '28:47 controls/access.yaml']);
  });

  test('soc2.yaml: a path glob that matches one file opens it', async () => {
    writeFileSync(path.join(root, 'soc2.yaml'), text('soc2.yaml') + 'paths:\n  risks: [risks/register.yaml]\n  policies: ["policies/**/*.md"]\n');
    client.open(uri('soc2.yaml'), text('soc2.yaml'));
    // Opened before: send the new text as a change.
    client.change(uri('soc2.yaml'), [{ text: text('soc2.yaml') }]);
    const ls = brief(await links('soc2.yaml'));
    assert.deepEqual(ls, [`${text('soc2.yaml').split('\n').length - 2}:11 risks/register.yaml`]);
  });
});

describe('folding ranges', () => {
  test('policy: front matter and each section; controls: each control and its multi-line fields', async () => {
    const fold = async (rel: string) => ((await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri(rel) } })) ?? []).map((r) => `${r.startLine + 1}-${r.endLine + 1}`);
    // Front matter (with its criteria and controls lists), then the one section.
    assert.deepEqual(await fold('policies/security.md'), ['1-12', '6-8', '9-11', '14-16']);
    // AC-01 (3-13) with its evidence (11-13); AC-02 with its criteria, policies and evidence lists; AC-03; AC-04.
    assert.deepEqual(await fold('controls/access.yaml'), ['3-13', '11-13', '15-29', '20-22', '23-25', '27-29', '31-38', '40-46']);
  });
});
