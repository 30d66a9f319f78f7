import { TextDocuments, type ClientCapabilities, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { todayFromClock } from '../engine/dates';
import type { ComplianceRoot } from './roots';

/**
 * What the server's parts share: the connection, the open documents, one index per compliance root,
 * and the options the client chose at initialize. Each part (indexing, document sync, file events,
 * publishing, requests) lives in its own module and reads this; none holds another's state.
 */
export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  /** Compliance roots by folder path (the folder holding soc2.yaml). */
  readonly roots = new Map<string, ComplianceRoot>();
  /** The date checks measure against; see today.ts for when it moves. */
  today = todayFromClock();
  /** True when the client fixed today in initializationOptions: then it never rolls over. */
  todayFixed = false;
  debounceMs = 75;
  codeLensEnabled = true;
  /** The persistent cache in each root's .soc2/cache (initializationOptions.cache, default on). */
  cacheEnabled = true;
  /** The client's own command for code lenses (initializationOptions.revealSummaryCommand), else the server's. */
  revealSummaryCommand: string | undefined;
  /** False in an untrusted workspace: then no child process (git) is ever started. */
  trusted = true;
  /** What the client said it can do, at initialize. */
  client: ClientCapabilities = {};
  /** Workspace folders (absolute paths) searched for roots. */
  folders: string[] = [];

  constructor(readonly connection: Connection) {}

  /** True when `dir` is one of the workspace folders or below one. */
  inFolders(dir: string): boolean {
    return this.folders.some((f) => dir === f || dir.startsWith(f.endsWith('/') ? f : `${f}/`));
  }
}
