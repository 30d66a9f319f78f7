import type { Control, Policy, Sentence } from '../engine/model';
import { positionAfter, type Position, type Range } from '../engine/text';
import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import { compare, mayStateFrequency, readStatement, type Statement, type Verdict } from './frequency';
import { LinkedControls, MATCH_THRESHOLD, TIE_RATIO } from './match';
import { terms } from './stem';
import { DOCUMENT_SECTIONS, DOCUMENT_SELF_REFERENCE, FREQUENCY_HEADERS } from './words';
import { maskNonProse } from '../engine/prose-mask';

/** A policy sentence (or a control's description) whose frequency disagrees with a control's. */
export interface Disagreement {
  control: Control;
  statement: Statement;
  verdict: Exclude<Verdict, 'agrees'>;
  /** The whole sentence, and the frequency wording inside it. */
  range: Range;
  phraseRange: Range;
  /** How the sentence was tied to the control: it names the id, or it shares the activity's terms. */
  via: 'id' | 'terms' | 'description';
  shared?: string[];
  /** The sentence is a table row. */
  row?: boolean;
}

/** The range of `text.slice(from, to)` when `text` starts at `start` (a sentence may span lines). */
export function subRange(text: string, start: Position, from: number, to: number): Range {
  return { start: positionAfter(text, start, from), end: positionAfter(text, start, to) };
}

/** The controls a policy is linked to: those it lists, and those that list it. */
export function linkedControls(policy: Policy, controls: (id: string) => readonly Control[], listing: readonly Control[]): Control[] {
  const out = new Set<Control>();
  for (const c of policy.controls) for (const x of controls(c.value)) out.add(x);
  for (const c of listing) out.add(c);
  return [...out].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1));
}

const valid = (c: Control): c is Control & { frequency: { value: string } } => !!c.frequency && FREQUENCY_BY_ID.has(c.frequency.value);

/** Titles that would read as a frequency ("Quarterly user access review") are not the sentence's own frequency. */
function titleMask(linked: readonly Control[]): string[] {
  return linked.filter(titleStatesFrequency).map((c) => c.title!);
}
const titleStates = new WeakMap<Control, boolean>();
function titleStatesFrequency(c: Control): boolean {
  let v = titleStates.get(c);
  if (v === undefined) { v = !!c.title && !!readStatement(c.title); titleStates.set(c, v); }
  return v;
}

export function isHeading(policy: Policy, s: Sentence): boolean {
  // A paragraph that is only bold or italic text, or a short label ending in a colon, is a heading in all but name.
  if (/^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$/.test(s.text) || /^[^.!?]{0,60}:\s*$/.test(s.text)) return true;
  return policy.sections.some((h) => h.range.start.line === s.range.start.line && h.range.start.character === s.range.start.character);
}

/**
 * Every disagreement in a policy's sentences. A sentence that names control ids is compared with those controls,
 * any difference counting. A sentence that names none is compared with the linked control it is about, if one
 * stands out; there only periodic promises count: states ("at all times"), continuous wording and events are left
 * alone, because they rarely describe how often the matched activity runs.
 */
export function policyDisagreements(policy: Policy, linked: readonly Control[], controls: (id: string) => readonly Control[]): Disagreement[] {
  const out: Disagreement[] = [];
  const byId = new Map<number, string[]>();
  for (const m of policy.mentions) {
    const ids = byId.get(m.sentence) ?? [];
    if (!ids.includes(m.id)) ids.push(m.id);
    byId.set(m.sentence, ids);
  }
  // Built on the first sentence that needs it: most sentences state no frequency, or name their control.
  let weights: LinkedControls | undefined;
  const mask = titleMask(linked);
  policy.sentences.forEach((s, i) => {
    if (isHeading(policy, s)) return;
    const ids = byId.get(i);
    const read = readSentence(policy, s, mask);
    if (!read) return;
    const { statement, activity } = read;
    const where = { range: s.range, phraseRange: read.phraseRange, ...(s.row !== undefined ? { row: true } : {}) };
    if (ids) {
      for (const id of ids) {
        for (const control of controls(id)) {
          if (!valid(control)) continue;
          const verdict = compare(statement, control.frequency.value);
          if (verdict !== 'agrees') out.push({ control, statement, verdict, ...where, via: 'id' });
        }
      }
      return;
    }
    if (!linked.length || statement.frequency === 'on-event' || statement.frequency === 'continuous') return;
    if (aboutTheDocument(policy, s, activity)) return;
    weights ??= new LinkedControls(linked);
    const ranked = weights.rank(terms(activity)).filter((c) => valid(c.control));
    // The best control the sentence is mostly about; any other about as close (whether or not the sentence is
    // mostly about it) with another frequency makes it a tie.
    const best = ranked.find((c) => c.own);
    if (!best || best.score < MATCH_THRESHOLD) return;
    const actual = best.control.frequency!.value;
    // Two controls about as close, run at different frequencies: which one the sentence means is unclear.
    if (ranked.some((c) => c !== best && c.score >= TIE_RATIO * best.score && c.control.frequency!.value !== actual)) return;
    if (actual === 'continuous' || actual === 'on-event') return;
    // A control whose own description gives this frequency to part of its work keeps the sentence's promise.
    if (describedFrequencies(best.control).has(statement.frequency)) return;
    const verdict = compare(statement, actual);
    if (verdict !== 'agrees' && verdict !== 'different') out.push({ control: best.control, statement, verdict, ...where, via: 'terms', shared: best.shared });
  });
  return out;
}

