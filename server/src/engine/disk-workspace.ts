import { promises as fs, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as nodePath from 'node:path';
import { SKIPPED_FOLDERS, type Disposable, type FileStat, type FolderListingCache, type StatStamp, type ListResult, type WatchEvent, type WatchFilter, type Workspace } from './workspace';

/**
 * The workspace on disk. Lists without following symbolic links to folders (a link loop cannot
 * trap it), and refuses paths that would leave the root.
 */
export class DiskWorkspace implements Workspace {
  readonly root: string;
  /**
   * `oneShot`: the caller (the CLI) has nothing else to do while it waits, so the disk is read with blocking
   * calls. Each async call is a round trip through libuv's thread pool: listing 22,000 files in 8,500 folders
   * takes ~300 ms that way and ~80 ms blocking. The server keeps the async calls, to stay responsive.
   * `folders` (one-shot only): a cache of folder listings, so unchanged folders are stat'ed instead of read.
   */
  constructor(root: string, private readonly options: { oneShot?: boolean; folders?: FolderListingCache } = {}) { this.root = nodePath.resolve(root); }

  /** This workspace read with blocking calls, as a one-shot caller does (the cache's reads, on the server too). */
  blocking(): DiskWorkspace {
    return this.options.oneShot ? this : new DiskWorkspace(this.root, { ...this.options, oneShot: true });
  }

  /** The folder's stamp for the listing cache, taken before it is read; undefined without a cache or a stat. */
  private stampOf(dir: string): StatStamp | undefined {
    if (!this.options.oneShot || !this.options.folders) return undefined;
    try { const st = statSync(dir); return [st.size, st.mtimeMs, st.ctimeMs, st.ino]; } catch { return undefined; }
  }

  private readdir(dir: string): Promise<Dirent[]> | Dirent[] {
    return this.options.oneShot ? readdirSync(dir, { withFileTypes: true }) : fs.readdir(dir, { withFileTypes: true });
  }

  private statOf(abs: string): Promise<Stats> | Stats {
    return this.options.oneShot ? statSync(abs) : fs.stat(abs);
  }

  private abs(path: string): string {
    const p = nodePath.resolve(this.root, path);
    if (p !== this.root && !p.startsWith(this.root + nodePath.sep)) throw new Error(`Path leaves the workspace: ${path}`);
    return p;
  }

  async list(folder?: string): Promise<ListResult> {
    const files: string[] = [];
    const problems: ListResult['problems'] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      const stamp = this.stampOf(dir);
      const known = stamp && this.options.folders!.entries(rel, stamp);
      if (known) {
        for (const name of known.files) files.push(rel ? `${rel}/${name}` : name);
        await Promise.all(known.folders.map((name) => walk(nodePath.join(dir, name), rel ? `${rel}/${name}` : name)));
        return;
      }
      let entries: Dirent[];
      try {
        entries = await this.readdir(dir);
      } catch (err) {
        problems.push({ path: rel || '.', reason: (err as NodeJS.ErrnoException).code ?? String(err) });
        return;
      }
      // Sub-folders are listed at once, not one await after another: an evidence tree of thousands of small
      // folders otherwise pays a thread-pool round trip per folder in sequence (files are sorted at the end).
      const folders: Promise<void>[] = [];
      // A folder holding only files and folders is recorded for the listing cache; one with links is read every time.
      const fileNames: string[] = [], folderNames: string[] = [];
      let plain = true;
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name)) { folders.push(walk(nodePath.join(dir, e.name), r)); folderNames.push(e.name); }
        } else if (e.isFile()) {
          files.push(r);
          fileNames.push(e.name);
        } else if (e.isSymbolicLink()) {
          plain = false;
          // A link to a file is read like a file; a link to a folder is not followed (loops, escapes).
          try {
            const st = await this.statOf(nodePath.join(dir, e.name));
            if (st.isFile()) files.push(r);
          } catch (err) {
            problems.push({ path: r, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
          }
        }
      }
      if (stamp) this.options.folders!.record(rel, stamp, plain ? { files: fileNames, folders: folderNames } : undefined);
      await Promise.all(folders);
    };
    const start = folder ? folder.replace(/\/+$/, '') : '';
    await walk(start ? this.abs(start) : this.root, start);
    files.sort();
    problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, problems };
  }

  async read(path: string): Promise<Uint8Array> { return this.options.oneShot ? readFileSync(this.abs(path)) : fs.readFile(this.abs(path)); }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const st = await this.statOf(this.abs(path));
      return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, isFile: st.isFile(), isDirectory: st.isDirectory() };
    } catch {
      return undefined;
    }
  }

  /**
   * Watches the root with chokidar (pure JavaScript, so it bundles into the one-file server; see README
   * "Other editors"). Tool folders are skipped, and files outside `relevant` (the configured globs) are
   * ignored; folders are always walked, so a file matching a glob deep in a new folder is still seen.
   * Under `.git` only the files that say the history moved are watched.
   */
  watch(listener: (event: WatchEvent) => void, relevant: WatchFilter = () => true): Disposable {
    const rel = (abs: string) => nodePath.relative(this.root, abs).split(nodePath.sep).join('/');
    const ignored = (abs: string, stats?: { isFile(): boolean; isDirectory(): boolean }): boolean => {
      const path = rel(abs);
      if (!path || path.startsWith('..')) return false;
      const parts = path.split('/');
      if (parts[0] === '.git') return !GIT_WATCHED.test(path);
      if (parts.some((s) => SKIPPED_FOLDERS.has(s))) return true;
      return !!stats?.isFile() && !relevant(path);
    };
    // Loaded here, not at start-up: only a server whose client cannot watch files uses it.
    const { watch: chokidarWatch } = require('chokidar') as typeof import('chokidar');
    const watcher = chokidarWatch(this.root, { ignoreInitial: true, followSymlinks: false, ignored });
    const map: Record<string, WatchEvent['type']> = { add: 'created', change: 'changed', unlink: 'deleted', addDir: 'created', unlinkDir: 'deleted' };
    watcher.on('all', (event, abs) => {
      const type = map[event];
      const path = rel(abs);
      if (!type || !path || path.startsWith('..')) return;
      listener({ type, path, ...(event.endsWith('Dir') ? { folder: true } : {}) });
    });
    // A folder the watcher cannot read is skipped; the editor's own events, if any, still arrive.
    watcher.on('error', () => undefined);
    return { dispose: () => { void watcher.close(); } };
  }
}

/** The `.git` entries whose change means the history moved, and the folders leading to them. */
const GIT_WATCHED = /^\.git(?:\/(?:HEAD|packed-refs|logs(?:\/HEAD)?|refs(?:\/heads(?:\/.*)?)?))?$/;
