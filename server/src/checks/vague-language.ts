import { ANSWERED_BY, DEFAULT_VAGUE_SUGGESTION, DEFINITION_TABLE_HEADERS, NOT_REQUIREMENT_OPENINGS, NOT_REQUIREMENT_SECTIONS, NOT_VAGUE,
  VAGUE_TERMS, type VagueKind } from '../catalog/wording';
import type { Config, Policy, Sentence } from '../engine/model';
import { maskNonProse } from '../engine/prose-mask';
import { positionAfter, rangeContains, type Position, type Range } from '../engine/text';
import { normaliseHeading } from '../util/headings';
import type { Check } from './types';

/**
 * Reports wording that leaves a requirement untestable, and stays quiet where the words carry no
 * vagueness: outside requirements (purpose, background, definitions), where the sentence or the list it
 * introduces answers them ("in a timely manner, at least monthly"), in terms of art and ordinary
 * meanings (tables of data in catalog/wording.ts), and in the "in order to …" part of a rule.
 * One finding per sentence, on its first vague phrase.
 */

interface Matcher { re: RegExp; any: RegExp; termOf: Map<string, { suggestion: string; kind: VagueKind }> }

// One compiled matcher per distinct configuration; a repo has one soc2.yaml, so this stays tiny.
const cache = new Map<string, Matcher>();
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function matcherFor(config: Config['vagueLanguage']): Matcher | undefined {
  const key = JSON.stringify([config.words, config.ignore]);
  const hit = cache.get(key);
  // Stryker disable next-line ConditionalExpression: the cache only saves compiling the same matcher again
  if (hit) return hit;
  const ignore = new Set(config.ignore.map(norm));
  const termOf = new Map<string, { suggestion: string; kind: VagueKind }>();
  // Stryker disable next-line StringLiteral: every built-in term names its kind, so the fallback is never read
  for (const t of VAGUE_TERMS) if (!ignore.has(norm(t.phrase))) termOf.set(norm(t.phrase), { suggestion: t.suggestion, kind: t.kind ?? 'judgement' });
  for (const w of config.words) if (norm(w) && !ignore.has(norm(w)) && !termOf.has(norm(w))) termOf.set(norm(w), { suggestion: DEFAULT_VAGUE_SUGGESTION, kind: 'judgement' });
  if (!termOf.size) return undefined;
  // Longest first, so "as appropriate" wins over "appropriate" and is reported once.
  const phrases = [...termOf.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\w-])(?:${phrases.map(escapeRe).join('|')})(?![\\w-])`, 'giu');
  const m = { re, any: new RegExp(re.source, 'iu'), termOf };
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes only memory, never a finding
  if (cache.size > 16) cache.clear();
  cache.set(key, m);
  return m;
}

function escapeRe(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'); }
const words = (p: string) => p.replace(/ /g, '\\s+');

const NOT_VAGUE_RE = new RegExp(`(?<![\\w-])(?:${NOT_VAGUE.map((n) => words(n.pattern)).join('|')})(?![\\w-])`, 'gi');
const ANSWERS: Record<VagueKind, { frequency: boolean; re?: RegExp }> = Object.fromEntries(Object.entries(ANSWERED_BY).map(([kind, list]) => {
  const patterns = list.filter((p) => p !== '@frequency').map(words);
  // Stryker disable next-line ConditionalExpression: every kind in ANSWERED_BY has a pattern besides @frequency
  return [kind, { frequency: list.includes('@frequency'), re: patterns.length ? new RegExp(patterns.join('|'), 'i') : undefined }];
})) as Record<VagueKind, { frequency: boolean; re?: RegExp }>;
const OPENING_RE = new RegExp(`^\\W*(?:${NOT_REQUIREMENT_OPENINGS.map(words).join('|')})\\b`, 'i');
/** The "in order to …" part of a rule says why, not what; quoted text is someone else's words. */
const WHY_CLAUSE = /\b(?:in order to|so as to|so that)\b[^;.:]*/gi;
const QUOTED = /"[^"\r\n]{3,}"|\u201c[^\u201d]{3,}\u201d/g;
const NON_REQUIREMENT = new Set(NOT_REQUIREMENT_SECTIONS.map(normaliseHeading));
const DEFINITION_HEADERS = new Set(DEFINITION_TABLE_HEADERS);

const blank = (m: string) => m.replace(/[^\r\n]/g, ' ');

/** The wording of a sentence that can hold a requirement, offsets kept. */
function readable(sentence: Sentence): string {
  return maskNonProse(sentence.text).replace(QUOTED, blank).replace(WHY_CLAUSE, blank).replace(NOT_VAGUE_RE, blank);
}

function answers(kind: VagueKind, sentence: Sentence, text: string): boolean {
  const a = ANSWERS[kind];
  if (a.frequency && sentence.frequencies.some((f) => f.frequency !== 'on-event')) return true;
  // Stryker disable next-line ConditionalExpression: every kind has a pattern (see ANSWERS)
  return !!a.re && a.re.test(text);
}

/** The position of `offset` within a sentence that starts at `start` (sentences may span lines). */
function positionIn(sentence: Sentence, offset: number): Position {
  return positionAfter(sentence.text, sentence.range.start, offset);
}

interface Context { headingLines: Set<number>; outside: Range[]; definitionTables: Set<number> }

function contextOf(policy: Policy): Context {
  const headingLines = new Set<number>();
  for (const s of policy.sections) for (let l = s.range.start.line; l <= s.range.end.line; l++) headingLines.add(l);
  const outside = policy.sections.filter((s) => NON_REQUIREMENT.has(normaliseHeading(s.title))).map((s) => s.fullRange);
  const definitionTables = new Set<number>();
  for (const row of policy.tableRows) {
    if (row.header.some((h) => DEFINITION_HEADERS.has(normaliseHeading(h.text)))) definitionTables.add(row.table);
  }
  return { headingLines, outside, definitionTables };
}

export const vagueLanguage: Check = {
  code: 'vague-language',
  severity: 'info',
  doc: 'A policy requirement uses wording an auditor cannot test ("as needed", "periodically", "appropriate"…) that nothing nearby answers.',
  appliesTo: ['policy'],
  run(file, project, report) {
    const policy = file.policy;
    const settings = project.config.vagueLanguage;
    if (!policy || !settings.enabled) return;
    const matcher = matcherFor(settings);
    if (!matcher) return;
    const ctx = contextOf(policy);
    const texts = new Map<number, string>();
    // Stryker disable next-line ConditionalExpression: computing a sentence's text again gives the same text
    const textOf = (i: number) => { let t = texts.get(i); if (t === undefined) { t = readable(policy.sentences[i]); texts.set(i, t); } return t; };
    policy.sentences.forEach((sentence, i) => {
      // Most sentences hold no vague word: nothing to mask. Masking never creates a match, so skipping this changes only the work.
      // Stryker disable next-line ConditionalExpression: see above
      if (!matcher.any.test(sentence.text)) return;
      // Headings name topics; the rules an auditor tests are in the sentences under them.
      if (ctx.headingLines.has(sentence.range.start.line)) return;
      if (ctx.outside.some((r) => rangeContains(r, sentence.range.start))) return;
      if (sentence.row !== undefined && ctx.definitionTables.has(policy.tableRows[sentence.row].table)) return;
      const text = textOf(i);
      if (OPENING_RE.test(text)) return;
      const found: { index: number; written: string; phrase: string; kind: VagueKind; suggestion: string }[] = [];
      matcher.re.lastIndex = 0;
      for (let m = matcher.re.exec(text); m; m = matcher.re.exec(text)) {
        const phrase = norm(m[0]);
        // Stryker disable next-line ObjectLiteral,StringLiteral: every match normalises to a key of termOf; the fallback only keeps the types honest
        const term = matcher.termOf.get(phrase) ?? { suggestion: DEFAULT_VAGUE_SUGGESTION, kind: 'judgement' as VagueKind };
        found.push({ index: m.index, written: sentence.text.slice(m.index, m.index + m[0].length), phrase, ...term });
      }
      const open = found.filter((f) => !answers(f.kind, sentence, text) && !answeredByList(policy, i, f.kind, textOf, text));
      if (!open.length) return;
      const first = open[0];
      const quoted = open.map((f) => `"${f.written.replace(/\s+/g, ' ')}"`);
      const what = quoted.length === 1 ? `${quoted[0]} is vague` : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]} are vague`;
      report({
        range: { start: positionIn(sentence, first.index), end: positionIn(sentence, first.index + first.written.length) },
        message: `${what}: an auditor cannot test this requirement. Instead, ${first.suggestion}.`,
        data: { phrase: first.phrase, phrases: open.map((f) => f.phrase) },
      });
    });
  },
};

/** Whether a sentence ending with `:` introduces a list (the items right after it, nested deeper) that answers it. */
function answeredByList(policy: Policy, i: number, kind: VagueKind, textOf: (i: number) => string, text: string): boolean {
  if (!/:\s*$/.test(text)) return false;
  const depth = policy.sentences[i].listDepth ?? 0;
  for (let j = i + 1; j < policy.sentences.length && j <= i + 20; j++) {
    const s = policy.sentences[j];
    if ((s.listDepth ?? 0) <= depth && !(j > i + 1 && s.listDepth === undefined && policy.sentences[j - 1].listDepth)) break;
    if (s.listDepth === undefined) continue;
    if (answers(kind, s, textOf(j))) return true;
  }
  return false;
}
