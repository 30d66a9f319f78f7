import { isMap, parseDocument } from 'yaml';
import { CriteriaCatalog } from '../catalog/criteria';
import { addFile, emptyPlan, safeFileStem, type ImportNote, type ImportPlan } from './plan';
import { pandocToCommonMark } from './pandoc';
import { fillTemplateVariables } from './template-vars';
import { cronFrequency } from './cron';
import { readLooseDate } from './dates-in-text';
import { frontMatter, yamlListFile } from './yaml-out';

/** A comply project's files, path (relative, forward slashes) -> text, as the CLI read them. */
export type SourceFiles = ReadonlyMap<string, string>;

export interface ComplyOptions {
  /** Fills `{{.Name}}`; defaults to `name` in comply.yml. */
  organization?: string;
  catalog?: CriteriaCatalog;
}

export interface ComplyImport extends ImportPlan {
  organization?: string;
}

interface Header { fields: Record<string, unknown>; body: string; bodyLine: number; problem?: string }

/**
 * comply documents open with YAML and a `---` line, without the opening `---` this project (and most
 * static site tools) expect. A document that does open with `---` is read as ordinary front matter.
 */
export function readComplyHeader(text: string): Header {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const lines = src.split('\n');
  let from = 0;
  if (lines[0]?.trim() === '---') from = 1;
  const end = lines.findIndex((l, i) => i >= from && l.trim() === '---');
  if (end < 0) return { fields: {}, body: src, bodyLine: 1, problem: 'no header ending in a `---` line' };
  const doc = parseDocument(lines.slice(from, end).join('\n'));
  if (doc.errors.length || !isMap(doc.contents)) return { fields: {}, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2, problem: `its header does not parse as YAML${doc.errors[0] ? `: ${doc.errors[0].message.split('\n')[0]}` : ''}` };
  return { fields: doc.toJS() as Record<string, unknown>, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number') && String(v).trim() ? String(v).trim() : undefined;

export function importComply(files: SourceFiles, o: ComplyOptions = {}): ComplyImport {
  const plan: ComplyImport = emptyPlan();
  const { report } = plan;
  const catalog = o.catalog ?? new CriteriaCatalog();
  const config = files.get('comply.yml') ?? files.get('comply.yaml');
  let organization = o.organization;
  if (config !== undefined) {
    const doc = parseDocument(config);
    const name = isMap(doc.contents) ? str((doc.toJS() as Record<string, unknown>).name) : undefined;
    if (name) { organization ??= name; report.mapped.push({ source: 'comply.yml', message: `organisation name "${name}"${o.organization ? ' (--organization given, which wins)' : ''}` }); }
  } else report.unmapped.push({ source: 'comply.yml', message: 'not found; is this a comply project?' });
  plan.organization = organization;

  const sorted = [...files.keys()].sort();
  const under = (dir: string) => sorted.filter((p) => p.startsWith(`${dir}/`) && /\.md$/i.test(p));
  for (const path of under('policies')) importDocument(plan, path, files.get(path)!, 'policies', organization, catalog);
  for (const path of under('narratives')) importDocument(plan, path, files.get(path)!, 'policies/narratives', organization, catalog);
  importProcedures(plan, under('procedures'), files, organization);
  for (const path of sorted.filter((p) => /^standards\/.+\.ya?ml$/i.test(p))) {
    const doc = parseDocument(files.get(path)!);
    const name = isMap(doc.contents) ? str((doc.toJS() as Record<string, unknown>).name) : undefined;
    if (name && /^(tsc|soc ?2)/i.test(name)) report.mapped.push({ source: path, message: `standard ${name}: the Trust Services Criteria are built in` });
    else report.unmapped.push({ source: path, message: `standard ${name ?? '(unnamed)'}: only the Trust Services Criteria are imported; mappings to it are listed per document` });
  }
  for (const path of sorted.filter((p) => /^templates\//.test(p))) report.unmapped.push({ source: path, message: 'comply output template; not needed here (the readiness summary and exports replace it)' });
  return plan;
}

function importDocument(plan: ComplyImport, path: string, text: string, targetDir: string, organization: string | undefined, catalog: CriteriaCatalog): void {
  const { report } = plan;
  const header = readComplyHeader(text);
  const base = path.replace(/^.*\//, '').replace(/\.md$/i, '');
  if (header.problem) report.unmapped.push({ source: path, line: 1, message: `${header.problem}; imported with the whole text as body` });
  const f = header.fields;
  const title = str(f.name) ?? base;
  const id = str(f.acronym) ?? `POL-${safeFileStem(base, 'policy').toUpperCase()}`;
  const target = `${targetDir}/${safeFileStem(base, 'policy')}.md`;
  const notes: ImportNote[] = [];
  const mapped = (message: string, line?: number) => report.mapped.push({ source: path, line, target, message });
  const guessed = (message: string, line?: number) => notes.push({ source: path, line, target, message });
  if (str(f.name)) mapped('name -> title'); else guessed(`no name; title "${title}" from the file name`);
  if (str(f.acronym)) mapped(`acronym ${id} -> id`); else guessed(`no acronym; id ${id} from the file name`);

  const criteria: string[] = [];
  const satisfies = f.satisfies;
  if (satisfies && typeof satisfies === 'object' && !Array.isArray(satisfies)) {
    for (const [standard, ids] of Object.entries(satisfies as Record<string, unknown>)) {
      const list = Array.isArray(ids) ? ids.map((x) => String(x).trim()).filter(Boolean) : typeof ids === 'string' ? ids.split(/[,;\s]+/).filter(Boolean) : [];
      if (/^(tsc|soc ?2)/i.test(standard)) {
        for (const c of list) {
          criteria.push(c);
          const r = catalog.resolve(c);
          if (r.exact) plan.criteria.add(r.exact.id);
          else report.unmapped.push({ source: path, target, message: `satisfies.${standard}: "${c}" is not a Trust Services Criterion${r.suggestions[0] ? ` (nearest: ${r.suggestions.map((s) => s.id).join(', ')})` : ''}; kept as written, so soc2 check reports it` });
        }
        mapped(`satisfies.${standard} -> criteria (${list.length})`);
      } else report.unmapped.push({ source: path, target, message: `satisfies.${standard} (${list.join(', ')}): frameworks other than the Trust Services Criteria are not imported` });
    }
  }

  // majorRevisions: a revision table in the body, and the newest date as last_reviewed.
  const revisions = Array.isArray(f.majorRevisions) ? f.majorRevisions as unknown[] : [];
  const rows: { date?: string; written: string; comment: string }[] = [];
  for (const r of revisions) {
    const rec = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
    const written = rec.date instanceof Date ? rec.date.toISOString().slice(0, 10) : str(rec.date) ?? '';
    const d = readLooseDate(rec.date);
    if (!d && written) guessed(`revision date "${written}" could not be read as a date`);
    if (d?.ambiguous) guessed(`revision date "${written}" read as ${d.date}`);
    rows.push({ date: d?.date, written, comment: str(rec.comment) ?? '' });
  }
  const newest = rows.map((r) => r.date).filter((d): d is string => !!d).sort().at(-1);
  if (rows.length) mapped(`majorRevisions (${rows.length}) -> revision history${newest ? `, last_reviewed ${newest}` : ''}`);
  else guessed('no majorRevisions, so no last_reviewed (missing-review-date will say so)');

  const converted = pandocToCommonMark(header.body);
  for (const c of converted.changes) mapped(c, header.bodyLine);
  const filled = fillTemplateVariables(converted.text, organization, header.bodyLine);
  if (filled.filled) mapped(`${filled.filled} {{.Name}} filled with "${organization}"`);
  for (const v of filled.left) notes.push({ source: path, target, line: v.line, message: `template variable ${v.variable} left as written${organization ? '' : ' (give --organization to fill {{.Name}})'}` });

  const known = new Set(['name', 'acronym', 'satisfies', 'majorRevisions']);
  for (const key of Object.keys(f).filter((k) => !known.has(k))) report.unmapped.push({ source: path, target, message: `header field "${key}" has no place in this format; left out` });

  guessed('no owner in comply; written as owner: TODO');
  const fm = frontMatter({ id, title, owner: 'TODO', last_reviewed: newest, criteria }, { owner: 'name the person accountable for this policy' });
  let body = filled.text.replace(/^\n+/, '');
  if (!/^#\s/m.test(body.split('\n').find((l) => l.trim()) ?? '')) body = `# ${title}\n\n${body}`;
  if (rows.length) {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    body = `${body.replace(/\s*$/, '')}\n\n## Revision history\n\n| Date | Change |\n|---|---|\n${rows.map((r) => `| ${esc(r.date ?? r.written)} | ${esc(r.comment)} |`).join('\n')}\n`;
  }
  const written = addFile(plan, target, `${fm}\n${body.endsWith('\n') ? body : `${body}\n`}`);
  for (const n of notes) report.guessed.push({ ...n, target: written });
}

function importProcedures(plan: ComplyImport, paths: string[], files: SourceFiles, organization: string | undefined): void {
  const { report } = plan;
  if (!paths.length) return;
  const items: Record<string, unknown>[] = [];
  const target = 'controls/procedures.yaml';
  for (const path of paths) {
    const header = readComplyHeader(files.get(path)!);
    const base = path.replace(/^.*\//, '').replace(/\.md$/i, '');
    if (header.problem) report.unmapped.push({ source: path, line: 1, message: `${header.problem}; imported with the whole text as description` });
    const f = header.fields;
    const id = str(f.id) ?? base;
    if (!str(f.id)) report.guessed.push({ source: path, target, message: `no id; ${id} from the file name` });
    const cron = str(f.cron);
    let frequency = cron ? cronFrequency(cron) : 'on-event';
    if (cron && !frequency) { report.unmapped.push({ source: path, target, message: `cron "${cron}" is not a schedule we can read; written as on-event` }); frequency = 'on-event'; }
    else report.mapped.push({ source: path, target, message: cron ? `${id}: cron "${cron}" -> ${frequency}` : `${id}: no cron, so on-event` });
    const description = fillTemplateVariables(pandocToCommonMark(header.body).text, organization, header.bodyLine);
    for (const v of description.left) report.guessed.push({ source: path, line: v.line, target, message: `template variable ${v.variable} left as written` });
    items.push({ id, title: str(f.name) ?? base, description: description.text.trim() || undefined, owner: 'TODO', frequency, status: 'planned' });
    report.guessed.push({ source: path, target, message: `${id}: owner TODO and status planned (comply records neither); no criteria (comply procedures map none)` });
  }
  addFile(plan, target, yamlListFile(['Procedures imported from a comply project by soc2 import: each scheduled procedure is a control.'], 'controls', items));
}
