// Edits in the editor (unsaved, as a user types): quick fixes apply minimal edits and their
// diagnostics clear; a typo'd criterion shows up and goes; a control edit updates soc2.yaml.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

async function quickFixes(uri, diagnostic) {
  await vscode.workspace.openTextDocument(uri); // VS Code asks code actions of an open text model
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return (actions || []).filter((a) => a.edit);
}

/** Applies a workspace edit and checks it touched only the lines it had to. */
async function applyMinimal(action, maxChangedLines = 1) {
  const before = new Map();
  for (const [uri] of action.edit.entries()) before.set(uri.toString(), (await vscode.workspace.openTextDocument(uri)).getText());
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused "${action.title}"`);
  for (const [key, text] of before) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const a = text.split('\n');
    const b = doc.getText().split('\n');
    assert.equal(b.length, a.length, `"${action.title}" changed the number of lines`);
    const changed = a.filter((line, i) => line !== b[i]).length;
    assert.ok(changed >= 1 && changed <= maxChangedLines, `"${action.title}" changed ${changed} lines`);
  }
}

const withCode = (uri, code) => h.soc2Diagnostics(uri).filter((d) => h.codeOf(d) === code);

suite('Editing and quick fixes', () => {
  let acme;
  suiteSetup(async () => {
    await h.activateExtension();
    acme = h.root('acme-saas');
  });

  test('stale-review: "mark as reviewed today" sets last_reviewed and the warning clears', async () => {
    const cli = acme.diagnostics.find((d) => d.code === 'stale-review');
    const uri = h.uriOf(acme, cli.file);
    const [d] = await h.waitFor(() => withCode(uri, 'stale-review').length && withCode(uri, 'stale-review'), { what: 'stale-review' });
    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => /review/i.test(a.title));
    assert.ok(fix, `no review fix among: ${fixes.map((a) => a.title).join(' | ')}`);
    await applyMinimal(fix);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), new RegExp(`last_reviewed:\\s*${h.expected().today}`));
    await h.waitFor(() => withCode(uri, 'stale-review').length === 0, { timeoutMs: 10_000, what: 'stale-review to clear' });
  });

  test('frequency-mismatch: aligning the frequency clears the warning', async () => {
    const cli = acme.diagnostics.find((d) => d.code === 'frequency-mismatch');
    const uri = h.uriOf(acme, cli.file);
    const [d] = await h.waitFor(() => withCode(uri, 'frequency-mismatch').length && withCode(uri, 'frequency-mismatch'), { what: 'frequency-mismatch' });
    const fixes = await quickFixes(uri, d);
    assert.ok(fixes.length >= 1, 'no quick fix for frequency-mismatch');
    // Prefer changing the control (the YAML value), the first fix otherwise.
    const fix = fixes.find((a) => /control|frequency/i.test(a.title)) || fixes[0];
    await applyMinimal(fix);
    await h.waitFor(() => withCode(uri, 'frequency-mismatch').length === 0, { timeoutMs: 10_000, what: 'frequency-mismatch to clear' });
  });

  test('typing an unknown criterion id shows unknown-criterion at once; the suggested fix clears it', async () => {
    const rel = 'controls/access.yaml';
    const uri = h.uriOf(acme, rel);
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = h.positionIn(acme, rel, /criteria:\s*\[(CC\d+\.\d+)/);
    const original = doc.getText(doc.getWordRangeAtPosition(pos, /[A-Z]+\d+\.\d+/));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, pos, 'CC6.9, ');
    const t0 = Date.now();
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [d] = await h.waitFor(() => withCode(uri, 'unknown-criterion').length && withCode(uri, 'unknown-criterion'), { timeoutMs: 5_000, what: 'unknown-criterion after typing CC6.9' });
    const ms = Date.now() - t0;
    assert.equal(d.range.start.line, pos.line);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /CC6\.9/);
    assert.match(d.message, /CC6\.1/, 'the nearest id is not suggested');
    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => a.title.includes('Replace with CC6.1'));
    assert.ok(fix, `no "Replace with CC6.1" among: ${fixes.map((a) => a.title).join(' | ')}`);
    await applyMinimal(fix);
    assert.match(doc.lineAt(pos.line).text, new RegExp(`\\[CC6\\.1, ${original.replace('.', '\\.')}`));
    await h.waitFor(() => withCode(uri, 'unknown-criterion').length === 0, { timeoutMs: 5_000, what: 'unknown-criterion to clear' });
    console.log(`      (diagnostic appeared ${ms} ms after the edit)`);
  });

  test('mapping the unmapped criterion in a control clears its warning in soc2.yaml', async () => {
    const cli = acme.diagnostics.find((d) => d.code === 'unmapped-criterion');
    const criterion = /^([A-Z]+\d+\.\d+)/.exec(cli.message)?.[1];
    assert.ok(criterion, `cannot read the criterion from "${cli.message}"`);
    const config = h.uriOf(acme, 'soc2.yaml');
    const about = () => h.soc2Diagnostics(config).filter((d) => h.codeOf(d) === 'unmapped-criterion' && d.message.startsWith(criterion));
    await h.waitFor(() => about().length === 1, { what: `unmapped-criterion for ${criterion}` });
    // AC-01 is implemented: mapping the criterion there covers it.
    const rel = 'controls/access.yaml';
    const pos = h.positionIn(acme, rel, /id: AC-01[\s\S]*?criteria:\s*\[(\w)/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(h.uriOf(acme, rel), pos, `${criterion}, `);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const doc = await vscode.workspace.openTextDocument(h.uriOf(acme, rel));
    await h.waitFor(() => about().length === 0, {
      timeoutMs: 10_000,
      what: `soc2.yaml to drop unmapped-criterion for ${criterion} after editing line ${pos.line + 1} to "${doc.lineAt(pos.line).text.trim()}"`,
    });
  });
});
