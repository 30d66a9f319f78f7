import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { FileKind } from '../engine/model';
import { CONTROL_STATUSES, FREQUENCIES, REVIEW_CYCLES, RISK_RATINGS, RISK_TREATMENTS } from '../catalog/vocabulary';
import { isActive } from '../engine/people-directory';
import type { FeatureContext } from './feature-context';
import { field, md } from './markdown';
import { vendorCompletion } from './vendor-completion';

/** `[` and `,` open flow-list items, space follows `- ` and `key:`, `-` continues an id in prose (`AC-`). */
export const COMPLETION_TRIGGERS: string[] = ['[', ',', ' ', '-'];

/**
 * Completion reads the text around the cursor, not the parsed model: while typing, the file is often
 * half-written YAML that does not parse, and that is exactly when completion is wanted.
 */
export function completion(ctx: FeatureContext, position: Position): CompletionItem[] | null {
  const kind = ctx.project.kindOf(ctx.path);
  if (kind === 'other') return null;
  const lines = ctx.document.getText().split(/\r\n|\r|\n/);
  let first = 0, last = lines.length - 1;
  if (kind === 'description') {
    // Only the front matter (CUECs, subservice organisation ids) has words to complete.
    const fm = frontMatter(lines);
    if (!fm || position.line <= fm.open || position.line >= fm.close) return null;
    first = fm.open + 1; last = fm.close - 1;
  }
  if (kind === 'policy') {
    const fm = frontMatter(lines);
    if (fm && position.line > fm.open && position.line < fm.close) { first = fm.open + 1; last = fm.close - 1; }
    else return fm && position.line <= fm.close ? null : bodyCompletion(ctx, lines, position, fm ? fm.close + 1 : 0);
  }
  const items = yamlCompletion(ctx, kind, lines, position, first, last);
  return items && items.length ? items : null;
}

function frontMatter(lines: string[]): { open: number; close: number } | undefined {
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return { open: 0, close: i };
  return { open: 0, close: lines.length }; // not closed yet: the rest is still front matter being typed
}

// ---- YAML: controls and risks files, front matter, soc2.yaml ------------------------------------

