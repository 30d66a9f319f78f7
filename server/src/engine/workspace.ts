/**
 * All file access of the engine goes through this interface. The disk implementation serves the CLI
 * and the language server; the in-memory one serves tests. Paths are relative to the root, with `/`.
 */
export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
  /** On a disk: the inode's change time and number (the cache's file signatures, cache/file-signature.ts). */
  ctimeMs?: number;
  ino?: number;
}

/** A change on disk; `folder` is true for a folder created or deleted as a whole (a rename arrives as both). */
export type WatchEvent = { type: 'created' | 'changed' | 'deleted'; path: string; folder?: boolean };

/** Limits a watcher to the files that matter (the configured globs); folders are always walked. */
export type WatchFilter = (path: string) => boolean;

export interface Disposable { dispose(): void }

/** A file's or a folder's stat as the cache compares it: size, modification and change times, inode. */
export type StatStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/**
 * Lets a disk listing skip reading folders unchanged since a listing it recorded (cache/folder-listings.ts), as
 * git's untracked cache does: creating, removing or renaming an entry changes the folder's times.
 */
export interface FolderListingCache {
  /** What the folder held, when its stamp (taken before anything is read) says it is unchanged; else undefined. */
  entries(rel: string, stamp: StatStamp): { files: readonly string[]; folders: readonly string[] } | undefined;
  /** Records what a folder held, read after `stamp` was taken; `undefined` when it cannot be kept (it holds links). */
  record(rel: string, stamp: StatStamp, listing: { files: readonly string[]; folders: readonly string[] } | undefined): void;
}

export interface ListResult { files: string[]; /** Entries that could not be listed (permissions, loops), with why. */ problems: { path: string; reason: string }[] }

export interface Workspace {
  /** Every file below the root (or below `folder`, root-relative), skipping `.git`, `node_modules` and other tool folders. */
  list(folder?: string): Promise<ListResult>;
  read(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * Watches the root for changes made outside the editor. The language server uses it only when its client
   * cannot watch files itself (no dynamic registration of `workspace/didChangeWatchedFiles`).
   */
  watch?(listener: (event: WatchEvent) => void, relevant?: WatchFilter): Disposable;
}

/** Folders that never hold compliance content and can be huge. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.bench', '.cache', '.soc2']);

export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, Uint8Array>();
  private readonly listeners = new Set<(e: WatchEvent) => void>();
  /** Counts reads per path so tests can assert how much work was done. */
  readonly reads = new Map<string, number>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [p, c] of Object.entries(files)) this.files.set(p, typeof c === 'string' ? new TextEncoder().encode(c) : c);
  }

  async list(folder?: string): Promise<ListResult> {
    const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
    return { files: [...this.files.keys()].filter((p) => p.startsWith(prefix) && !p.split('/').some((s) => SKIPPED_FOLDERS.has(s))).sort(), problems: [] };
  }

  async read(path: string): Promise<Uint8Array> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    const c = this.files.get(path);
    if (!c) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return c;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const c = this.files.get(path);
    if (c) return { size: c.byteLength, mtimeMs: 0, isFile: true, isDirectory: false };
    const prefix = path.replace(/\/+$/, '') + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return { size: 0, mtimeMs: 0, isFile: false, isDirectory: true };
    return undefined;
  }

  watch(listener: (event: WatchEvent) => void, relevant: WatchFilter = () => true): Disposable {
    const filtered = (e: WatchEvent) => { if (e.folder || relevant(e.path)) listener(e); };
    this.listeners.add(filtered);
    return { dispose: () => this.listeners.delete(filtered) };
  }

  /** Test helper: write a file and tell watchers, as an outside editor would. */
  write(path: string, content: string | Uint8Array): void {
    const existed = this.files.has(path);
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    for (const l of this.listeners) l({ type: existed ? 'changed' : 'created', path });
  }

  delete(path: string): void {
    if (this.files.delete(path)) for (const l of this.listeners) l({ type: 'deleted', path });
  }
}
