import * as nodePath from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

export interface WriteResult { wrote: string[]; skipped: string[]; failed: string[] }

/**
 * Writes each file under `dir` unless something already exists at its path: nothing is ever overwritten
 * (`wx` fails even on a dangling link). Paths are relative with forward slashes; one that would land
 * outside `dir` is refused.
 */
export function writeNewFiles(dir: string, files: ReadonlyMap<string, string>): WriteResult {
  const result: WriteResult = { wrote: [], skipped: [], failed: [] };
  const root = nodePath.resolve(dir);
  for (const [rel, text] of files) {
    const target = nodePath.resolve(root, ...rel.split('/'));
    if (target !== root && !target.startsWith(root + nodePath.sep)) { result.failed.push(`${rel} (outside the target folder)`); continue; }
    try {
      mkdirSync(nodePath.dirname(target), { recursive: true });
      writeFileSync(target, text, { flag: 'wx' });
      result.wrote.push(rel);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') result.skipped.push(rel);
      else result.failed.push(`${rel} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message})`);
    }
  }
  return result;
}