const KEY_VALUE = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s+["']?([^\s"'#,[\]{}]*)$/;
const BLOCK_ITEM = /^(\s*)-\s+["']?([^\s"'#,[\]{}]*)$/;
const KEY_ONLY = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(?:#.*)?$/;

function yamlCompletion(ctx: FeatureContext, kind: FileKind, lines: string[], pos: Position, first: number, last: number): CompletionItem[] | null {
  const before = (lines[pos.line] ?? '').slice(0, pos.character);
  if (/(^|\s)#/.test(before)) return null; // in a comment
  const flow = openFlowList(lines, pos, first);
  if (flow) return items(ctx, kind, flow.key, 'list', wordRange(pos, flow.word), flow.present);
  const kv = KEY_VALUE.exec(before);
  if (kv) return items(ctx, kind, kv[1], 'scalar', wordRange(pos, kv[2]), []);
  const item = BLOCK_ITEM.exec(before);
  if (item) {
    const parent = blockParent(lines, pos.line, item[1].length, first, last);
    if (parent) return items(ctx, kind, parent.key, 'list', wordRange(pos, item[2]), parent.siblings);
  }
  return null;
}

function wordRange(pos: Position, word: string): Range {
  return { start: { line: pos.line, character: pos.character - word.length }, end: pos };
}

/** A `key: [a, b, |` list still open at the cursor, possibly over several lines. */
function openFlowList(lines: string[], pos: Position, first: number): { key: string; word: string; present: string[] } | undefined {
  const line = lines[pos.line] ?? '';
  let text = line.slice(0, pos.character);
  for (let i = pos.line; i >= first && i > pos.line - 10; i--) {
    if (i < pos.line) text = `${lines[i]}\n${text}`;
    const m = /([A-Za-z_][\w-]*)\s*:\s*\[([^[\]]*)$/.exec(text);
    if (m) {
      const word = /["']?([^\s"',]*)$/.exec(m[2])?.[1] ?? '';
      const after = line.slice(pos.character).split(']')[0];
      return { key: m[1], word, present: splitFlow(m[2].slice(0, m[2].length - word.length) + ',' + after) };
    }
    if (i < pos.line && /[\]:]/.test(lines[i])) break;
  }
  return undefined;
}

function splitFlow(s: string): string[] {
  return s.split(',').map((x) => x.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
}

/** The key that owns a `- ` item (walking up past siblings and their nested content), and the sibling values. */
function blockParent(lines: string[], line: number, indent: number, first: number, last: number): { key: string; siblings: string[] } | undefined {
  const siblings: string[] = [];
  const indentOf = (t: string) => t.length - t.trimStart().length;
  const sibling = (t: string) => { const m = /^\s*-\s+["']?([^\s"'#]+?)["']?\s*(?:#.*)?$/.exec(t); if (m) siblings.push(m[1]); };
  for (let j = line + 1; j <= last; j++) {
    const t = lines[j];
    if (/^\s*(#.*)?$/.test(t)) continue;
    if (indentOf(t) < indent || (indentOf(t) === indent && !/^\s*-(\s|$)/.test(t))) break;
    if (indentOf(t) === indent) sibling(t);
  }
  for (let j = line - 1; j >= first; j--) {
    const t = lines[j];
    if (/^\s*(#.*)?$/.test(t)) continue;
    const n = indentOf(t);
    if (n > indent) continue;
    if (n === indent && /^\s*-(\s|$)/.test(t)) { sibling(t); continue; }
    const m = KEY_ONLY.exec(t);
    return m ? { key: m[1], siblings } : undefined;
  }
  return undefined;
}

type Mode = 'list' | 'scalar';

/** What a key takes, per kind of file: which ids or enum values to offer. */
function items(ctx: FeatureContext, kind: FileKind, key: string, mode: Mode, range: Range, present: string[]): CompletionItem[] | null {
  const typed = ctx.document.getText(range);
  const taken = new Set(present.filter((p) => p !== typed));
  const keep = (list: CompletionItem[]) => list.filter((i) => !taken.has(i.label));
  const fm = kind === 'policy', risk = kind === 'risks';
  const vendorItems = vendorCompletion(ctx, kind, key, mode, range);
  if (vendorItems) return keep(vendorItems);
  if (mode === 'list' && key === 'criteria' && (kind === 'controls' || fm || risk || kind === 'vendors' || kind === 'description')) return keep(criteria(ctx, range));
  if (mode === 'list' && key === 'monitored_by' && kind === 'vendors') return keep(controls(ctx, range));
  if (mode === 'scalar' && key === 'criterion' && kind === 'config') return criteria(ctx, range);
  if (mode === 'list' && key === 'policies' && kind === 'controls') return keep(policies(ctx, range));
  if (mode === 'list' && key === 'controls' && (fm || risk)) return keep(controls(ctx, range));
  if (mode === 'list' && key === 'categories' && kind === 'config') {
    return keep(ctx.project.catalog.framework.categories.map((c, i) => enumItem(c.id, c.name, c.description, range, i)));
  }
  if (mode !== 'scalar') return null;
  if (key === 'frequency' && kind === 'controls') return FREQUENCIES.map((f, i) => enumItem(f.id, f.label, phrasesDoc(f.phrases), range, i));
  if (key === 'status' && kind === 'controls') return CONTROL_STATUSES.map((s, i) => enumItem(s.id, s.label, undefined, range, i));
  if (key === 'treatment' && risk) return RISK_TREATMENTS.map((t, i) => enumItem(t.id, t.label, undefined, range, i));
  if ((key === 'likelihood' || key === 'impact') && risk) {
    return RISK_RATINGS[key].map((w, i) => enumItem(String(i + 1), w, 'The risk score is likelihood × impact (1 to 25).', range, i));
  }
  if ((key === 'review_cycle' && (kind === 'controls' || fm || risk || kind === 'vendors')) || (key === 'default_cycle' && kind === 'config')) {
    return REVIEW_CYCLES.map((c, i) => enumItem(c.id, `every ${c.months === 1 ? 'month' : `${c.months} months`}`, 'Or a whole number of days.', range, i));
  }
  if ((key === 'owner' && (kind === 'controls' || fm || risk || kind === 'vendors')) || (key === 'approver' && fm)) return owners(ctx, range);
  return null;
}

function enumItem(label: string, detail: string, doc: string | undefined, range: Range, i: number): CompletionItem {
  return {
    label, kind: CompletionItemKind.EnumMember, detail, sortText: pad(i), textEdit: { range, newText: label },
    ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
  };
}

function phrasesDoc(phrases: readonly string[]): string {
  return phrases.length ? `Policy wording that states it: ${phrases.slice(0, 4).map((p) => `"${md(p)}"`).join(', ')}` : '';
}

function criteria(ctx: FeatureContext, range: Range): CompletionItem[] {
  const { catalog } = ctx.project;
  return catalog.framework.criteria.map((c, i) => {
    const inScope = ctx.project.inScope(c.category);
    const category = catalog.framework.categories.find((x) => x.id === c.category)?.name ?? c.category;
    return {
      label: c.id,
      kind: CompletionItemKind.Constant,
      detail: `${c.seriesName} · ${category}${inScope ? '' : ' (not in scope)'}`,
      documentation: { kind: MarkupKind.Markdown, value: md(c.summary) },
      // In-scope criteria first, each group in catalog order (CC1.1 before CC10.1 would need this anyway).
      sortText: `${inScope ? 0 : 1}${pad(i)}`,
      textEdit: { range, newText: c.id },
    };
  });
}

function controls(ctx: FeatureContext, range: Range): CompletionItem[] {
  const seen = new Map<string, CompletionItem>();
  for (const c of ctx.project.allControls()) {
    if (seen.has(c.id)) continue;
    const doc = [field('Owner', c.owner ? md(c.owner.value) : 'none'), field('Frequency', md(c.frequency?.value ?? 'not set')), field('Status', md(c.status?.value ?? 'not set'))];
    seen.set(c.id, {
      label: c.id, kind: CompletionItemKind.Reference, detail: c.title ?? c.file,
      documentation: { kind: MarkupKind.Markdown, value: doc.join('\n') }, textEdit: { range, newText: c.id },
    });
  }
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}

function policies(ctx: FeatureContext, range: Range): CompletionItem[] {
  const seen = new Map<string, CompletionItem>();
  for (const p of ctx.project.allPolicies()) {
    if (seen.has(p.id)) continue;
    seen.set(p.id, {
      label: p.id, kind: CompletionItemKind.Reference, detail: p.title?.value ?? p.file,
      documentation: { kind: MarkupKind.Markdown, value: field('Owner', p.owner ? md(p.owner.value) : 'none') }, textEdit: { range, newText: p.id },
    });
  }
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Everyone already named as an owner or approver, so the same person is spelt the same way everywhere. */
function owners(ctx: FeatureContext, range: Range): CompletionItem[] {
  const names = new Map<string, string[]>();
  const add = (name: string | undefined, what: string) => {
    if (!name?.trim()) return;
    const list = names.get(name) ?? [];
    if (!list.includes(what)) list.push(what);
    names.set(name, list);
  };
  for (const c of ctx.project.allControls()) add(c.owner?.value, c.id);
  for (const p of ctx.project.allPolicies()) { add(p.owner?.value, p.id); add(p.approver?.value, p.id); }
  for (const r of ctx.project.allRisks()) add(r.owner?.value, r.id);
  // With a roster, its current people come first (by email, as owners are usually written); names used in the
  // repo that resolve to nobody still follow, so existing spellings stay reachable.
  const directory = ctx.project.peopleDirectory();
  const roster: CompletionItem[] = directory ? directory.people.filter((p) => isActive(p, ctx.project.today)).map((p) => {
    const text = p.email ?? p.id;
    names.delete(text);
    return {
      label: text, kind: CompletionItemKind.Reference, detail: [p.name, p.role].filter(Boolean).join(' · ') || 'in the roster', sortText: `0${text}`,
      filterText: `${text} ${p.name ?? ''} ${p.id}`, textEdit: { range, newText: text },
    };
  }) : [];
  for (const name of [...names.keys()]) if (directory?.resolve(name)) names.delete(name);
  return [...roster, ...[...names].sort(([a], [b]) => a.localeCompare(b)).map(([name, what]) => ({
    label: name, kind: CompletionItemKind.Value, detail: `named on ${what.length} item${what.length === 1 ? '' : 's'}`, sortText: `1${name}`,
    documentation: { kind: MarkupKind.Markdown, value: what.sort().map(md).join(', ') }, textEdit: { range, newText: name },
  }))];
}

// ---- policy body --------------------------------------------------------------------------------

/** Control ids in prose, once the start of one is typed (`AC`, `AC-0`); never inside fenced code. */
function bodyCompletion(ctx: FeatureContext, lines: string[], pos: Position, bodyStart: number): CompletionItem[] | null {
  let fence: string | undefined;
  for (let i = bodyStart; i < pos.line; i++) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i]);
    if (!m) continue;
    if (!fence) fence = m[1];
    else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
  }
  if (fence) return null;
  const m = /(?<![\w-])([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]*)*)$/.exec((lines[pos.line] ?? '').slice(0, pos.character));
  if (!m) return null;
  const typed = m[1].toUpperCase();
  const list = controls(ctx, wordRange(pos, m[1])).filter((i) => i.label.toUpperCase().startsWith(typed));
  return list.length ? list : null;
}

function pad(i: number): string { return String(i).padStart(3, '0'); }
