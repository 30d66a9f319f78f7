import { readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DiskWorkspace } from '../engine/disk-workspace';
import type { FileStat, Workspace } from '../engine/workspace';

/**
 * For a workspace on disk, the same reads done synchronously on this thread. A warm cached run reads and
 * hashes every file but parses almost none, so it is all small reads: on a loaded machine, handing each to
 * libuv's thread pool and waiting for the event loop cost several times the reads themselves (the
 * profile showed more idle time than work). Other workspaces are returned as they are.
 */
export function syncReads(ws: Workspace): Workspace {
  if (!(ws instanceof DiskWorkspace)) return ws;
  const abs = (path: string) => {
    const p = nodePath.resolve(ws.root, path);
    if (p !== ws.root && !p.startsWith(ws.root + nodePath.sep)) throw new Error(`Path leaves the workspace: ${path}`);
    return p;
  };
  return {
    list: () => ws.list(),
    read: async (path: string) => readFileSync(abs(path)),
    stat: async (path: string): Promise<FileStat | undefined> => {
      try {
        const st = statSync(abs(path));
        return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, isFile: st.isFile(), isDirectory: st.isDirectory() };
      } catch {
        return undefined;
      }
    },
  };
}
