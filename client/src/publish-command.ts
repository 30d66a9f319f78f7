/**
 * "SOC 2: Publish Policies…": asks for a folder and writes the same site `soc2 publish` writes, with the
 * same code, in the extension host. git histories are read only in a trusted workspace, as for the checks.
 */
import * as vscode from 'vscode';
import * as nodePath from 'node:path';
import { publishFolder } from '../../server/src/publish/publish';
import { todayFromClock } from '../../server/src/engine/dates';
import type { SummaryStore } from './summary-store';

export async function publishPolicies(store: SummaryStore, version: string): Promise<void> {
  await store.refresh();
  const roots = store.result?.roots ?? [];
  if (!roots.length) { void vscode.window.showWarningMessage('SOC 2: no compliance repo (a folder with soc2.yaml) is open.'); return; }
  const picked = roots.length === 1 ? roots[0]
    : (await vscode.window.showQuickPick(roots.map((r) => ({ label: r.name, description: vscode.Uri.parse(r.root).fsPath, root: r })), { title: 'Publish which compliance repo?' }))?.root;
  if (!picked) return;
  const rootPath = vscode.Uri.parse(picked.root).fsPath;
  const chosen = await vscode.window.showOpenDialog({
    title: 'Publish the policies into this folder', openLabel: 'Publish here', canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    defaultUri: vscode.Uri.file(nodePath.dirname(rootPath)),
  });
  const out = chosen?.[0]?.fsPath;
  if (!out) return;
  const rel = nodePath.relative(rootPath, out);
  if (!rel.startsWith('..') && !nodePath.isAbsolute(rel)) {
    const answer = await vscode.window.showWarningMessage(`${out} is inside the compliance repo: the site's files will be written there.`, { modal: true }, 'Publish There');
    if (answer !== 'Publish There') return;
  }
  const today = process.env.SOC2_TODAY || todayFromClock();
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'SOC 2: publishing policies' },
      () => publishFolder(rootPath, today, vscode.workspace.isTrusted, { out, toolVersion: version }));
    const open = await vscode.window.showInformationMessage(`SOC 2: published ${result.policies} ${result.policies === 1 ? 'policy' : 'policies'} to ${out}${result.inGit ? '' : ' (outside git: no revision histories)'}.`, 'Open index.html');
    if (open) await vscode.env.openExternal(vscode.Uri.file(nodePath.join(out, 'index.html')));
  } catch (err) {
    void vscode.window.showErrorMessage(`SOC 2: publishing failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
