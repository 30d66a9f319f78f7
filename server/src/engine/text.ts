/** Positions in the LSP convention: 0-based line, 0-based UTF-16 character. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/**
 * Maps offsets in a text to line/character positions. Handles `\n`, `\r\n` and lone `\r`
 * line breaks, so positions stay exact whatever line endings a file mixes.
 */
export class LineIndex {
  private readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number { return this.lineStarts.length; }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let e = next;
    if (e > this.lineStarts[line] && this.text.charCodeAt(e - 1) === 10) e--;
    if (e > this.lineStarts[line] && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  lineStart(line: number): number { return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]; }

  /** The range of a whole line without its break. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

/**
 * The position of `offset` in `text` when the text starts at `start` in its file: a sentence, a table row or a
 * section body may span lines (LF, CRLF or a lone CR each count as one line break).
 */
export function positionAfter(text: string, start: Position, offset: number): Position {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g);
  if (!breaks) return { line: start.line, character: start.character + offset };
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: start.line + breaks.length, character: offset - lastBreak - 1 };
}

export function rangeContains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Decodes file bytes as the editor would: UTF-8 with the BOM dropped. Reports whether the bytes
 * were not valid UTF-8 or look binary, so callers can say so instead of checking garbage.
 */
export function decodeText(bytes: Uint8Array): { text: string; invalidUtf8: boolean; binary: boolean } {
  let binary = false;
  const probe = Math.min(bytes.length, 8000);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) { binary = true; break; }
  let invalidUtf8 = false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    invalidUtf8 = true;
    text = new TextDecoder('utf-8').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, invalidUtf8, binary };
}