const FREQUENCY_HEADER = new RegExp(`^\\W*(?:${FREQUENCY_HEADERS.join('|')})\\b`, 'i');

/**
 * The statement of one sentence, where its wording stands, and the text that names its activity. A table row
 * with a frequency column ("Frequency", "How often"…) takes its frequency from that cell only, and its activity
 * from the other cells; any other row, and prose, is read whole.
 */
export function readSentence(policy: Policy, s: Sentence, mask: readonly string[]): { statement: Statement; phraseRange: Range; activity: string } | undefined {
  const row = s.row !== undefined ? policy.tableRows[s.row] : undefined;
  const col = row ? row.header.findIndex((h) => FREQUENCY_HEADER.test(h.text)) : -1;
  if (row && col >= 0) {
    const cell = row.cells[col];
    const statement = cell && readStatement(maskNonProse(cell.text), mask);
    if (!cell || !statement) return undefined;
    const r = cell.range;
    const exact = r.start.line === r.end.line && r.end.character - r.start.character === cell.text.length;
    const phraseRange = exact ? { start: { line: r.start.line, character: r.start.character + statement.start }, end: { line: r.start.line, character: r.start.character + statement.end } } : r;
    return { statement: { ...statement, phrase: cell.text.slice(statement.start, statement.end) }, phraseRange, activity: row.cells.filter((_, i) => i !== col).map((c) => c.text).join(' | ') };
  }
  if (!mayStateFrequency(s.text)) return undefined;
  const text = maskNonProse(s.text);
  const statement = readStatement(text, mask);
  if (!statement) return undefined;
  return { statement: { ...statement, phrase: s.text.slice(statement.start, statement.end) }, phraseRange: subRange(s.text, s.range.start, statement.start, statement.end), activity: text };
}

/** Whether a sentence is about the policy document itself: it says "this policy", or sits in a section on its upkeep. */
export function aboutTheDocument(policy: Policy, s: Sentence, activity: string): boolean {
  if (DOCUMENT_SELF_REFERENCE.test(activity)) return true;
  const at = s.range.start;
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  let inner: { title: string; level: number } | undefined;
  for (const sec of policy.sections) {
    if (before(sec.fullRange.start, at) && before(at, sec.fullRange.end) && (!inner || sec.level > inner.level)) inner = sec;
  }
  return !!inner && DOCUMENT_SECTIONS.test(inner.title);
}

/** A control's description, sentence by sentence: the statement of each that states a frequency, and where it starts. */
const described = new WeakMap<Control, { statement: Statement; offset: number }[]>();
function descriptionStatements(control: Control): { statement: Statement; offset: number }[] {
  let out = described.get(control);
  if (!out) {
    out = [];
    for (const m of (control.description ?? '').matchAll(/[^.!?]+(?:[.!?]+|$)/g)) {
      const statement = readStatement(m[0], control.title ? [control.title] : []);
      if (statement) out.push({ statement, offset: m.index! });
    }
    described.set(control, out);
  }
  return out;
}

/** The frequencies a control's description states, sentence by sentence. */
function describedFrequencies(control: Control): Set<string> {
  return new Set(descriptionStatements(control).map((d) => d.statement.frequency));
}

/** A control whose own description states a frequency its `frequency` field contradicts. */
export function descriptionDisagreements(control: Control): Disagreement[] {
  const text = control.description, range = control.descriptionRange;
  if (!text || !range || !valid(control)) return [];
  const actual = control.frequency.value;
  if (actual === 'continuous' || actual === 'on-event') return [];
  // A description that gives the control's own frequency somewhere is about several activities; the others may
  // have their own cadence ("meets each quarter …; presents to the board once a year").
  if (describedFrequencies(control).has(actual)) return [];
  const out: Disagreement[] = [];
  // The statements were read once for describedFrequencies above: each description sentence is read once per run.
  for (const { statement, offset } of descriptionStatements(control)) {
    if (statement.frequency === 'on-event' || statement.frequency === 'continuous') continue;
    const verdict = compare(statement, actual);
    if (verdict === 'agrees' || verdict === 'different') continue;
    out.push({ control, statement, verdict, range, phraseRange: phraseIn(range, text, offset + statement.start, statement.phrase) ?? range, via: 'description' });
  }
  return out;
}

/** The phrase's own range when the description is written on one line as it reads (plain or quoted). */
function phraseIn(range: Range, value: string, offset: number, phrase: string): Range | undefined {
  if (range.start.line !== range.end.line || value.includes('\n')) return undefined;
  const width = range.end.character - range.start.character;
  const quote = width === value.length + 2 ? 1 : width === value.length ? 0 : -1;
  if (quote < 0) return undefined;
  const from = range.start.character + quote + offset;
  return { start: { line: range.start.line, character: from }, end: { line: range.start.line, character: from + phrase.length } };
}
