// The extension's own UI pieces as far as the API can see them: the summary command opens its
// webview, the coverage tree has items, and a server restart brings every diagnostic back.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

/** Finds a TreeDataProvider-like object on the extension's exported API, if it has one. */
function coverageProvider(api) {
  if (!api || typeof api !== 'object') return undefined;
  const isProvider = (o) => o && typeof o.getChildren === 'function' && typeof o.getTreeItem === 'function';
  if (isProvider(api.coverageTree)) return api.coverageTree;
  return Object.values(api).find(isProvider);
}

const labelText = (item) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

suite('Views and commands', () => {
  let api;
  suiteSetup(async () => { ({ api } = await h.activateExtension()); });

  test('"SOC 2: Show Readiness Summary" opens the summary webview', async () => {
    await vscode.commands.executeCommand('soc2.showSummary');
    const tab = await h.waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('soc2.summary')), { what: 'the summary tab' });
    assert.match(tab.label, /SOC 2|readiness/i);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the "SOC 2 Coverage" view is contributed to the Explorer and opens', async () => {
    // VS Code registers `<viewId>.focus` for every contributed view; it fails for an unknown one.
    await vscode.commands.executeCommand('soc2Coverage.focus');
  });

  test('the coverage tree lists categories, then criteria with their status', async function () {
    const provider = coverageProvider(api);
    if (!provider) return h.skip(this, 'the extension exports no coverage tree provider (the UI suite checks the view)');
    const top = await h.waitFor(async () => {
      const c = await provider.getChildren();
      return c && c.length ? c : undefined;
    }, { what: 'the tree\'s top level' });
    // One node per root in this multi-root workspace, or categories when there is one root.
    let categories = top;
    const topLabels = await Promise.all(top.map(async (n) => labelText(await provider.getTreeItem(n))));
    const acmeIdx = topLabels.findIndex((l) => /acme/i.test(l));
    if (acmeIdx >= 0) categories = await provider.getChildren(top[acmeIdx]);
    const catLabels = await Promise.all(categories.map(async (n) => labelText(await provider.getTreeItem(n))));
    assert.ok(catLabels.some((l) => /security|common/i.test(l)), `no security category in ${catLabels}`);
    // The example also targets ISO 27001: one node for it after the categories.
    const iso = catLabels.findIndex((l) => /ISO\/IEC 27001:2022/.test(l));
    assert.ok(iso > catLabels.findIndex((l) => /security|common/i.test(l)), `no ISO 27001 node after the categories in ${catLabels}`);
    const criteria = await provider.getChildren(categories[0]);
    const items = await Promise.all(criteria.map((n) => provider.getTreeItem(n)));
    assert.ok(items.some((i) => /^CC\d+\.\d+/.test(labelText(i))), `no criterion under ${catLabels[0]}`);
    assert.ok(items.every((i) => i.iconPath), 'a criterion has no status icon');
  });

  test('"SOC 2: Restart Language Server" brings every diagnostic back', async () => {
    await vscode.commands.executeCommand('soc2.restartServer');
    for (const r of h.expected().roots) {
      const want = h.expectedKeys(r);
      await h.waitFor(() => JSON.stringify(h.actualKeys(r)) === JSON.stringify(want), {
        timeoutMs: 60_000,
        what: `${r.name}'s diagnostics after the restart`,
        onTimeout: () => assert.deepEqual(h.actualKeys(r), want),
      });
    }
  });

  test('when the server process dies, the client starts it again and the diagnostics come back', async () => {
    // Find our language server among this extension host's children and kill it, as a crash would.
    const { execFileSync } = require('node:child_process');
    const pids = execFileSync('pgrep', ['-f', 'soc2-as-code.*dist/server.js'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
    assert.ok(pids.length > 0, 'no language server process found');
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await h.waitFor(() => {
      try { return execFileSync('pgrep', ['-f', 'soc2-as-code.*dist/server.js'], { encoding: 'utf8' }).trim().split('\n').map(Number).some((p) => !pids.includes(p)); } catch { return false; }
    }, { timeoutMs: 60_000, what: 'a new language server process' });
    for (const r of h.expected().roots) {
      const want = h.expectedKeys(r);
      await h.waitFor(() => JSON.stringify(h.actualKeys(r)) === JSON.stringify(want), {
        timeoutMs: 60_000,
        what: `${r.name}'s diagnostics after the server was killed`,
        onTimeout: () => assert.deepEqual(h.actualKeys(r), want),
      });
    }
  });
});
