/**
 * The text decisions of the scaffold commands, kept free of the `vscode` API so tests can run them:
 * where a control snippet goes in a controls file, which new-file names are acceptable, and what to
 * tell the user about files written and skipped.
 */

/** A control snippet body (a `- id: ...` list item at column 0, ending in `$0`) fitted to the end of a controls file. */
export function appendControlSnippet(existing: string, body: string): { snippet: string } | { error: string } {
  const lines = body.replace(/\r\n?/g, '\n').replace(/\n?\$0\s*$/, '').split('\n');
  const nl = /\r\n/.test(existing) ? '\r\n' : '\n';
  if (!existing.trim()) return { snippet: ['controls:', ...indent(lines, '  '), '$0'].join(nl) };
  const listKey = /^controls:[ \t]*(#.*)?$/m.exec(existing);
  if (!listKey) {
    return /^controls:/m.test(existing)
      ? { error: 'its `controls:` list is written inline (`controls: [...]`); write it as a block list to add controls to it' }
      : { error: 'it holds a single control, not a `controls:` list' };
  }
  // Match the indentation the file already uses for its list items (`  - id:` or `- id:`).
  const item = /^( *)- /m.exec(existing.slice(listKey.index + listKey[0].length));
  const pad = item ? item[1] : '  ';
  const lead = existing.endsWith(`${nl}${nl}`) ? '' : existing.endsWith(nl) ? nl : `${nl}${nl}`;
  return { snippet: lead + [...indent(lines, pad), '$0'].join(nl) };
}

function indent(lines: readonly string[], pad: string): string[] {
  return lines.map((l) => (l ? pad + l : l));
}

/**
 * Checks a workspace-relative file name typed by the user: relative, inside `folder`, with `ext`.
 * Returns the message to show, or undefined when it is acceptable.
 */
export function checkNewFileName(input: string, folder: string, ext: readonly string[]): string | undefined {
  const name = input.trim().replace(/\\/g, '/');
  if (!name) return 'Give a file name.';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return `Give a path relative to the repo, under ${folder}/.`;
  const parts = name.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) return 'The path may not contain empty, "." or ".." parts.';
  if (parts[0] !== folder || parts.length < 2) return `The file goes under ${folder}/.`;
  if (!ext.some((e) => name.toLowerCase().endsWith(e))) return `The file name ends in ${ext.join(' or ')}.`;
  return undefined;
}

/** "Wrote 31 files. Skipped 2 that already exist: soc2.yaml, policies/encryption.md." */
export function writeOutcome(wrote: readonly string[], skipped: readonly string[], failed: readonly string[] = []): string {
  const parts = [`Wrote ${wrote.length} file${wrote.length === 1 ? '' : 's'}.`];
  if (skipped.length) parts.push(`Skipped ${skipped.length} that already exist${skipped.length === 1 ? 's' : ''} (left as they are): ${list(skipped)}.`);
  if (failed.length) parts.push(`Could not write ${list(failed)}.`);
  return parts.join(' ');
}

function list(items: readonly string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
}
