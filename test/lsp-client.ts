/**
 * A small LSP client for tests: spawns the bundled server (`node dist/server.js --stdio`) and talks to it
 * with the real protocol library, the way an editor would. Build first (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
  type Diagnostic, type InitializeResult, type ProtocolConnection, type TextDocumentContentChangeEvent, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(__dirname, '..');
/** The server under test; SOC2_TEST_SERVER points at another build (to see a new test fail on an older server). */
export const SERVER = process.env.SOC2_TEST_SERVER ?? path.join(REPO, 'dist', 'server.js');

/** A copy of fixture folders in a fresh temp dir, so tests never touch the checked-in files. */
export class TempWorkspace {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'soc2-lsp-'));
  /** Copies `test/fixtures/<name>` to `<dir>/<name>`; listed files get `\r\n` line endings. */
  add(name: string, options: { crlf?: string[] } = {}): string {
    const dest = path.join(this.dir, name);
    cpSync(path.join(REPO, 'test', 'fixtures', name), dest, { recursive: true });
    for (const rel of options.crlf ?? []) {
      const file = path.join(dest, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    return dest;
  }
  path(...parts: string[]): string { return path.join(this.dir, ...parts); }
  uri(...parts: string[]): string { return pathToFileURL(this.path(...parts)).href; }
  read(...parts: string[]): string { return readFileSync(this.path(...parts), 'utf8'); }
  dispose(): void { rmSync(this.dir, { recursive: true, force: true }); }
}

export interface StartOptions {
  folders: string[];
  initializationOptions?: Record<string, unknown>;
  /** The server process's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Node options for the server process (e.g. `--require` a clock preload). */
  execArgv?: string[];
  /** Replaces the client capabilities this client declares (default: VS Code-like, with dynamic file watching). */
  capabilities?: Record<string, unknown>;
}

/** Capabilities of a client that cannot register file watchers (Neovim before 0.10, Helix). */
export const NO_WATCH_CAPABILITIES = {
  window: { workDoneProgress: true },
  workspace: { workspaceEdit: { documentChanges: true }, workspaceFolders: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown'] } },
};

export class LspClient {
  /** The latest diagnostics published per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publish, in order, so a test can see which files were re-published. */
  readonly publishLog: string[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications, in order. */
  readonly messages: { type: number; message: string }[] = [];
  /** The server's answer to initialize (its capabilities). */
  initializeResult: InitializeResult | undefined;
  /** Methods the server asked to register (`client/registerCapability`). */
  readonly registrations: string[] = [];
  private versions = new Map<string, number>();
  private waiters = new Set<() => void>();
  private indexedResolve!: () => void;
  /** Resolves when the server ends its work-done progress for the initial index. */
  readonly indexed = new Promise<void>((r) => { this.indexedResolve = r; });

  private constructor(readonly connection: ProtocolConnection, readonly child: ChildProcess) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishLog.push(p.uri);
      for (const w of [...this.waiters]) w();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => { if (p.value?.kind === 'end') this.indexedResolve(); });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => { this.messages.push(p); });
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      for (const r of p.registrations) this.registrations.push(r.method);
      return null;
    });
    connection.onRequest('workspace/configuration', () => []);
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    child.stderr!.on('data', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      initializationOptions: options.initializationOptions ?? {},
      capabilities: options.capabilities ?? {
        window: { workDoneProgress: true },
        workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown'] } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    const languageId = uri.endsWith('.md') ? 'markdown' : 'yaml';
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits until the diagnostics of `uri` satisfy `ok`; fails with what was last seen. */
  async waitForDiagnostics(uri: string, ok: (d: Diagnostic[]) => boolean, timeoutMs = 5000): Promise<Diagnostic[]> {
    const current = () => this.diagnostics.get(uri) ?? [];
    if (ok(current())) return current();
    return new Promise((resolve, reject) => {
      const check = () => { if (ok(current())) { this.waiters.delete(check); clearTimeout(timer); resolve(current()); } };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(current().map((d) => d.code))}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.child.kill(); resolve(); }, 2000);
      this.child.once('exit', () => { clearTimeout(t); resolve(); });
    });
    this.connection.dispose();
  }
}

/** Applies LSP text edits to a text (edits do not overlap; applied from the end so offsets hold). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') { starts.push(i + 2); i++; } else if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length));
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/**
 * Applies a workspace edit to texts read by `read(uri)` (undefined for a file that does not exist);
 * returns the new text of every file it touches. Creating an existing file fails, as in an editor.
 */
export function applyWorkspaceEdit(edit: WorkspaceEdit, read: (uri: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const textOf = (uri: string) => {
    const t = out.has(uri) ? out.get(uri) : read(uri);
    if (t === undefined) throw new Error(`edit to a file that does not exist: ${uri}`);
    return t;
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, applyEdits(textOf(uri), edits));
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
      if (read(change.uri) !== undefined || out.has(change.uri)) throw new Error(`would overwrite ${change.uri}`);
      out.set(change.uri, '');
    } else {
      out.set(change.textDocument.uri, applyEdits(textOf(change.textDocument.uri), change.edits as TextEdit[]));
    }
  }
  return out;
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not found`);
  }
  const before = text.slice(0, at + delta);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
