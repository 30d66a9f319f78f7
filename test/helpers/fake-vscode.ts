/**
 * Just enough of the `vscode` API to drive the scaffold commands in plain Node: a real folder on disk
 * behind `workspace.fs`, and scripted answers for every question the commands ask. Install it with
 * `installFakeVscode()` before requiring the client module. The real-editor suites cover the real API.
 */
import Module from 'node:module';
import * as nodePath from 'node:path';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import picomatch from 'picomatch';

export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static file(p: string): Uri { return new Uri('file', p.replace(/\\/g, '/')); }
  static joinPath(base: Uri, ...parts: string[]): Uri { return new Uri(base.scheme, nodePath.posix.join(base.path, ...parts)); }
  get fsPath(): string { return this.path; }
  toString(): string { return `file://${this.path}`; }
}

export class RelativePattern { constructor(readonly base: Uri, readonly pattern: string) {} }
export class SnippetString { constructor(readonly value: string) {} }
export enum EndOfLine { LF = 1, CRLF = 2 }
export enum ProgressLocation { SourceControl = 1, Window = 10, Notification = 15 }

type Item = { label: string; picked?: boolean } & Record<string, unknown>;
/** A scripted answer: given the items (or the input box options), what the user chooses; undefined cancels. */
export type Answer = (items: Item[] | Record<string, unknown>, options: Record<string, unknown>) => unknown;

export const state = {
  root: '',
  answers: [] as Answer[],
  messages: [] as { level: 'info' | 'warning' | 'error'; text: string }[],
  opened: [] as string[],
  snippets: [] as { file: string; text: string }[],
  executed: [] as string[],
  /** Untitled documents the commands opened, with their text. */
  documents: [] as string[],
  commands: new Map<string, () => Promise<void>>(),
};

function next(items: Item[] | Record<string, unknown>, options: Record<string, unknown>): unknown {
  const answer = state.answers.shift();
  if (!answer) throw new Error(`no scripted answer left for: ${String(options.title ?? options.prompt ?? options.placeHolder)}`);
  return answer(items, options);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = nodePath.join(dir, e.name);
    return e.isDirectory() ? (e.name === 'node_modules' ? [] : listFiles(p)) : [p];
  });
}

function fileNotFound(uri: Uri): Error { return Object.assign(new Error(`EntryNotFound (FileSystemError): ${uri.path}`), { code: 'FileNotFound' }); }

/** A document over a file, with its text as on disk (edits through the fake editor update it). */
class Doc {
  constructor(readonly uri: Uri, public text: string) {}
  get eol(): EndOfLine { return this.text.includes('\r\n') ? EndOfLine.CRLF : EndOfLine.LF; }
  getText(): string { return this.text; }
  get lineCount(): number { return this.text.split(/\r?\n/).length; }
  lineAt(line: number) {
    const lines = this.text.split(/\r?\n/);
    return { text: lines[line], range: { end: { line, character: lines[line].length } } };
  }
  offsetAt(p: { line: number; character: number }): number {
    const lines = this.text.split(/(?<=\n)/);
    return lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  }
}

export const vscode = {
  Uri, RelativePattern, SnippetString, EndOfLine, ProgressLocation,
  workspace: {
    get workspaceFolders() { return state.root ? [{ uri: Uri.file(state.root), name: nodePath.basename(state.root), index: 0 }] : undefined; },
    getWorkspaceFolder(uri: Uri) { return uri.path.startsWith(state.root) ? { uri: Uri.file(state.root) } : undefined; },
    asRelativePath(u: Uri | string) { const p = typeof u === 'string' ? u : u.path; return nodePath.posix.relative(state.root, p) || nodePath.basename(p); },
    async findFiles(include: string | RelativePattern) {
      const base = typeof include === 'string' ? state.root : include.base.path;
      const match = picomatch(typeof include === 'string' ? include : include.pattern);
      return listFiles(base).filter((f) => match(nodePath.relative(base, f).replace(/\\/g, '/'))).map((f) => Uri.file(f));
    },
    fs: {
      async stat(uri: Uri) { if (!existsSync(uri.path)) throw fileNotFound(uri); return { size: statSync(uri.path).size }; },
      async readFile(uri: Uri) { if (!existsSync(uri.path)) throw fileNotFound(uri); return new Uint8Array(readFileSync(uri.path)); },
      async writeFile(uri: Uri, bytes: Uint8Array) { writeFileSync(uri.path, bytes); },
      async createDirectory(uri: Uri) { mkdirSync(uri.path, { recursive: true }); },
    },
    async openTextDocument(init: { content: string }) { state.documents.push(init.content); return { uri: Uri.file('/untitled'), getText: () => init.content }; },
  },
  window: {
    async showQuickPick(items: Item[], options: Record<string, unknown>) { return next(items, options); },
    async showInputBox(options: Record<string, unknown>) { return next(options, options); },
    async showWorkspaceFolderPick() { return vscode.workspace.workspaceFolders?.[0]; },
    // Scripted like the other questions; with no answer left, the dialog is cancelled.
    async showOpenDialog(options: Record<string, unknown>) { return state.answers.length ? next(options, options) : undefined; },
    async withProgress<T>(_options: unknown, task: () => Promise<T>) { return task(); },
    async showInformationMessage(text: string) { state.messages.push({ level: 'info', text }); return undefined; },
    async showWarningMessage(text: string) { state.messages.push({ level: 'warning', text }); return undefined; },
    async showErrorMessage(text: string) { state.messages.push({ level: 'error', text }); return undefined; },
    async showTextDocument(target: Uri | { uri: Uri; getText(): string }) {
      if (!(target instanceof Uri)) return { document: target };
      const uri = target;
      state.opened.push(vscode.workspace.asRelativePath(uri));
      const document = new Doc(uri, readFileSync(uri.path, 'utf8'));
      return {
        document,
        async edit(build: (b: { insert: (p: { line: number; character: number }, t: string) => void }) => void) {
          build({ insert: (p, t) => { const o = document.offsetAt(p); document.text = document.text.slice(0, o) + t + document.text.slice(o); } });
          return true;
        },
        async insertSnippet(s: SnippetString, p: { line: number; character: number }) {
          state.snippets.push({ file: vscode.workspace.asRelativePath(uri), text: document.text.slice(0, document.offsetAt(p)) + '\u0000' + s.value });
          return true;
        },
      };
    },
  },
  commands: {
    registerCommand(id: string, run: () => Promise<void>) { state.commands.set(id, run); return { dispose() {} }; },
    async executeCommand(id: string) { state.executed.push(id); },
  },
};

/** Makes `require('vscode')` return the fake. */
export function installFakeVscode(): void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = function (request: string, ...rest: unknown[]) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
}

/** Answers: tick items by label (none given: accept the ticked defaults), pick one, or type a value (or accept the default). */
export const pickMany = (...labels: string[]): Answer => (items) => {
  const list = items as Item[];
  return labels.length ? labels.map((l) => list.find((i) => i.label === l) ?? fail(`no item ${l} in ${list.map((i) => i.label).join(', ')}`)) : list.filter((i) => i.picked);
};
export const pickOne = (label: string): Answer => (items) => (items as Item[]).find((i) => i.label === label || i.label.startsWith(`${label} `)) ?? fail(`no item ${label}`);
export const type = (value?: string): Answer => (options) => {
  const o = options as { value?: string; validateInput?: (v: string) => string | undefined };
  const v = value ?? o.value ?? '';
  const invalid = o.validateInput?.(v);
  if (invalid) throw new Error(`input "${v}" rejected: ${invalid}`);
  return v;
};
function fail(why: string): never { throw new Error(why); }
