import readXlsxFile from 'read-excel-file/node';
import { headerScore, type MatrixRow } from './control-matrix';

/**
 * The sheet of an .xlsx workbook that holds the control matrix, as rows of text, read with read-excel-file
 * (maintained and small: fflate unzips, a streaming parser reads the sheet XML). Workbooks often open with
 * an instructions or cover sheet, so the sheet whose best row reads most like a matrix header wins; ties
 * go to the first. Dates become YYYY-MM-DD.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<{ sheet: string; rows: MatrixRow[] }> {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  let chosen = sheets[0], best = -1;
  for (const s of sheets) {
    const score = Math.max(0, ...s.data.slice(0, 15).map((row) => headerScore(row.map(text), new Map())));
    if (score > best) { best = score; chosen = s; }
  }
  return {
    sheet: chosen?.sheet ?? '',
    rows: (chosen?.data ?? []).map((row, i) => ({ line: i + 1, cells: row.map(text) })),
  };
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}
