import { CriteriaCatalog } from '../catalog/criteria';
import { CONTROL_AREAS } from '../scaffold/scaffold';
import { prefixOf } from '../engine/ids';
import { addFile, emptyPlan, safeFileStem, type ImportPlan } from './plan';
import { COLUMN_SYNONYMS, headerKey, MATRIX_STATUSES, matrixFrequency, type MatrixField } from './matrix-vocabulary';
import { readCriteriaList } from './criteria-list';
import { yamlListFile } from './yaml-out';

export interface MatrixRow { line: number; cells: string[] }

export interface MatrixOptions {
  /** The source's name, as the report shows it. */
  source: string;
  /** `field=Header` overrides from `--map` ("owner=Control Owner,criteria=TSC Ref"). */
  map?: string;
  /** A column whose value groups controls into files, instead of the id prefix. */
  groupBy?: string;
  catalog?: CriteriaCatalog;
}

const FIELDS = Object.keys(COLUMN_SYNONYMS) as MatrixField[];

/** Parses `--map`; returns an error sentence when it names a field we do not know. */
export function parseColumnMap(map: string | undefined): Map<MatrixField, string> | string {
  const out = new Map<MatrixField, string>();
  if (!map) return out;
  for (const pair of map.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `--map takes field=Header pairs, not "${pair}"`;
    const field = pair.slice(0, eq).trim().toLowerCase() as MatrixField;
    if (!FIELDS.includes(field)) return `--map: "${field}" is not a field; the fields are ${FIELDS.join(', ')}`;
    out.set(field, pair.slice(eq + 1).trim());
  }
  return out;
}

/** Which column holds each field: `--map` first, then the synonyms table; the first matching column wins. */
export function mapColumns(header: readonly string[], overrides: Map<MatrixField, string>): { columns: Map<MatrixField, number>; unknownOverrides: string[]; unusedHeaders: string[] } {
  const keys = header.map(headerKey);
  const columns = new Map<MatrixField, number>();
  const unknownOverrides: string[] = [];
  for (const [field, name] of overrides) {
    const i = keys.indexOf(headerKey(name));
    if (i < 0) unknownOverrides.push(`${field}=${name}`); else columns.set(field, i);
  }
  for (const field of FIELDS) {
    if (columns.has(field)) continue;
    const wanted = new Set(COLUMN_SYNONYMS[field].map(headerKey));
    const i = keys.findIndex((k, idx) => wanted.has(k) && ![...columns.values()].includes(idx));
    if (i >= 0) columns.set(field, i);
  }
  const used = new Set(columns.values());
  return { columns, unknownOverrides, unusedHeaders: header.filter((h, i) => !used.has(i) && h.trim() !== '') };
}

/** Rows searched for the header: real matrices often open with a title, a date or instructions. */
const HEADER_SEARCH_ROWS = 15;

/** How well a row reads as the header: the number of fields it maps; 0 unless it has an id or a title column. */
export function headerScore(cells: readonly string[], overrides: Map<MatrixField, string>): number {
  const { columns } = mapColumns(cells, overrides);
  return columns.has('id') || columns.has('title') ? columns.size : 0;
}

/** The row most like a header among the first rows (the first row when none maps two fields). */
function headerRowIndex(rows: readonly MatrixRow[], overrides: Map<MatrixField, string>): number {
  let best = 0, bestScore = 1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => { const n = headerScore(r.cells, overrides); if (n > bestScore) { best = i; bestScore = n; } });
  return best;
}

/**
 * A control matrix (rows of a spreadsheet, the first non-empty row its header) as controls files:
 * `controls/<area>.yaml`, grouped by id prefix or by `groupBy`. Cell text is kept as written; frequencies,
 * statuses and criteria are read into the vocabulary, and whatever cannot be read is reported with its line.
 */
