/** The latest readiness summary from the language server, shared by the webview, tree and status bar. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryRequest, type SummaryResult, type SummaryParams } from '../../server/src/lsp/protocol';

export class SummaryStore implements vscode.Disposable {
  private current: SummaryResult | undefined;
  private failure: string | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  get result(): SummaryResult | undefined { return this.current; }
  get error(): string | undefined { return this.failure; }

  /** Root URIs the server reported: the only roots a webview message may name. */
  get knownRoots(): ReadonlySet<string> { return new Set(this.current?.roots.map((r) => r.root) ?? []); }

  /**
   * Asks the server again. Calls during a request are coalesced into one more request after it,
   * so a burst of `soc2/summaryChanged` costs at most two round trips.
   */
  refresh(): Promise<void> {
    if (this.inFlight) { this.again = true; return this.inFlight; }
    this.inFlight = this.run().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  /** The summary, fetching it first if none has arrived yet. */
  async ensure(): Promise<SummaryResult | undefined> {
    if (!this.current) await this.refresh();
    return this.current;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      const client = this.client();
      if (!client) { this.failure = 'the language server is not running'; break; }
      try {
        const params: SummaryParams = {};
        this.current = await client.sendRequest<SummaryResult>(SummaryRequest, params);
        this.failure = undefined;
      } catch (err) {
        this.failure = err instanceof Error ? err.message : String(err);
      }
    } while (this.again);
    this.emitter.fire();
  }

  dispose(): void { this.emitter.dispose(); }
}
