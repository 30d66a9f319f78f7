import type { Mention, Sentence } from './model';
import { maskNonProse } from './prose-mask';
import type { LineIndex } from './text';
import { FREQUENCIES, NOT_FREQUENCY_PHRASES } from '../catalog/vocabulary';

/**
 * Finds sentences, control-id mentions and frequency phrases in one block of policy prose (a paragraph,
 * list item or heading), or in one table row, which is a sentence of its own (addSentence). Works on the
 * raw source slice so every range is exact; Markdown punctuation (`**`, backticks, link brackets) does not
 * disturb the patterns, and frequencies are read from the prose only (engine/prose-mask.ts: not in inline
 * code or link targets).
 */

/** Shaped like a control id: upper-case prefix, hyphen, number (`AC-02`, `CM-1`, `IR-01A`). */
export const ID_TOKEN = /(?<![\w-])[A-Z][A-Z0-9]{0,9}(?:-[A-Z][A-Z0-9]{0,9})*-\d{1,4}[A-Za-z]?(?![\w-])/g;

const phraseList = FREQUENCIES.flatMap((f) => f.phrases.map((p) => ({ phrase: p.toLowerCase(), frequency: f.id })))
  .sort((a, b) => b.phrase.length - a.phrase.length);
const PHRASE_OF = new Map(phraseList.map((p) => [p.phrase, p.frequency]));
const FREQ_RE = new RegExp(`(?<![\\w-])(${phraseList.map((p) => escapeRe(p.phrase)).join('|')})(?![\\w-])`, 'gi');
const NOT_FREQ_RE = NOT_FREQUENCY_PHRASES.length
  ? new RegExp(`(?<![\\w-])(${NOT_FREQUENCY_PHRASES.map(escapeRe).join('|')})(?![\\w-])`, 'gi') : undefined;

function escapeRe(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+'); }

/** Sentence ends: `.`, `!` or `?` followed by white space, unless it ends a common abbreviation. */
const SENTENCE_END = /[.!?]+["')\]*_]*(?=\s)/g;
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|no|fig|cf|Inc|Ltd|Co|Corp|Mr|Mrs|Ms|Dr|St)\.)$/i;

/** A pandoc or plain lettered label at the start of a block (`a.`, `iv.`, `(b)`): not a sentence of its own. */
const LIST_LABEL = /^(?:[a-zA-Z]|[ivxlcIVXLC]{2,6})[.)][ \t]+|^\([a-zA-Z0-9]{1,6}\)[ \t]+/;

/** Splits a paragraph or heading into sentences. */
export function scanBlock(text: string, start: number, end: number, lines: LineIndex, sentences: Sentence[], mentions: Mention[]): void {
  const slice = text.slice(start, end);
  let from = LIST_LABEL.exec(slice)?.[0].length ?? 0;
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m; m = SENTENCE_END.exec(slice)) {
    const upto = m.index + m[0].length;
    if (ABBREVIATIONS.test(slice.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    cuts.push(upto);
  }
  cuts.push(slice.length);
  for (const cut of cuts) {
    const raw = slice.slice(from, cut);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) addSentence(text, start + from + lead, start + from + lead + body.length, lines, sentences, mentions);
    from = cut;
  }
}

/** Adds the source text from `s` to `e` as one sentence (a table row is one, whatever its punctuation). */
export function addSentence(text: string, s: number, e: number, lines: LineIndex, sentences: Sentence[], mentions: Mention[]): Sentence {
  const sentenceText = text.slice(s, e);
  const index = sentences.length;
  const frequencies: Sentence['frequencies'] = [];
  const prose = maskNonProse(sentenceText);
  const masked = NOT_FREQ_RE ? prose.replace(NOT_FREQ_RE, (m) => ' '.repeat(m.length)) : prose;
  FREQ_RE.lastIndex = 0;
  for (let m = FREQ_RE.exec(masked); m; m = FREQ_RE.exec(masked)) {
    const phrase = m[1].toLowerCase().replace(/\s+/g, ' ');
    const frequency = PHRASE_OF.get(phrase);
    if (frequency) frequencies.push({ frequency, phrase: m[1], range: lines.range(s + m.index, s + m.index + m[1].length) });
  }
  ID_TOKEN.lastIndex = 0;
  for (let m = ID_TOKEN.exec(sentenceText); m; m = ID_TOKEN.exec(sentenceText)) {
    const before = sentenceText.slice(Math.max(0, m.index - 1), m.index);
    mentions.push({ id: m[0], range: lines.range(s + m.index, s + m.index + m[0].length), sentence: index, viaLink: before === '#' });
  }
  const sentence: Sentence = { range: lines.range(s, e), text: sentenceText, frequencies };
  sentences.push(sentence);
  return sentence;
}
