import { ErrorCodes, LSPErrorCodes, MessageType, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { decodeText } from '../engine/text';
import { computeSummary } from '../engine/summary';
import { formatSummaryMarkdown } from '../report/summary-text';
import type { DocumentSync } from './document-sync';
import type { FeatureContext } from './feature-context';
import type { Indexer } from './indexing';
import { ServerCommands, type SummaryParams, type SummaryResult } from './protocol';
import { rootFor, type ComplianceRoot } from './roots';
import type { ServerState } from './server-state';

/** How many times a feature may ask for files it had not been given before it answers with what it has. */
const MAX_FETCH_ROUNDS = 3;

/**
 * Requests: every feature answers from a complete index. A request that arrives while indexing is under
 * way waits for it (as `soc2/summary` does), so an early hover is late rather than silently empty.
 */
export class Requests {
  /** Settles when the file events received so far are applied (set by the server). */
  eventsSettled: () => Promise<void> = async () => undefined;

  constructor(private readonly state: ServerState, private readonly indexer: Indexer, private readonly sync: DocumentSync) {}

  /** Waits until the index is complete and every file event received so far is in it. */
  private async current(): Promise<void> {
    await this.indexer.ready();
    await this.eventsSettled();
    await this.indexer.ready(); // events may have started indexing (a new root, a changed soc2.yaml)
  }

  async summary(params: SummaryParams | undefined, token?: CancellationToken): Promise<SummaryResult> {
    await this.current();
    // Cancelled while it waited for the index: say so rather than compute a summary nobody reads.
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'soc2/summary was cancelled');
    this.sync.parseEdited();
    const roots = [...this.state.roots.values()].filter((r) => !params?.uri || r.relative(params.uri) !== undefined || r.uri === params.uri);
    return {
      indexing: this.indexer.busy,
      roots: roots.map((r) => {
        const summary = computeSummary(r.project);
        return { root: r.uri, name: r.name, summary, markdown: formatSummaryMarkdown(summary) };
      }),
    };
  }

  /**
   * `workspace/executeCommand` for the server's own commands (see ServerCommands). `soc2.showSummary.server`
   * shows each root's readiness headline with `window/showMessage` and returns the summary Markdown.
   */
  async executeCommand(command: string, args: unknown[], token?: CancellationToken): Promise<unknown> {
    if (command !== ServerCommands.showSummary) throw new ResponseError(ErrorCodes.InvalidParams, `soc2: unknown command ${command}`);
    const uri = typeof args[0] === 'string' ? args[0] : undefined;
    const result = await this.summary({ uri }, token);
    for (const r of result.roots) {
      const s = r.summary;
      const message = `${r.name}: readiness ${s.readiness}%, ${s.gaps.length} ${s.gaps.length === 1 ? 'gap' : 'gaps'}, ${s.severities.error} errors, ${s.severities.warning} warnings (as of ${s.today}).`;
      void this.state.connection.sendNotification('window/showMessage', { type: MessageType.Info, message });
    }
    return result.roots.map((r) => r.markdown).join('\n\n');
  }

  /** Every root's index once complete, with pending edits parsed (workspace-wide requests). */
  async allRoots(): Promise<ComplianceRoot[]> {
    await this.current();
    this.sync.parseEdited();
    return [...this.state.roots.values()];
  }

  /**
   * Runs a feature for a document inside a root, once the index is complete; documents outside every root
   * get an empty answer. Files other than open documents are read through the root's Workspace: a feature
   * asking for one it was not given is run again once it has been read (features are pure, so re-running is safe).
   */
  async withDocument<T>(uri: string, run: (ctx: FeatureContext) => T, token?: CancellationToken): Promise<T | null> {
    await this.current();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    const hit = rootFor(this.state.roots.values(), uri);
    const document = this.state.documents.get(uri);
    if (!hit || !document) return null;
    this.sync.parseEdited();
    const { root } = hit;
    const read = new Map<string, string | undefined>();
    try {
      for (let round = 0; ; round++) {
        const missing = new Set<string>();
        const textOf = (p: string): string | undefined => {
          const open = this.state.documents.get(root.uriOf(p));
          if (open) return open.getText();
          if (!read.has(p)) missing.add(p);
          return read.get(p);
        };
        let answer: T;
        try {
          answer = run({ root, project: root.project, path: hit.path, document, textOf });
        } catch (err) {
          // A feature may give up for want of a file it has not been given yet: read it and ask again.
          if (!missing.size || round >= MAX_FETCH_ROUNDS) throw err;
          for (const p of missing) read.set(p, await this.readText(root, p));
          continue;
        }
        if (!missing.size || round >= MAX_FETCH_ROUNDS) return answer;
        for (const p of missing) read.set(p, await this.readText(root, p));
      }
    } catch (err) {
      // A feature's own refusal (rename onto an existing id) goes to the client as it is.
      if (err instanceof ResponseError) throw err;
      this.state.connection.console.error(`soc2: ${(err as Error).stack ?? String(err)}`);
      return null;
    }
  }

  /** A file's text on disk through the root's Workspace; undefined when it does not exist or cannot be read. */
  async readText(root: ComplianceRoot, rel: string): Promise<string | undefined> {
    try { return decodeText(await root.workspace.read(rel)).text; } catch { return undefined; }
  }
}
