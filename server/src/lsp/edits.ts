import type { TextEdit } from 'vscode-languageserver';
import type { Control, Located, Policy } from '../engine/model';
import { LineIndex, type Range } from '../engine/text';

/**
 * Minimal text edits on YAML the engine located. Each edit inserts or replaces only the characters it
 * must: comments, key order, quoting, indentation and line endings around it stay byte-identical.
 * When the text does not have the shape the edit expects (a stale range, a flow mapping), the helpers
 * return undefined and no action is offered, rather than guessing.
 */
export class FileText {
  readonly lines: LineIndex;
  /** The file's own line break, so inserted lines match it. */
  readonly eol: string;
  constructor(readonly path: string, readonly text: string) {
    this.lines = new LineIndex(text);
    this.eol = /\r\n/.test(text) ? '\r\n' : /\r(?!\n)/.test(text) ? '\r' : '\n';
  }
  at(range: Range): string { return this.text.slice(this.lines.offset(range.start), this.lines.offset(range.end)); }
  line(n: number): string { return this.text.slice(this.lines.lineStart(n), this.lines.lineEnd(n)); }
  endOfLine(n: number): Range['start'] { return this.lines.position(this.lines.lineEnd(n)); }
}

const QUOTES = /^(["'])(.*)\1$/s;

/** Whether the model's range still holds this value in the text (plain or quoted). */
export function holds(f: FileText, range: Range, value: string): boolean {
  const raw = f.at(range);
  return raw === value || QUOTES.exec(raw)?.[2] === value;
}

/** Replaces a scalar's value, keeping its quotes. */
export function replaceScalar(f: FileText, range: Range, value: string): TextEdit {
  const raw = f.at(range);
  if (QUOTES.test(raw)) {
    const start = f.lines.offset(range.start) + 1, end = f.lines.offset(range.end) - 1;
    return { range: f.lines.range(start, end), newText: value };
  }
  return { range, newText: value };
}

/** Writes an id the way the list's last item is written (quoted or not). */
function styled(f: FileText, like: Range | undefined, id: string): string {
  const q = like ? f.at(like)[0] : '';
  return q === '"' || q === "'" ? `${q}${id}${q}` : id;
}

/**
 * Appends an id to a YAML list located by the model: `, X` after the last item of a flow list (`[a, b]`),
 * a new `- X` line with the siblings' indentation in a block list, ` [X]` after an empty `key:`.
 */
export function appendToList(f: FileText, keyRange: Range, items: readonly Located<string>[], id: string): TextEdit | undefined {
  const keyEnd = f.lines.offset(keyRange.end);
  if (!items.length) {
    const m = /^[ \t]*:([ \t]*)(\[[ \t]*\](?:[ \t]+#.*)?|#.*|)(?=\r|\n|$)/.exec(f.text.slice(keyEnd));
    if (!m) return undefined;
    const colon = keyEnd + m[0].indexOf(':') + 1;
    if (m[2].startsWith('[')) {
      const open = keyEnd + m[0].indexOf('[') + 1;
      return { range: f.lines.range(open, open), newText: id };
    }
    // `key:` with nothing after it is null only if no deeper block (a list of mappings) follows.
    const keyIndent = keyRange.start.character;
    for (let n = keyRange.end.line + 1; n < f.lines.lineCount; n++) {
      const t = f.line(n);
      if (/^\s*(#.*)?$/.test(t)) continue;
      const indent = t.length - t.trimStart().length;
      if (indent > keyIndent || (indent === keyIndent && t.trimStart().startsWith('-'))) return undefined;
      break;
    }
    return { range: f.lines.range(colon, colon), newText: ` [${id}]` };
  }
  const last = items[items.length - 1];
  const between = f.text.slice(keyEnd, f.lines.offset(items[0].range.start));
  const end = last.range.end;
  if (/\[/.test(between)) return { range: { start: end, end }, newText: `, ${styled(f, last.range, id)}` };
  if (/-\s*$/.test(between)) {
    const prefix = f.line(last.range.start.line).slice(0, last.range.start.character);
    if (!/^\s*-\s+$/.test(prefix)) return undefined;
    return { range: { start: f.endOfLine(end.line), end: f.endOfLine(end.line) }, newText: `${f.eol}${prefix}${styled(f, last.range, id)}` };
  }
  return undefined; // a lone scalar instead of a list: the schema check asks for a list first
}

/** The last line that holds the control's own content (its range ends at the start of the next line). */
function lastContentLine(f: FileText, c: { range: Range }): number {
  let line = c.range.end.character === 0 && c.range.end.line > c.range.start.line ? c.range.end.line - 1 : c.range.end.line;
  while (line > c.range.start.line && /^\s*(#.*)?$/.test(f.line(line))) line--;
  return line;
}

/** Adds `key: value` as the last field of a control's (or any located) block mapping, at its keys' indentation. */
export function addKeyToControl(f: FileText, c: { range: Range }, key: string, value: string): TextEdit | undefined {
  if (f.at(c.range).startsWith('{')) return undefined; // a flow mapping: no line to add
  const line = lastContentLine(f, c);
  const pos = f.endOfLine(line);
  return { range: { start: pos, end: pos }, newText: `${f.eol}${' '.repeat(c.range.start.character)}${key}: ${value}` };
}

/** Adds `key: value` as the last field of a policy's front matter, just above the closing `---`. */
export function addKeyToFrontMatter(f: FileText, p: Policy, key: string, value: string): TextEdit | undefined {
  if (!p.hasFrontMatter) return undefined;
  const close = p.frontMatterRange.end.line;
  if (!/^(---|\.\.\.)\s*$/.test(f.line(close))) return undefined;
  const pos = { line: close, character: 0 };
  return { range: { start: pos, end: pos }, newText: `${key}: ${value}${f.eol}` };
}

/** Appends a whole control mapping after the file's last control, in the same layout. */
export function appendControl(f: FileText, controls: readonly Control[], fields: string[]): TextEdit | undefined {
  const last = [...controls].sort((a, b) => f.lines.offset(a.range.end) - f.lines.offset(b.range.end)).pop();
  if (!last || f.at(last.range).startsWith('{')) return undefined;
  const prefix = f.line(last.range.start.line).slice(0, last.range.start.character);
  if (/^\s*-\s+$/.test(prefix)) {
    const indent = ' '.repeat(prefix.length);
    const pos = f.endOfLine(lastContentLine(f, last));
    return { range: { start: pos, end: pos }, newText: fields.map((l, i) => `${f.eol}${i ? indent : prefix}${l}`).join('') };
  }
  if (prefix.trim()) return undefined;
  // One control per YAML document: add another document.
  const end = f.lines.position(f.text.length);
  const sep = /(\r\n|\r|\n)$/.test(f.text) || !f.text ? '' : f.eol;
  return { range: { start: end, end }, newText: `${sep}---${f.eol}${fields.join(f.eol)}${f.eol}` };
}
