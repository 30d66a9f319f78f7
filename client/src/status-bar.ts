/** The status bar item: readiness and gaps of the active compliance root; a click opens the summary. */
import * as vscode from 'vscode';
import { statusModel } from './status-text';
import type { SummaryStore } from './summary-store';

/** What the status bar needs of the Tasks tree: the overdue count and when it changes. */
export interface OverdueSource { readonly overdue: number; readonly filtered: boolean; onDidChangeTasks: vscode.Event<void> }

export class ReadinessStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('soc2.readiness', vscode.StatusBarAlignment.Left, 20);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: SummaryStore, private readonly tasks?: OverdueSource) {
    this.item.name = 'SOC 2 Readiness';
    this.item.command = 'soc2.showSummary';
    this.subscriptions = [
      store.onDidChange(() => this.update()),
      // With several compliance roots, the item follows the active editor's.
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      ...(tasks ? [tasks.onDidChangeTasks(() => this.update())] : []),
    ];
    this.update();
  }

  private update(): void {
    const model = statusModel(this.store.result, {
      ...(this.store.error ? { error: this.store.error } : {}),
      ...(vscode.window.activeTextEditor ? { activeUri: vscode.window.activeTextEditor.document.uri.toString() } : {}),
      // The server writes URIs with Node's encoder, VS Code with its own: compare decoded paths.
      normalize: (uri: string) => { const u = vscode.Uri.parse(uri); return `${u.scheme}:${u.path}`; },
    });
    if (model.text === undefined) { this.item.hide(); return; }
    this.item.text = model.text;
    const overdue = this.tasks?.overdue ?? 0;
    this.item.tooltip = overdue ? `${model.tooltip}\n${overdue} overdue task${overdue === 1 ? '' : 's'}${this.tasks?.filtered ? ' of yours' : ''} (SOC 2 Tasks view)` : model.tooltip;
    this.item.show();
  }

  dispose(): void { for (const d of this.subscriptions) d.dispose(); this.item.dispose(); }
}
