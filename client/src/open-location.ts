/** Opens a file of a compliance root at a line, after checking the path cannot leave the root. */
import * as vscode from 'vscode';
import { isInside, isSafeRelativePath, type OpenTarget } from './link-target';

/** The URI of `target.file` inside `target.root`, or undefined when it would be anywhere else. */
export function resolveTarget(target: OpenTarget): vscode.Uri | undefined {
  if (!isSafeRelativePath(target.file)) return undefined;
  let root: vscode.Uri;
  try { root = vscode.Uri.parse(target.root, true); } catch { return undefined; }
  // The server only serves folders on disk; anything else did not come from it.
  if (root.scheme !== 'file') return undefined;
  const uri = vscode.Uri.joinPath(root, ...target.file.split('/'));
  return isInside(root.path, uri.path) ? uri : undefined;
}

export async function openTarget(target: OpenTarget, viewColumn?: vscode.ViewColumn): Promise<void> {
  const uri = resolveTarget(target);
  if (!uri) return;
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = Math.min(Math.max(0, target.line - 1), Math.max(0, doc.lineCount - 1));
    const at = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: false, ...(viewColumn ? { viewColumn } : {}) });
  } catch (err) {
    void vscode.window.showWarningMessage(`SOC 2: could not open ${target.file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
