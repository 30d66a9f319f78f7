/** The readiness summary webview: one panel, re-rendered whenever the store changes. */
import * as vscode from 'vscode';
import { renderSummaryHtml, makeNonce } from './summary-html';
import { parseOpenMessage } from './link-target';
import { openTarget } from './open-location';
import type { SummaryStore } from './summary-store';

export const SUMMARY_VIEW_TYPE = 'soc2.summary';

/** No local resources, no command links: the page is self-contained and only posts messages. */
function webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true };
}

export class SummaryPanel implements vscode.Disposable {
  private static current: SummaryPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** What the page shows now, so an unchanged summary does not reload it. */
  private shown: string | undefined;

  static show(store: SummaryStore): void {
    if (SummaryPanel.current) {
      SummaryPanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, 'SOC 2 Readiness', vscode.ViewColumn.Active, webviewOptions());
      SummaryPanel.current = new SummaryPanel(panel, store);
    }
    void store.refresh();
  }

  /** Restores a panel VS Code kept across a reload. */
  static revive(panel: vscode.WebviewPanel, store: SummaryStore): void {
    SummaryPanel.current?.dispose();
    panel.webview.options = webviewOptions();
    SummaryPanel.current = new SummaryPanel(panel, store);
    void store.refresh();
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly store: SummaryStore) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)),
      store.onDidChange(() => this.render()),
    );
    this.render();
  }

  private render(): void {
    const { result, error } = this.store;
    const key = JSON.stringify([result, error]);
    if (key === this.shown) return;
    this.shown = key;
    this.panel.webview.html = renderSummaryHtml(result, makeNonce(), error ? { error } : {});
  }

  /** The page is built from repository text: its messages are validated before anything opens. */
  private onMessage(msg: unknown): void {
    const target = parseOpenMessage(msg, this.store.knownRoots);
    if (target) void openTarget(target, vscode.ViewColumn.Beside);
  }

  dispose(): void {
    if (SummaryPanel.current === this) SummaryPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
