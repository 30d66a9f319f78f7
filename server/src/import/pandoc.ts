/**
 * Pandoc-only Markdown as CommonMark, keeping every word:
 * - lettered and roman lists (`a.`, `iv)`, `(b)`), at any indent, become bullet items that keep their marker
 *   as text ("- a. Each month ..."): CommonMark has no lettered lists, and it reads a four-space-indented
 *   item as a code block, so the sentence would be lost to the checks;
 * - numbered items indented four or more spaces are re-indented the same way;
 * - grid tables (`+---+` borders) become pipe tables, multi-line cells joined with spaces;
 * - `\pagebreak`, `\newpage` and form feeds are dropped.
 * Fenced code blocks pass through untouched.
 */
const FANCY_MARKER = /^( *)(\(?(?:[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|\d+)[.)])( +)(\S.*)$/;
const PLAIN_MARKER = /^( *)(\d+[.)]|[-*+])( +)(\S.*)$/;

export interface PandocConversion { text: string; changes: string[] }

export function pandocToCommonMark(source: string): PandocConversion {
  const changes: string[] = [];
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  let lines = source.replace(/\f/g, '').split(/\r?\n/);
  if (source.includes('\f')) changes.push('form feeds removed');
  const before = lines.length;
  lines = lines.filter((l) => !/^\s*\\(pagebreak|newpage|clearpage)\s*$/.test(l));
  if (lines.length !== before) changes.push(`${before - lines.length} page break command${before - lines.length === 1 ? '' : 's'} removed`);
  lines = convertGridTables(lines, changes);
  lines = convertLists(lines, changes);
  return { text: lines.join(eol), changes };
}

function isFence(line: string): RegExpExecArray | null { return /^ {0,3}(`{3,}|~{3,})/.exec(line); }

const LIST_LINE = /^\s*([-*+]|\d+[.)])\s/;
/** Lines that end a pandoc list run when they follow it: headings, tables, quotes, fences, rules. */
const BLOCK_START = /^ {0,3}(#|\||>|```|~~~|(?:[-*_] *){3,}$)/;

/**
 * A run starts at a lettered or roman item (any indent), or at an item indented four or more spaces after
 * a blank line outside a CommonMark list (which CommonMark would read as code). Inside a run, every item
 * becomes `- <marker> text` nested by its indent, and other lines continue the item before them.
 */
function convertLists(lines: string[], changes: string[]): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  let stack: number[] = [];
  let converted = 0;
  const inRun = () => stack.length > 0;
  let prevBlank = true, prevList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = isFence(line);
    if (fence) { out.push(line); if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined; continue; }
    if (f) { stack = []; fence = f[1]; out.push(line); continue; }
    const fancy = FANCY_MARKER.exec(line);
    const plain = PLAIN_MARKER.exec(line);
    const lettered = fancy && !/^\(?\d+[.)]$/.test(fancy[2]) ? fancy : null;
    const indentedCode = plain && plain[1].length >= 4 && prevBlank && !prevList ? plain : null;
    const item = lettered ?? (inRun() ? fancy ?? plain : indentedCode);
    if (item) {
      const indent = item[1].length;
      while (stack.length && stack[stack.length - 1] > indent) stack.pop();
      if (!stack.length || stack[stack.length - 1] < indent) stack.push(indent);
      const marker = /^[-*+]$/.test(item[2]) ? '' : `${item[2]} `;
      out.push(`${'  '.repeat(stack.length - 1)}- ${marker}${item[4]}`);
      converted++;
      prevBlank = false;
      continue;
    }
    if (inRun()) {
      if (line.trim() === '') {
        // The run goes on past a blank line only into indented text or another lettered item.
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        if (next === undefined || !(/^ {2,}\S/.test(next) || (FANCY_MARKER.exec(next) && !/^\s*\(?\d+[.)]/.test(next)))) stack = [];
        out.push('');
        prevBlank = true;
        continue;
      }
      if (!BLOCK_START.test(line)) {
        out.push(`${'  '.repeat(stack.length)}${line.trim()}`);
        prevBlank = false;
        continue;
      }
      stack = [];
    }
    out.push(line);
    if (line.trim() !== '') prevList = LIST_LINE.test(line) || (prevList && /^\s/.test(line));
    prevBlank = line.trim() === '';
  }
  if (converted) changes.push(`${converted} lettered, roman or indented list item${converted === 1 ? '' : 's'} rewritten as CommonMark list items`);
  return out;
}

const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;

function convertGridTables(lines: string[], changes: string[]): string[] {
  const out: string[] = [];
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!GRID_BORDER.test(lines[i]) || !/^\s*\|/.test(lines[i + 1] ?? '')) { out.push(lines[i]); continue; }
    const start = i;
    const border = lines[i].trim();
    const bounds = columnBounds(border);
    const rows: string[][] = [];
    let cells: string[] = bounds.map(() => '');
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j].trim();
      if (GRID_BORDER.test(l)) {
        if (cells.some((c) => c !== '')) rows.push(cells);
        cells = bounds.map(() => '');
        if (!/^\s*\|/.test(lines[j + 1] ?? '')) break;
        continue;
      }
      if (!l.startsWith('|')) break;
      bounds.forEach(([a, b], k) => {
        const piece = l.slice(a + 1, b).replace(/\|\s*$/, '').trim();
        if (piece) cells[k] = cells[k] ? `${cells[k]} ${piece}` : piece;
      });
    }
    if (!rows.length) { out.push(...lines.slice(start, j + 1)); i = j; continue; }
    // Pandoc's `+===+` line marks a header; without one the first row still heads the pipe table.
    const header = rows[0];
    const bodyRows = rows.slice(1);
    const esc = (c: string) => c.replace(/\|/g, '\\|');
    out.push(`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...bodyRows.map((r) => `| ${r.map(esc).join(' | ')} |`));
    tables++;
    i = j;
  }
  if (tables) changes.push(`${tables} grid table${tables === 1 ? '' : 's'} rewritten as pipe tables`);
  return out;
}

/** Character spans between the `+` of a grid table border: [from `+`, to next `+`). */
function columnBounds(border: string): [number, number][] {
  const plus: number[] = [];
  for (let k = 0; k < border.length; k++) if (border[k] === '+') plus.push(k);
  return plus.slice(0, -1).map((p, k) => [p, plus[k + 1]]);
}
