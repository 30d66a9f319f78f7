/**
 * What an importer produces: the files to write (paths relative to the target repo, text in this project's
 * formats) and a report of what it mapped, what it guessed and what it could not map. Importers are pure:
 * they take the source's text or bytes and return a plan; the CLI reads the source and writes the plan.
 */
export interface ImportNote {
  /** Where in the source the note comes from (a file relative to the source, or the source file itself). */
  source: string;
  /** 1-based line in the source, when known. */
  line?: number;
  /** The file written from it, relative to the target repo. */
  target?: string;
  message: string;
}

export interface ImportReport {
  mapped: ImportNote[];
  guessed: ImportNote[];
  unmapped: ImportNote[];
}

export interface ImportPlan {
  /** Relative path (forward slashes) -> text, in the order they are listed. */
  files: Map<string, string>;
  report: ImportReport;
  /** Criteria the imported files map, to choose the categories of a new soc2.yaml. */
  criteria: Set<string>;
}

export function emptyPlan(): ImportPlan {
  return { files: new Map(), report: { mapped: [], guessed: [], unmapped: [] }, criteria: new Set() };
}

/** Adds a file, choosing `name-2.ext`, `name-3.ext`... when two sources want the same path. */
export function addFile(plan: ImportPlan, path: string, text: string): string {
  let chosen = path;
  for (let n = 2; plan.files.has(chosen); n++) chosen = path.replace(/(\.[^./]+)?$/, (ext) => `-${n}${ext}`);
  plan.files.set(chosen, text);
  return chosen;
}

/** A file name made from an id or a title: lower case, letters, digits and dashes only, never empty or `..`. */
export function safeFileStem(raw: string, fallback: string): string {
  const stem = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || fallback;
}

export function formatReport(report: ImportReport): string {
  const where = (n: ImportNote) => `${n.source}${n.line ? `:${n.line}` : ''}${n.target ? ` -> ${n.target}` : ''}`;
  const block = (title: string, notes: ImportNote[]) => notes.length
    ? [`${title} (${notes.length}):`, ...notes.map((n) => `  ${where(n)}: ${n.message}`)]
    : [`${title}: none`];
  return [
    ...block('Mapped', report.mapped),
    ...block('Guessed (check these)', report.guessed),
    ...block('Could not map', report.unmapped),
  ].join('\n') + '\n';
}
