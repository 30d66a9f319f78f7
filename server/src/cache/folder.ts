import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The tool's own folder inside a compliance repo; listing skips it (SKIPPED_FOLDERS). */
export const SOC2_FOLDER = '.soc2';
export const CACHE_DIR = `${SOC2_FOLDER}/cache`;
const GITIGNORE_TEXT = '# Written by soc2 (SOC 2 as Code): this folder holds caches only.\n*\n';

/**
 * Makes `.soc2/` ignore itself, as ruff's and pytest's cache folders do: it works whatever the repo's own
 * .gitignore says and never edits that file. Written by `soc2 init` and whenever the cache creates the
 * folder. Returns whether it wrote the file (false when one was already there); throws on other failures.
 */
export function ignoreSoc2Folder(root: string): boolean {
  const dir = nodePath.join(root, SOC2_FOLDER);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(nodePath.join(dir, '.gitignore'), GITIGNORE_TEXT, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
