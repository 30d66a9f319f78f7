import { FREQUENCIES, NOT_FREQUENCY_PHRASES } from '../catalog/vocabulary';
import {
  AMBIGUOUS_PHRASES, EVENT_PATTERNS, EVERY_N, FLOOR_AFTER, FLOOR_BEFORE, FREQUENCY_ORDER, NEGATION_BEFORE, NOT_A_RATE_BEFORE, NUMBER_WORDS, STATE_PHRASES,
} from './words';

/**
 * What one sentence says about how often an activity happens, read the way an auditor reads it: the asserted
 * frequency (not a negated one), whether it is a floor ("at least quarterly"), and whether events add to it
 * ("annually or after significant changes").
 */
export interface Statement {
  /** The periodic (or continuous) frequency asserted, or `on-event` when the sentence only names events. */
  frequency: string;
  /** Also after events ("… or after significant changes"), besides the periodic frequency. */
  events: boolean;
  /** "at least quarterly": practice that is as frequent or more keeps the promise. */
  floor: boolean;
  /** The wording that states the frequency, as written, and where it stands in the text (offsets). */
  phrase: string;
  start: number;
  end: number;
}

interface Hit { frequency: string; start: number; end: number; kind: 'rate' | 'event' | 'ambiguous' }

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
const alternation = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(esc).join('|');

const PHRASES = FREQUENCIES.flatMap((f) => f.phrases.map((p) => ({ phrase: p.toLowerCase(), frequency: f.id })))
  .filter((p) => !STATE_PHRASES.includes(p.phrase) && !AMBIGUOUS_PHRASES.includes(p.phrase));
const PHRASE_OF = new Map(PHRASES.map((p) => [p.phrase, p.frequency]));
/**
 * The phrases as a trie (`e(?:ach (?:day|week…)|very …)`): at each position the engine compares one character
 * instead of trying a hundred alternatives. `\b` starts it; a hyphen before the match is ruled out in code.
 */
const PHRASE_RE = new RegExp(`\\b(?:${trie(PHRASES.map((p) => p.phrase))})(?![\\w-])`, 'gi');

function trie(words: readonly string[]): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w.toLowerCase().replace(/\s+/g, ' ')) {
      let c = n.next.get(ch);
      if (!c) { c = { end: false, next: new Map() }; n.next.set(ch, c); }
      n = c;
    }
    n.end = true;
  }
  const render = (n: Node): string => {
    const alts = [...n.next].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([ch, c]) => (ch === ' ' ? '\\s+' : esc(ch)) + render(c));
    if (!alts.length) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    // Longest first: a node that ends a phrase tries its longer continuations, then stops here.
    return n.end ? `(?:${body})?` : body;
  };
  return render(root);
}
const AMBIGUOUS_RE = new RegExp(`(?<![\\w-])(?:${trie(AMBIGUOUS_PHRASES)})(?![\\w-])`, 'gi');
const MASK_RE = new RegExp(`(?<![\\w-])(?:${trie([...NOT_FREQUENCY_PHRASES, ...STATE_PHRASES])})(?![\\w-])`, 'gi');
const NUMBER_RE = new RegExp(`(?<![\\w-])(?:once\\s+)?every\\s+(\\d{1,3}|${alternation(Object.keys(NUMBER_WORDS))})\\s+(day|week|month|year)s?(?![\\w-])`, 'gi');
const FLOOR_BEFORE_RE = new RegExp(`(?:^|[^\\w-])(?:${alternation(FLOOR_BEFORE)})[\\s,:(]*(?:once\\s+)?$`, 'i');
const FLOOR_AFTER_RE = new RegExp(`^[\\s,]*(?:${alternation(FLOOR_AFTER)})(?![\\w-])`, 'i');
const NEGATION_RE = new RegExp(`(?:^|[^\\w-])(?:${alternation(NEGATION_BEFORE)})(?:\\s+(?:be|been|done|performed|run|held|happen|occur|only))?[\\s,]*(?:once\\s+)?$`, 'i');
const NOT_A_RATE_RE = new RegExp(`(?:^|[^\\w-])(?:${alternation(NOT_A_RATE_BEFORE)})\\s*(?:once\\s+)?$`, 'i');

/**
 * A cheap first look: whether a text may state a frequency at all. Most sentences do not, and the full reading
 * (a long alternation of phrases, floors, negations) is only worth running on those that may.
 */
const LAST_WORDS = [...new Set(PHRASES.map((p) => p.phrase.split(' ').pop()!)), 'days', 'weeks', 'years', 'updates', 'events', 'incidents', 'modifications', 'changes', 'update', 'event', 'modification'];
const MAY_STATE = new RegExp(`\\b(?:${trie(LAST_WORDS)})(?![\\w-])|bi-?(?:annual|yearly|monthly|weekly)`, 'i');
export function mayStateFrequency(text: string): boolean { return MAY_STATE.test(text); }

