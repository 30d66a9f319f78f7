import { maskNonProse } from '../engine/prose-mask';
import { ID_TOKEN } from '../engine/policy-body';
import { GENERIC_TERMS, GENERIC_WEIGHT, KEEP_FINAL_S, STOP_WORDS, SUFFIXES, SYNONYMS } from './words';

/** One word reduced to its stem: "reviews", "reviewed", "reviewing" and "reviewer" all give "review". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const { suffix, replace, min } of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length < min) continue;
    if (suffix === 's' && KEEP_FINAL_S.some((k) => w.endsWith(k))) continue;
    w = base + replace;
    break;
  }
  // "scann" (scanning) and "logg" (logging) fold back to "scan" and "log"
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const STOP = new Set(STOP_WORDS);
const STOP_STEMS = new Set(STOP_WORDS.map(stem));
const GENERIC = new Set(GENERIC_TERMS.map(stem));

/** The activity terms of a text: stems of its words, without stop words, numbers and ids; duplicates kept once. */
export function terms(text: string): string[] {
  // What is not prose (code, link targets: the shared masker), and control ids, say nothing about the activity.
  let t = maskNonProse(text).replace(ID_TOKEN, ' ');
  for (const [re, word] of SYNONYMS) t = t.replace(re, ` ${word} `);
  const out = new Set<string>();
  for (const raw of t.toLowerCase().split(/[^a-z]+/)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    const s = stem(raw);
    if (s.length < 2 || STOP_STEMS.has(s)) continue;
    out.add(s);
  }
  return [...out];
}

/** The prior weight of a term before the inverse document frequency: generic words count for little. */
export function priorWeight(term: string): number { return GENERIC.has(term) ? GENERIC_WEIGHT : 1; }
