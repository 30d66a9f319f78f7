import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { toIso } from '../engine/dates';
import type { Vendor } from '../engine/register-model';
import type { Range } from '../engine/text';
import type { FeatureContext } from './feature-context';
import { addKeyToControl, type FileText } from './edits';

/**
 * Quick fixes on vendor findings: record a bridge letter's end date (stale or gapped assurance), and add a
 * CSOC stub to a carve-out without one. Edits are minimal, as in edits.ts; none is offered on a layout it
 * does not recognise.
 */
export function vendorFixes(ctx: FeatureContext, f: FileText, d: Diagnostic): CodeAction[] {
  const v = vendorOf(ctx, d.range);
  if (!v) return [];
  if (d.code === 'vendor-assurance-stale') return bridge(ctx, f, d, v, toIso(ctx.project.today));
  if (d.code === 'vendor-assurance-gap') {
    // A bridge letter only extends a report forwards: offered when the last gap starts after the report ends.
    const gaps = (d.data as { uncovered?: { start: string; end: string }[] } | undefined)?.uncovered;
    const last = Array.isArray(gaps) ? gaps[gaps.length - 1] : undefined;
    const end = v.assurance?.periodEnd?.value;
    if (!last || typeof last.end !== 'string' || !end || !(last.start > end) || v.assurance?.type?.value !== 'soc2-type2') return [];
    return bridge(ctx, f, d, v, last.end);
  }
  if (d.code === 'subservice-without-csocs') return csocStub(ctx, f, d, v);
  return [];
}

function vendorOf(ctx: FeatureContext, range: Range): Vendor | undefined {
  const within = (r: Range) => range.start.line >= r.start.line && range.start.line <= r.end.line;
  return ctx.project.file(ctx.path)?.vendors?.find((v) => within(v.range));
}

function action(ctx: FeatureContext, title: string, d: Diagnostic, edit: TextEdit): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [ctx.root.uriOf(ctx.path)]: [edit] } } };
}

/** Adds or replaces `bridge_letter_until` in the vendor's `assurance` mapping (block or flow). */
function bridge(ctx: FeatureContext, f: FileText, d: Diagnostic, v: Vendor, date: string): CodeAction[] {
  const a = v.assurance;
  if (!a || a.range === a.keyRange) return [];
  const title = `Add a bridge-letter date (bridge_letter_until: ${date}; use the date the letter covers to)`;
  if (a.bridgeLetterUntil) return [action(ctx, title.replace('Add', 'Set'), d, { range: a.bridgeLetterUntil.range, newText: date })];
  const raw = f.at(a.range);
  if (raw.startsWith('{')) {
    const close = f.lines.offset(a.range.end) - 1;
    if (f.text[close] !== '}') return [];
    let at = close;
    while (at > 0 && /\s/.test(f.text[at - 1])) at--;
    const pos = f.lines.position(at);
    return [action(ctx, title, d, { range: { start: pos, end: pos }, newText: `${raw.trim() === '{}' ? '' : ', '}bridge_letter_until: ${date}` })];
  }
  const edit = addKeyToControl(f, { range: a.range }, 'bridge_letter_until', date);
  return edit ? [action(ctx, title, d, edit)] : [];
}

/** A `csocs` entry to fill in, with the criteria soc2.yaml carves out to this vendor. */
function csocStub(ctx: FeatureContext, f: FileText, d: Diagnostic, v: Vendor): CodeAction[] {
  const criteria = ctx.project.config.exclusions.filter((e) => e.vendor?.value === v.id).map((e) => e.criterion.value);
  const what = `What we rely on ${v.name ?? v.id} to operate`;
  const title = `Add a CSOC stub to ${v.id}`;
  if (v.csocsKey) {
    // `csocs: []` (or an empty value): replace the empty list with one flow entry.
    const after = f.text.slice(f.lines.offset(v.csocsKey.end));
    const m = /^([ \t]*:[ \t]*)(\[[ \t]*\])?(?=[ \t]*(?:#.*)?(?:\r|\n|$))/.exec(after);
    if (!m) return [];
    const start = f.lines.offset(v.csocsKey.end) + m[1].length;
    return [action(ctx, title, d, { range: f.lines.range(start, start + (m[2]?.length ?? 0)), newText: `${m[1].endsWith(' ') ? '' : ' '}[{ description: "${what}", criteria: [${criteria.join(', ')}] }]` })];
  }
  if (f.at(v.range).startsWith('{')) return [];
  const indent = ' '.repeat(v.range.start.character);
  const lines = ['csocs:', `  - description: "${what}"`, `    criteria: [${criteria.join(', ')}]`];
  const edit = addKeyToControl(f, { range: v.range }, lines[0].replace(/:$/, ''), '');
  if (!edit) return [];
  edit.newText = lines.map((l) => `${f.eol}${indent}${l}`).join('');
  return [action(ctx, title, d, edit)];
}