export function importControlMatrix(rows: readonly MatrixRow[], o: MatrixOptions): ImportPlan {
  const plan = emptyPlan();
  const { report } = plan;
  const catalog = o.catalog ?? new CriteriaCatalog();
  const note = (line: number | undefined, message: string) => ({ source: o.source, line, message });
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!nonEmpty.length) { report.unmapped.push(note(undefined, 'the file has no rows')); return plan; }
  const overrides = parseColumnMap(o.map);
  if (typeof overrides === 'string') { report.unmapped.push(note(nonEmpty[0].line, overrides)); return plan; }
  const headIndex = headerRowIndex(nonEmpty, overrides);
  const head = nonEmpty[headIndex], body = nonEmpty.slice(headIndex + 1);
  if (headIndex > 0) report.mapped.push(note(head.line, `header row found on line ${head.line}; the ${headIndex} row${headIndex === 1 ? '' : 's'} above it (titles, notes) skipped`));
  const { columns, unknownOverrides, unusedHeaders } = mapColumns(head.cells, overrides);
  for (const u of unknownOverrides) report.unmapped.push(note(head.line, `--map ${u}: no column has that header`));
  const groupColumn = o.groupBy !== undefined ? head.cells.findIndex((h) => headerKey(h) === headerKey(o.groupBy!)) : -1;
  if (o.groupBy !== undefined && groupColumn < 0) report.unmapped.push(note(head.line, `--group-by "${o.groupBy}": no column has that header; grouped by id prefix`));
  report.mapped.push(note(head.line, `columns: ${FIELDS.filter((f) => columns.has(f)).map((f) => `${head.cells[columns.get(f)!].trim()} -> ${f}`).join(', ')}`));
  for (const f of ['id', 'title'] as const) if (!columns.has(f)) report.unmapped.push(note(head.line, `no column for ${f} (headers: ${head.cells.join(', ')}); use --map ${f}=Header`));
  if (unusedHeaders.length) report.unmapped.push(note(head.line, `columns not imported: ${unusedHeaders.join(', ')}`));

  const cell = (row: MatrixRow, f: MatrixField) => { const i = columns.get(f); return i === undefined ? '' : (row.cells[i] ?? '').trim(); };
  const groups = new Map<string, { title: string; items: Record<string, unknown>[] }>();
  const seen = new Set<string>();
  let generated = 0;
  for (const row of body) {
    let id = cell(row, 'id');
    if (!id) {
      id = `CTL-${String(++generated).padStart(3, '0')}`;
      report.guessed.push(note(row.line, `no id; named ${id}`));
    }
    if (seen.has(id)) report.unmapped.push(note(row.line, `${id} appears twice; both are written, and soc2 check reports the duplicate`));
    seen.add(id);
    const title = cell(row, 'title') || undefined;
    const item: Record<string, unknown> = { id, title, description: cell(row, 'description') || undefined };
    const owner = cell(row, 'owner');
    if (owner) item.owner = owner;
    else { item.owner = 'TODO'; report.guessed.push(note(row.line, `${id}: no owner; written as TODO`)); }

    const freqText = cell(row, 'frequency');
    if (freqText) {
      const f = matrixFrequency(freqText);
      if (f) { item.frequency = f; if (f !== freqText.toLowerCase()) report.mapped.push(note(row.line, `${id}: frequency "${freqText}" -> ${f}`)); }
      else report.unmapped.push(note(row.line, `${id}: frequency "${freqText}" is not one we know; left out (continuous, daily, weekly, monthly, quarterly, semiannual, annual, on-event)`));
    }
    const statusText = cell(row, 'status');
    const status = statusText ? MATRIX_STATUSES[statusText.toLowerCase()] : undefined;
    if (status) item.status = status;
    else {
      item.status = 'planned';
      report.guessed.push(note(row.line, statusText ? `${id}: status "${statusText}" read as planned` : `${id}: no status; written as planned (a plan earns no coverage until it operates)`));
    }
    const critText = cell(row, 'criteria');
    if (critText) {
      const r = readCriteriaList(critText, catalog);
      item.criteria = r.criteria;
      for (const c of r.criteria) plan.criteria.add(c);
      for (const a of r.aliased) report.guessed.push(note(row.line, `${id}: criterion "${a.written}" read as ${a.read}`));
      if (r.unknown.length) report.unmapped.push(note(row.line, `${id}: ${r.unknown.map((u) => `"${u}"`).join(', ')} ${r.unknown.length === 1 ? 'is' : 'are'} not a criterion; left out`));
    }
    const policyText = cell(row, 'policy');
    if (policyText) item.policies = policyText.split(/[;,\n]+/).map((p) => p.trim()).filter(Boolean);
    if (!title) report.guessed.push(note(row.line, `${id}: no title`));

    const groupValue = groupColumn >= 0 ? (row.cells[groupColumn] ?? '').trim() : '';
    const prefix = prefixOf(id).toUpperCase();
    const area = groupValue
      ? { file: safeFileStem(groupValue, 'controls'), title: groupValue }
      : CONTROL_AREAS[prefix] ?? { file: safeFileStem(prefix, 'controls'), title: `${prefix} controls` };
    const g = groups.get(area.file) ?? { title: area.title, items: [] };
    g.items.push(item);
    groups.set(area.file, g);
  }
  for (const [file, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const path = addFile(plan, `controls/${file}.yaml`, yamlListFile([`${g.title}: imported from ${o.source} by soc2 import.`], 'controls', g.items));
    report.mapped.push({ source: o.source, target: path, message: `${g.items.length} control${g.items.length === 1 ? '' : 's'}` });
  }
  return plan;
}
