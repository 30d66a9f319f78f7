import type { YAMLMap } from 'yaml';
import { parseItemFile, type ItemFileKind } from './item-file';
import type { ParseProblem } from './model';
import { LineIndex } from './text';
import { parseCsv } from '../util/csv';
import { isIsoDate } from './dates';
import { locatedString, type YamlSource } from './yaml-source';
import type { Acknowledgement, Person, TrainingCompletion } from './people-model';

const PEOPLE_FILE: ItemFileKind<Person> = { listKey: 'people', schema: 'people', noun: 'person', read: readPerson };

/** Reads `people.yaml`: a `people:` list (or one person per document), with exact ranges. */
export function parseRoster(file: string, text: string, lines = new LineIndex(text)): { people: Person[]; problems: ParseProblem[] } {
  const { items, problems } = parseItemFile(PEOPLE_FILE, file, text, lines);
  return { people: items, problems };
}

function readPerson(file: string, src: YamlSource, map: YAMLMap): Person | undefined {
  const id = locatedString(src, map, 'id');
  if (!id || !id.value.trim()) return undefined;
  const text = (key: string) => locatedString(src, map, key)?.value?.trim() || undefined;
  return {
    kind: 'person', id: id.value.trim(), idRange: id.range, range: src.nodeRange(map), file,
    name: text('name'), email: text('email'), role: text('role'), team: text('team'),
    start: locatedString(src, map, 'start'), end: locatedString(src, map, 'end'),
  };
}

type Columns<T extends string> = Record<T, number>;

/**
 * Reads a CSV export with the named columns (any order, any case, extra columns ignored). A row with a
 * missing value or a date that is not YYYY-MM-DD is reported on its line and left out.
 */
function readRecords<T extends string>(file: string, text: string, wanted: readonly T[], what: string): { rows: (Record<T, string> & { line: number })[]; problems: ParseProblem[] } {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const rows: (Record<T, string> & { line: number })[] = [];
  const [header, ...body] = parseCsv(text);
  if (!header) return { rows, problems };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const cols = {} as Columns<T>;
  const missing = wanted.filter((w) => { const i = names.indexOf(w); cols[w] = i; return i < 0; });
  if (missing.length) {
    problems.push({ code: 'schema', range: lines.lineRange(header.line - 1), message: `This ${what} export needs the columns ${wanted.join(',')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, so it was not read.` });
    return { rows, problems };
  }
  for (const r of body) {
    const rec = { line: r.line } as Record<T, string> & { line: number };
    for (const w of wanted) (rec as Record<string, string>)[w] = (r.cells[cols[w]] ?? '').trim();
    const empty = wanted.filter((w) => !rec[w]);
    if (empty.length) { problems.push({ code: 'schema', range: lines.lineRange(r.line - 1), message: `This row has no ${empty.join(', ')}; it was left out.`, severity: 'warning' }); continue; }
    const date = (rec as Record<string, string>).date;
    if (!isIsoDate(date)) { problems.push({ code: 'schema', range: lines.lineRange(r.line - 1), message: `"${date}" is not a date written YYYY-MM-DD; this row was left out.`, severity: 'warning' }); continue; }
    rows.push(rec);
  }
  return { rows, problems };
}

export function parseAcknowledgements(file: string, text: string): { records: Acknowledgement[]; problems: ParseProblem[] } {
  const { rows, problems } = readRecords(file, text, ['person', 'policy', 'version', 'date'] as const, 'acknowledgement');
  return { records: rows.map((r) => ({ ...r, file })), problems };
}

export function parseTrainingCompletions(file: string, text: string): { records: TrainingCompletion[]; problems: ParseProblem[] } {
  const { rows, problems } = readRecords(file, text, ['person', 'course', 'date'] as const, 'training');
  return { records: rows.map((r) => ({ ...r, file })), problems };
}
