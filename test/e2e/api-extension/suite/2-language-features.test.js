// Language features through VS Code's own command API (what the editor calls for a hover, a
// completion list, F12…), so the whole path is exercised: client middleware, LSP, server.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const CONTROLS = 'controls/access.yaml';
const POLICY = 'policies/access-control.md';

/** The text of the `- id: X` block of a controls file, to compare hovers with what is on disk. */
function controlBlock(r, rel, id) {
  const text = fs.readFileSync(path.join(r.path, rel), 'utf8');
  const start = text.search(new RegExp(`\\bid:\\s*${id}\\b`));
  assert.ok(start >= 0, `${id} is not in ${rel}`);
  const next = text.slice(start + 4).search(/\n\s*-\s+id:/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 4 + next);
}

suite('Language features', () => {
  let acme;
  suiteSetup(async () => {
    await h.activateExtension();
    acme = h.root('acme-saas');
    // Features answer from the index: wait until the workspace has been read.
    await h.waitFor(() => h.actualKeys(acme).length >= acme.diagnostics.length, { timeoutMs: 60_000, what: 'the workspace index' });
  });

  test('hover on a criterion id: what it asks and which controls map it', async () => {
    const pos = h.positionIn(acme, CONTROLS, /criteria:\s*\[(CC\d+\.\d+)/);
    const doc = await vscode.workspace.openTextDocument(h.uriOf(acme, CONTROLS));
    const id = doc.getText(doc.getWordRangeAtPosition(pos, /[A-Z]+\d+\.\d+/));
    const text = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos.translate(0, 1)));
    assert.ok(text.includes(id), `hover does not name ${id}:\n${text}`);
    assert.match(text, /security|common criteria/i, 'hover gives no category');
    assert.ok(text.includes('AC-01'), `hover does not list AC-01, which maps ${id}:\n${text}`);
  });

  test('hover on a control id in a policy: its title and owner', async () => {
    const pos = h.positionIn(acme, POLICY, /controls:\s*\[(AC-\d+)/);
    const uri = h.uriOf(acme, POLICY);
    const text = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos.translate(0, 1)));
    const block = controlBlock(acme, CONTROLS, 'AC-01');
    const title = /\btitle:\s*(.+)/.exec(block)[1].trim();
    const owner = /\bowner:\s*(.+)/.exec(block)[1].trim();
    assert.ok(text.includes('AC-01'), text);
    assert.ok(text.includes(title), `hover lacks the title "${title}":\n${text}`);
    assert.ok(text.includes(owner), `hover lacks the owner "${owner}":\n${text}`);
  });

  test('completion inside a `criteria:` list offers the catalog, with summaries', async () => {
    const pos = h.positionIn(acme, CONTROLS, /criteria:\s*\[(CC\d+\.\d+)/);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', h.uriOf(acme, CONTROLS), pos);
    const labels = list.items.map(h.labelOf);
    for (const id of ['CC1.1', 'CC6.1', 'CC9.2', 'A1.2', 'C1.1']) assert.ok(labels.includes(id), `${id} not offered; got ${labels.slice(0, 20).join(', ')}…`);
    const cc61 = list.items.find((i) => h.labelOf(i) === 'CC6.1');
    const doc = typeof cc61.documentation === 'string' ? cc61.documentation : cc61.documentation?.value;
    assert.ok((cc61.detail || '').length + (doc || '').length > 20, 'CC6.1 comes without its summary');
  });

  test('completion in a policy\'s `controls:` list offers control ids', async () => {
    const pos = h.positionIn(acme, POLICY, /controls:\s*\[(AC-\d+)/);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', h.uriOf(acme, POLICY), pos);
    const labels = list.items.map(h.labelOf);
    // Ids already in the list may be left out; others must be there.
    for (const id of ['BC-01', 'VM-01']) assert.ok(labels.includes(id), `${id} not offered; got ${labels.slice(0, 20).join(', ')}…`);
  });

  test('completion of a `frequency:` value offers the enum', async () => {
    const pos = h.positionIn(acme, CONTROLS, /frequency:\s*(\S+)/);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', h.uriOf(acme, CONTROLS), pos);
    const labels = list.items.map(h.labelOf);
    for (const v of ['quarterly', 'semiannual', 'on-event']) assert.ok(labels.includes(v), `${v} not offered; got ${labels.join(', ')}`);
  });

  test('go to definition: a control id in a policy jumps to the control', async () => {
    for (const re of [/controls:\s*\[[^\]]*?(AC-03)/, /\((AC-03)\)/]) {
      const pos = h.positionIn(acme, POLICY, re);
      const locs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', h.uriOf(acme, POLICY), pos.translate(0, 1));
      assert.equal(locs.length, 1, `one definition expected for ${re}`);
      const loc = locs[0];
      const uri = loc.targetUri || loc.uri;
      const range = loc.targetSelectionRange || loc.targetRange || loc.range;
      assert.equal(h.relOf(acme, uri), CONTROLS);
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.match(doc.lineAt(range.start.line).text, /AC-03/);
    }
  });

  test('find references: a criterion id is referenced by controls and policies', async () => {
    const pos = h.positionIn(acme, CONTROLS, /criteria:\s*\[(CC6\.2)/);
    const locs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', h.uriOf(acme, CONTROLS), pos.translate(0, 1));
    const files = new Set(locs.map((l) => h.relOf(acme, l.uri)));
    assert.ok([...files].some((f) => f.startsWith('controls/')), `no control among ${[...files]}`);
    assert.ok([...files].some((f) => f.startsWith('policies/')), `no policy among ${[...files]}`);
  });

  test('document and workspace symbols list controls', async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', h.uriOf(acme, CONTROLS));
    const names = JSON.stringify(symbols.map((s) => s.name));
    for (const id of ['AC-01', 'AC-03']) assert.ok(names.includes(id), `${id} not in the outline: ${names}`);
    const found = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'AC-03');
    assert.ok(found.some((s) => s.name.includes('AC-03') && h.relOf(acme, s.location.uri) === CONTROLS), 'AC-03 not found as a workspace symbol');
  });

  test('CodeLens on each control and on a policy', async () => {
    const text = fs.readFileSync(path.join(acme.path, CONTROLS), 'utf8');
    const controls = (text.match(/^\s*-\s+id:/gm) || []).length;
    // CodeLens and code actions are asked of an open document (VS Code needs its text model).
    await vscode.workspace.openTextDocument(h.uriOf(acme, CONTROLS));
    await vscode.workspace.openTextDocument(h.uriOf(acme, POLICY));
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', h.uriOf(acme, CONTROLS), 100);
    const titles = lenses.map((l) => l.command?.title || '');
    assert.ok(lenses.length >= controls, `${lenses.length} lenses for ${controls} controls`);
    for (const t of titles) assert.match(t, /criteri(on|a)/, `lens title "${t}"`);
    assert.ok(titles.some((t) => /evidence/.test(t)), `no lens mentions evidence: ${titles.join(' | ')}`);
    const policyLenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', h.uriOf(acme, POLICY), 100);
    assert.ok(policyLenses.some((l) => /control/.test(l.command?.title || '')), 'no lens on the policy');
  });

  test('rename a control id: prepareRename, then edits in the controls file, the policies and the risks', async () => {
    const pos = h.positionIn(acme, CONTROLS, /id:\s*(AC-03)/);
    const uri = h.uriOf(acme, CONTROLS);
    await vscode.workspace.openTextDocument(uri);
    const prep = await vscode.commands.executeCommand('vscode.prepareRename', uri, pos.translate(0, 1));
    assert.equal(prep?.placeholder, 'AC-03');
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, pos.translate(0, 1), 'AC-93');
    const files = new Map(edit.entries().map(([u, edits]) => [h.relOf(acme, u), edits]));
    assert.ok(files.has(CONTROLS), `no edit in ${CONTROLS}: ${[...files.keys()].join(', ')}`);
    assert.ok([...files.keys()].some((f) => f.startsWith('policies/')), `no policy edited: ${[...files.keys()].join(', ')}`);
    for (const [f, edits] of files) {
      const doc = await vscode.workspace.openTextDocument(h.uriOf(acme, f));
      for (const e of edits) assert.equal(doc.getText(e.range), 'AC-03', `${f}: an edit replaces ${JSON.stringify(doc.getText(e.range))}`);
      for (const e of edits) assert.equal(e.newText, 'AC-93');
    }
    // Onto an existing id: refused with the reason.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, pos.translate(0, 1), 'AC-01')), /AC-01 already exists/);
  });

  test('document links: an evidence path reveals its folder, a policy id opens the policy', async () => {
    const links = await vscode.commands.executeCommand('vscode.executeLinkProvider', h.uriOf(acme, CONTROLS));
    const targets = links.map((l) => h.relOf(acme, l.target));
    assert.ok(targets.includes('evidence/AC-01'), `no link to evidence/AC-01: ${targets.join(', ')}`);
    assert.ok(targets.some((t) => /^policies\/.+\.md$/.test(t)), `no link to a policy: ${targets.join(', ')}`);
  });
});
