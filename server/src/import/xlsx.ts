import { readSheet } from 'read-excel-file/node';
import type { MatrixRow } from './control-matrix';

/**
 * The first sheet of an .xlsx workbook as rows of text, read with read-excel-file (maintained, small: it
 * unzips with fflate and reads the sheet XML with a streaming parser). Dates become YYYY-MM-DD.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<MatrixRow[]> {
  const data = await readSheet(Buffer.from(bytes));
  return data.map((row, i) => ({
    line: i + 1,
    cells: row.map((v) => v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  }));
}
