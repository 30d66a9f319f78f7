/** "SOC 2: Export Readiness Report": the Markdown summary and its JSON twin, where the user picks. */
import * as vscode from 'vscode';
import { summaryJson } from '../../server/src/report/summary-text';
import type { RootSummary } from '../../server/src/lsp/protocol';
import type { SummaryStore } from './summary-store';

/** `report.md` → `report.json`; any other name gets `.json` appended. */
function jsonBeside(uri: vscode.Uri): vscode.Uri {
  const path = /\.(md|markdown)$/i.test(uri.path) ? uri.path.replace(/\.(md|markdown)$/i, '.json') : `${uri.path}.json`;
  return uri.with({ path });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

async function pickRoot(roots: RootSummary[]): Promise<RootSummary | undefined> {
  if (roots.length === 1) return roots[0];
  const picked = await vscode.window.showQuickPick(
    roots.map((r) => ({ label: r.name, description: `${r.summary.readiness}%`, detail: vscode.Uri.parse(r.root).fsPath, root: r })),
    { title: 'Export the readiness report of which compliance repo?' },
  );
  return picked?.root;
}

export async function exportReport(store: SummaryStore): Promise<void> {
  const result = await store.ensure();
  if (store.error || !result) {
    void vscode.window.showErrorMessage(`SOC 2: cannot export: ${store.error ?? 'no summary from the language server'}`);
    return;
  }
  if (!result.roots.length) {
    void vscode.window.showInformationMessage('SOC 2: no soc2.yaml in this workspace, so there is nothing to export.');
    return;
  }
  const root = await pickRoot(result.roots);
  if (!root) return;
  const target = await vscode.window.showSaveDialog({
    title: 'Export SOC 2 Readiness Report',
    saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(root.root), `soc2-readiness-${root.summary.today}.md`),
    filters: { Markdown: ['md'] },
  });
  if (!target) return;
  const json = jsonBeside(target);
  // The save dialog confirmed replacing the Markdown file only; ask before replacing its JSON twin.
  if (await exists(json)) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(json)} already exists. Replace it with the JSON summary?`, { modal: true }, replace);
    if (answer !== replace) return;
  }
  const encoder = new TextEncoder();
  try {
    await vscode.workspace.fs.writeFile(target, encoder.encode(root.markdown));
    await vscode.workspace.fs.writeFile(json, encoder.encode(`${JSON.stringify(summaryJson(root.summary), null, 2)}\n`));
  } catch (err) {
    void vscode.window.showErrorMessage(`SOC 2: could not write the report: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const open = 'Open Report';
  const choice = await vscode.window.showInformationMessage(`SOC 2: readiness report written to ${vscode.workspace.asRelativePath(target)} (and ${vscode.workspace.asRelativePath(json)}).`, open);
  if (choice === open) await vscode.window.showTextDocument(target);
}