/** Blanks the spans a frequency must not be read in (traps, states, given titles), keeping every offset. */
export function maskText(text: string, extra: readonly string[] = []): string {
  const blank = (m: string) => ' '.repeat(m.length);
  let out = text.replace(MASK_RE, blank);
  const titles = extra.filter(Boolean);
  if (titles.length) out = out.replace(titleRegExp(titles), blank);
  return out;
}

/** One compiled pattern per set of titles, kept: a pattern compiled afresh for every sentence is never optimised. */
const titlePatterns = new Map<string, RegExp>();
function titleRegExp(titles: readonly string[]): RegExp {
  const key = titles.join('\0');
  let re = titlePatterns.get(key);
  if (!re) {
    if (titlePatterns.size > 2000) titlePatterns.clear();
    re = new RegExp(`(?<![\\w-])(?:${alternation(titles)})(?![\\w-])`, 'gi');
    titlePatterns.set(key, re);
  }
  return re;
}

function hits(text: string): Hit[] {
  const masked = text;
  const found: Hit[] = [];
  for (const m of masked.matchAll(NUMBER_RE)) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase().replace(/\s+/g, ' ')];
    const frequency = EVERY_N[m[2].toLowerCase()]?.[n];
    if (frequency) found.push({ frequency, start: m.index!, end: m.index! + m[0].length, kind: 'rate' });
  }
  for (const m of masked.matchAll(PHRASE_RE)) {
    const start = m.index!, end = start + m[0].length;
    if (masked[start - 1] === '-') continue;
    if (found.some((h) => h.start < end && start < h.end)) continue;
    const frequency = PHRASE_OF.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (frequency) found.push({ frequency, start, end, kind: frequency === 'on-event' ? 'event' : 'rate' });
  }
  for (const re of EVENT_PATTERNS) {
    for (const m of masked.matchAll(re)) {
      const start = m.index!, end = start + m[0].length;
      if (!found.some((h) => h.start < end && start < h.end)) found.push({ frequency: 'on-event', start, end, kind: 'event' });
    }
  }
  for (const m of masked.matchAll(AMBIGUOUS_RE)) {
    const start = m.index!, end = start + m[0].length;
    if (!found.some((h) => h.start < end && start < h.end)) found.push({ frequency: 'ambiguous', start, end, kind: 'ambiguous' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The frequency a sentence asserts, or undefined when it states none, several that conflict, or only an ambiguous
 * one. `mask` lists texts to ignore (the linked controls' own titles, which may contain a frequency word).
 */
export function readStatement(text: string, mask: readonly string[] = []): Statement | undefined {
  if (!MAY_STATE.test(text)) return undefined;
  const found = hits(text);
  if (!found.length) return undefined;
  // Masking after the search, and only when something was found: a hit a mask touches is no hit.
  const masked = maskText(text, mask);
  const kept: (Hit & { floor: boolean })[] = [];
  for (const h of found) {
    if (masked !== text && masked.slice(h.start, h.end) !== text.slice(h.start, h.end)) continue;
    const before = masked.slice(Math.max(0, h.start - 40), h.start);
    const after = masked.slice(h.end, h.end + 30);
    const floor = FLOOR_BEFORE_RE.test(before) || FLOOR_AFTER_RE.test(after);
    if (!floor && NEGATION_RE.test(before)) continue;
    if (!floor && h.kind === 'rate' && NOT_A_RATE_RE.test(before)) continue;
    kept.push({ ...h, floor });
  }
  const rates = kept.filter((h) => h.kind === 'rate');
  const distinct = [...new Set(rates.map((h) => h.frequency))];
  const events = kept.some((h) => h.kind === 'event');
  if (distinct.length > 1) return undefined;
  if (distinct.length === 0) {
    // "bi-annual" alone, or "bi-annually or after a change": which period is meant is unclear, so nothing is asserted.
    if (kept.some((h) => h.kind === 'ambiguous')) return undefined;
    const ev = kept.find((h) => h.kind === 'event');
    return ev && { frequency: 'on-event', events: true, floor: false, phrase: text.slice(ev.start, ev.end), start: ev.start, end: ev.end };
  }
  const h = rates[0];
  return { frequency: h.frequency, events, floor: rates.some((r) => r.floor), phrase: text.slice(h.start, h.end), start: h.start, end: h.end };
}

export type Verdict = 'agrees' | 'less-frequent' | 'more-frequent' | 'different';

/** Position in FREQUENCY_ORDER; -1 for `on-event` or anything unknown. */
export function rank(frequency: string): number { return FREQUENCY_ORDER.indexOf(frequency); }

/**
 * Practice (`actual`) against the promise (`stated`). A floor kept, or a periodic promise that also allows events
 * met by an event-driven control's period, agrees. `different` is an event against a period, which has no order.
 */
export function compare(stated: Statement, actual: string): Verdict {
  if (actual === stated.frequency) return 'agrees';
  if (actual === 'on-event') return stated.events ? 'agrees' : 'different';
  const s = rank(stated.frequency), a = rank(actual);
  if (s < 0 || a < 0) return 'different';
  if (a < s) return stated.floor ? 'agrees' : 'more-frequent';
  return 'less-frequent';
}
