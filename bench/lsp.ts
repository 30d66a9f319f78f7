/**
 * A minimal timing LSP client for the benchmark: spawns the bundled server over stdio and records
 * when each `textDocument/publishDiagnostics` arrives (performance.now() in this process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
  type Diagnostic, type ProtocolConnection, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface Publish { uri: string; at: number; diagnostics: Diagnostic[] }

export class TimingClient {
  readonly publishes: Publish[] = [];
  readonly latest = new Map<string, Diagnostic[]>();
  indexEndAt: number | undefined;
  private listeners = new Set<() => void>();
  private versions = new Map<string, number>();

  private constructor(readonly connection: ProtocolConnection, readonly child: ChildProcess) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      this.publishes.push({ uri: p.uri, at, diagnostics: p.diagnostics });
      this.latest.set(p.uri, p.diagnostics);
      this.notify();
    });
    connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      if (p.value?.kind === 'end' && this.indexEndAt === undefined) { this.indexEndAt = performance.now(); this.notify(); }
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('soc2/summaryChanged', () => undefined);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', () => []);
  }

  static spawn(serverJs: string, nodeArgs: string[] = []): TimingClient {
    const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    return new TimingClient(connection, child);
  }

  async initialize(folder: string, initializationOptions: Record<string, unknown>): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
      initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
  }

  initialized(): void { void this.connection.sendNotification(InitializedNotification.type, {}); }

  open(file: string): { uri: string; text: string } {
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    this.versions.set(uri, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: file.endsWith('.md') ? 'markdown' : 'yaml', version: 1, text },
    });
    return { uri, text };
  }

  change(uri: string, contentChanges: TextDocumentContentChangeEvent[]): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  request<R>(method: string, params: unknown): Promise<R> { return this.connection.sendRequest(method, params) as Promise<R>; }

  /** Resolves when `ok()` holds, re-checked after every message; rejects after `timeoutMs`. */
  until(ok: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (ok()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => { if (ok()) { this.listeners.delete(check); clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => { this.listeners.delete(check); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Peak and current resident set size of the server process, in kB (Linux /proc). */
  memory(): { peakKb?: number; rssKb?: number } {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key: string) => { const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status); return m ? Number(m[1]) : undefined; };
      return { peakKb: kb('VmHWM'), rssKb: kb('VmRSS') };
    } catch {
      return {};
    }
  }

  /** CPU time (user + system) the server process has used so far, ms (Linux /proc). */
  cpuMs(): number {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ = 100 on Linux)
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.child.kill(); resolve(); }, 2000);
      this.child.once('exit', () => { clearTimeout(t); resolve(); });
    });
    this.connection.dispose();
  }

  private notify(): void { for (const l of [...this.listeners]) l(); }
}

/** Offset → LSP position (lines split on \n; the generated files use \n only). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, character: offset - start };
}
