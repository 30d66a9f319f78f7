import { promises as fs, watch as fsWatch, type FSWatcher } from 'node:fs';
import * as nodePath from 'node:path';
import { SKIPPED_FOLDERS, type Disposable, type FileStat, type ListResult, type WatchEvent, type Workspace } from './workspace';

/**
 * The workspace on disk. Lists without following symbolic links to folders (a link loop cannot
 * trap it), and refuses paths that would leave the root.
 */
export class DiskWorkspace implements Workspace {
  readonly root: string;
  constructor(root: string) { this.root = nodePath.resolve(root); }

  private abs(path: string): string {
    const p = nodePath.resolve(this.root, path);
    if (p !== this.root && !p.startsWith(this.root + nodePath.sep)) throw new Error(`Path leaves the workspace: ${path}`);
    return p;
  }

  async list(): Promise<ListResult> {
    const files: string[] = [];
    const problems: ListResult['problems'] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        problems.push({ path: rel || '.', reason: (err as NodeJS.ErrnoException).code ?? String(err) });
        return;
      }
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name)) await walk(nodePath.join(dir, e.name), r);
        } else if (e.isFile()) {
          files.push(r);
        } else if (e.isSymbolicLink()) {
          // A link to a file is read like a file; a link to a folder is not followed (loops, escapes).
          try {
            const st = await fs.stat(nodePath.join(dir, e.name));
            if (st.isFile()) files.push(r);
          } catch (err) {
            problems.push({ path: r, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
          }
        }
      }
    };
    await walk(this.root, '');
    files.sort();
    return { files, problems };
  }

  async read(path: string): Promise<Uint8Array> { return fs.readFile(this.abs(path)); }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const st = await fs.stat(this.abs(path));
      return { size: st.size, mtimeMs: st.mtimeMs, isFile: st.isFile(), isDirectory: st.isDirectory() };
    } catch {
      return undefined;
    }
  }

  watch(listener: (event: WatchEvent) => void): Disposable {
    let watcher: FSWatcher | undefined;
    try {
      watcher = fsWatch(this.root, { recursive: true }, (_type, name) => {
        if (!name) return;
        const path = String(name).split(nodePath.sep).join('/');
        if (path.split('/').some((s) => SKIPPED_FOLDERS.has(s))) return;
        void this.stat(path).then((st) => listener({ type: st ? 'changed' : 'deleted', path }));
      });
    } catch {
      watcher = undefined; // Recursive watching is unavailable on some platforms; the editor's watcher still works.
    }
    return { dispose: () => watcher?.close() };
  }
}
