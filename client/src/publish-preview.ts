/**
 * "SOC 2: Preview Published Policy": the policy in the active editor as `soc2 publish` renders it, beside the
 * editor, refreshed as you type and when the index changes (a control renamed, a review date passed). The
 * language server renders it from the unsaved text with the publishing code; this side only frames it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PublishPreviewRequest, type PublishPreviewParams, type PublishPreviewResult } from '../../server/src/lsp/protocol';
import { makeNonce } from './summary-html';
import { renderPreviewHtml } from './publish-preview-html';
import type { SummaryStore } from './summary-store';

export const PREVIEW_VIEW_TYPE = 'soc2.publishPreview';
const REFRESH_DELAY_MS = 250;

export class PublishPreviewPanel implements vscode.Disposable {
  private static current: PublishPreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private shown: string | undefined;
  private generation = 0;

  static show(client: () => LanguageClient | undefined, store: SummaryStore, uri?: vscode.Uri): void {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target || target.scheme !== 'file') {
      void vscode.window.showInformationMessage('SOC 2: open a policy (a Markdown file under policies/) to preview it as it will be published.');
      return;
    }
    if (PublishPreviewPanel.current) {
      PublishPreviewPanel.current.retarget(target);
      PublishPreviewPanel.current.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Published policy', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true });
    PublishPreviewPanel.current = new PublishPreviewPanel(panel, client, store, target);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly client: () => LanguageClient | undefined, store: SummaryStore, private uri: vscode.Uri) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.toString() === this.uri.toString()) this.schedule(); }),
      // Follow the editor: another Markdown file becomes the previewed one, as the Markdown preview does.
      vscode.window.onDidChangeActiveTextEditor((e) => { if (e && e.document.uri.scheme === 'file' && e.document.languageId === 'markdown') this.retarget(e.document.uri); }),
      store.onDidChange(() => this.schedule()),
    );
    void this.render();
  }

  private retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    void this.render();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), REFRESH_DELAY_MS);
  }

  private async render(): Promise<void> {
    const generation = ++this.generation;
    let result: PublishPreviewResult | null = null;
    let message: string | undefined;
    try {
      const lc = this.client();
      if (!lc) message = 'The SOC 2 language server is not running.';
      else result = await lc.sendRequest<PublishPreviewResult | null>(PublishPreviewRequest, { uri: this.uri.toString() } satisfies PublishPreviewParams);
    } catch (err) {
      message = `The preview could not be rendered: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (generation !== this.generation) return; // a newer render started meanwhile
    if (!result && !message) message = `${vscode.workspace.asRelativePath(this.uri)} is not a policy of a compliance repo (a Markdown file matched by paths.policies in soc2.yaml).`;
    const key = JSON.stringify([result, message]);
    if (key === this.shown) return;
    this.shown = key;
    this.panel.title = result ? `Published: ${result.title}` : 'Published policy';
    this.panel.webview.html = renderPreviewHtml({ result, ...(message ? { message } : {}) }, makeNonce());
  }

  dispose(): void {
    if (PublishPreviewPanel.current === this) PublishPreviewPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
