// "SOC 2: Preview Published Policy" in a real editor: the command opens the preview beside the policy, titled
// with the policy's title, and an unsaved edit of that title shows in the preview without saving (live refresh
// through the language server's soc2/publishPreview). "SOC 2: Publish Policies…" is registered.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const POLICY = 'policies/access-control.md';

suite('Publishing', () => {
  suiteSetup(async () => { await h.activateExtension(); });

  test('"SOC 2: Preview Published Policy" previews the open policy and follows unsaved edits', async () => {
    const root = h.expected().roots.find((r) => fs.existsSync(path.join(r.path, POLICY)));
    assert.ok(root, `no root has ${POLICY}`);
    const doc = await vscode.workspace.openTextDocument(h.uriOf(root, POLICY));
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('soc2.previewPublishedPolicy');
    const previewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('soc2.publishPreview'));
    await h.waitFor(() => previewTab()?.label === 'Published: Access Control Policy', { what: 'the preview tab titled with the policy', onTimeout: () => console.log(`tab: ${previewTab()?.label}`) });
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('title:'));
    const original = doc.lineAt(line).text;
    const setTitle = (text) => editor.edit((e) => e.replace(new vscode.Range(line, 0, line, doc.lineAt(line).text.length), text));
    await setTitle('title: Access Control Policy (draft)');
    await h.waitFor(() => previewTab()?.label === 'Published: Access Control Policy (draft)', { what: 'the preview to follow the unsaved edit', onTimeout: () => console.log(`tab: ${previewTab()?.label}`) });
    // Put the text back and close only the preview: closing a modified editor would wait on a "save?" dialog.
    await setTitle(original);
    await h.waitFor(() => previewTab()?.label === 'Published: Access Control Policy', { what: 'the preview to follow the restored title' });
    await vscode.window.tabGroups.close(previewTab());
  });

  test('"SOC 2: Publish Policies…" is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('soc2.publishPolicies'));
  });
});
