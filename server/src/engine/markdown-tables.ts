/**
 * Tables in policy bodies: GitHub-flavoured pipe tables and pandoc grid tables. Both become rows of
 * cells with exact source offsets, so a control schedule kept in a table is read row by row, never as
 * one long sentence. Used by the block scanner (markdown-blocks.ts), the one reader of policy Markdown.
 */

/** A stretch of the source; `text` is set when the cell's text is not the plain slice (a grid cell over several lines). */
export interface Span { start: number; end: number; text?: string }
export interface TableRowBlock extends Span { cells: Span[] }
export interface TableBlock extends Span { kind: 'table'; header: Span[]; rows: TableRowBlock[] }

/** A delimiter row: `|---|:--:|`, `--- | ---`. */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The cells of one pipe-table line `line` starting at offset `at`: split at unescaped `|`, trimmed. */
export function pipeCells(line: string, at: number): Span[] {
  const cells: Span[] = [];
  let s = 0;
  let e = line.length;
  while (s < e && /[ \t]/.test(line[s])) s++;
  while (e > s && /[ \t]/.test(line[e - 1])) e--;
  if (line[s] === '|') s++;
  if (e > s && line[e - 1] === '|' && line[e - 2] !== '\\') e--;
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i === e || (line[i] === '|' && line[i - 1] !== '\\')) {
      let cs = from, ce = i;
      while (cs < ce && /[ \t]/.test(line[cs])) cs++;
      while (ce > cs && /[ \t]/.test(line[ce - 1])) ce--;
      cells.push({ start: at + cs, end: at + ce });
      from = i + 1;
    }
  }
  return cells;
}

/** Whether `header` followed by `delimiter` opens a pipe table (same number of cells, a pipe somewhere). */
export function opensPipeTable(header: string, delimiter: string): boolean {
  if (!DELIMITER_ROW.test(delimiter)) return false;
  if (!header.includes('|') && !delimiter.includes('|')) return false;
  return pipeCells(header, 0).length === pipeCells(delimiter, 0).length;
}

/** A grid table border: `+----+-----+` or the header separator `+====+=====+`. */
export const GRID_BORDER = /^\+(?:[-=:]+\+)+[ \t]*$/;

/**
 * Reads a pandoc grid table whose lines are given with their start offsets (all lines up to the blank
 * line that ends it). Column boundaries come from the `+` of the first border; a row runs from one
 * border to the next, and its cells join the column's text across the row's lines.
 */
export function gridTable(text: string, lines: { start: number; end: number; indent: number }[]): TableBlock {
  const first = text.slice(lines[0].start + lines[0].indent, lines[0].end);
  const cuts: number[] = [];
  for (let i = 0; i < first.length; i++) if (first[i] === '+') cuts.push(i);
  const rows: TableRowBlock[] = [];
  let header: Span[] = [];
  let pending: { start: number; end: number; parts: Span[][] } | undefined;
  const flush = (isHeader: boolean) => {
    if (!pending) return;
    // One span per column, from the first line that has text in it to the last.
    const cells = cuts.slice(0, -1).map((_, c) => {
      const parts = pending!.parts.map((p) => p[c]).filter((p) => p && p.end > p.start);
      if (!parts.length) return { start: pending!.start, end: pending!.start };
      const joined = parts.map((p) => text.slice(p.start, p.end)).join(' ');
      return { start: parts[0].start, end: parts[parts.length - 1].end, ...(parts.length > 1 ? { text: joined } : {}) };
    });
    if (isHeader) header = cells;
    else rows.push({ start: pending.start, end: pending.end, cells });
    pending = undefined;
  };
  for (const l of lines) {
    const body = text.slice(l.start + l.indent, l.end);
    if (GRID_BORDER.test(body)) { flush(body.includes('=') && !rows.length && !header.length); continue; }
    const at = l.start + l.indent;
    const parts = cuts.slice(0, -1).map((c, i) => {
      let s = Math.min(c + 1, body.length), e = Math.min(cuts[i + 1], body.length);
      while (s < e && /\s/.test(body[s])) s++;
      while (e > s && /\s/.test(body[e - 1])) e--;
      return { start: at + s, end: at + e };
    });
    const lineEndTrim = at + body.trimEnd().length;
    if (!pending) pending = { start: at, end: lineEndTrim, parts: [] };
    pending.end = lineEndTrim;
    pending.parts.push(parts);
  }
  flush(false);
  const last = lines[lines.length - 1];
  return { kind: 'table', start: lines[0].start + lines[0].indent, end: last.end, header, rows };
}
