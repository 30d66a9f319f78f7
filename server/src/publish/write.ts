import { lstatSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** Names the site may write: one level, a closed alphabet (names.ts produces only these). */
const SAFE_NAME = /^(?:pdf\/)?[a-z0-9][a-z0-9.-]{0,120}\.(?:html|css|pdf)$/;

/**
 * Writes the site into `outDir` and nowhere else. Each name is checked again here (the last line of defence
 * if a page name were ever built from repo text without names.ts), must resolve inside `outDir`, and a
 * symbolic link already standing at a name is replaced by the file, never written through.
 */
export function writeSite(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const root = nodePath.resolve(outDir);
  mkdirSync(root, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const target = siteFilePath(root, name);
    mkdirSync(nodePath.dirname(target), { recursive: true });
    let isLink = false;
    try { isLink = lstatSync(target).isSymbolicLink(); } catch { /* absent: fine */ }
    if (isLink) unlinkSync(target);
    writeFileSync(target, content);
    written.push(name);
  }
  return written;
}

/** The absolute path of a site file; throws for any name that could leave the output folder. */
export function siteFilePath(root: string, name: string): string {
  if (!SAFE_NAME.test(name) || name.includes('..')) throw new Error(`refusing to write "${name}": not a site file name`);
  const target = nodePath.resolve(root, name);
  const rel = nodePath.relative(root, target);
  if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) throw new Error(`refusing to write "${name}" outside ${root}`);
  return target;
}
