/**
 * Reads CSV as spreadsheets export it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF), also with `;` or tab as the separator when the header row uses it. A byte-order mark is
 * dropped. Rows keep their 1-based line number in the file, for the import report.
 */
export interface CsvRow { line: number; cells: string[] }

export function parseCsv(text: string): CsvRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = pickSeparator(firstLine);
  const rows: CsvRow[] = [];
  let cells: string[] = [], cell = '', quoted = false, line = 1, rowLine = 1, i = 0, touched = false;
  const endRow = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') rows.push({ line: rowLine, cells });
    cells = []; cell = ''; touched = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      if (ch === '\n') line++;
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; touched = true; i++; continue; }
    if (ch === sep) { cells.push(cell); cell = ''; touched = true; i++; continue; }
    if (ch === '\r' && src[i + 1] === '\n') { i++; continue; }
    if (ch === '\n' || ch === '\r') { endRow(); line++; rowLine = line; i++; continue; }
    cell += ch; i++;
  }
  if (cell !== '' || cells.length || touched) endRow();
  return rows;
}

function pickSeparator(header: string): string {
  const count = (c: string) => header.split(c).length - 1;
  const [best] = [',', ';', '\t'].map((c) => ({ c, n: count(c) })).sort((a, b) => b.n - a.n);
  return best.n > 0 ? best.c : ',';
}
