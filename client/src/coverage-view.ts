/** The Explorer tree "SOC 2 Coverage": the vscode side of coverage-tree.ts. */
import * as vscode from 'vscode';
import { buildCoverageTree, type CoverageNode } from './coverage-tree';
import { resolveTarget } from './open-location';
import type { SummaryStore } from './summary-store';

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private nodes: CoverageNode[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: SummaryStore) {
    this.subscription = store.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    // On a failed refresh keep showing the last good tree: the status bar reports the failure.
    if (this.store.error && this.nodes.length) return;
    this.nodes = buildCoverageTree(this.store.result);
    this.emitter.fire();
  }

  getChildren(node?: CoverageNode): CoverageNode[] { return node ? node.children : this.nodes; }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const state = !node.children.length ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'criterion' || node.kind === 'framework' || node.kind === 'requirement' ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.key;
    item.contextValue = node.kind;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    const uri = node.location && resolveTarget(node.location);
    if (node.location && uri) {
      const at = new vscode.Position(Math.max(0, node.location.line - 1), 0);
      const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(at, at) };
      item.command = { command: 'vscode.open', title: 'Open Definition', arguments: [uri, options] };
      item.tooltip = `${node.label}: ${node.location.file}:${node.location.line}`;
    }
    return item;
  }

  dispose(): void { this.subscription.dispose(); this.emitter.dispose(); }
}
