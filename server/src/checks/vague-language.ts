import { DEFAULT_VAGUE_SUGGESTION, VAGUE_TERMS } from '../catalog/wording';
import type { Config, Policy, Sentence } from '../engine/model';
import type { Position } from '../engine/text';
import type { Check } from './types';

interface Matcher { re: RegExp; suggestionOf: Map<string, string> }

// One compiled matcher per distinct configuration; a repo has one soc2.yaml, so this stays tiny.
const cache = new Map<string, Matcher>();

function matcherFor(config: Config['vagueLanguage']): Matcher | undefined {
  const key = JSON.stringify([config.words, config.ignore]);
  const hit = cache.get(key);
  if (hit) return hit;
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const ignore = new Set(config.ignore.map(norm));
  const suggestionOf = new Map<string, string>();
  for (const t of VAGUE_TERMS) if (!ignore.has(norm(t.phrase))) suggestionOf.set(norm(t.phrase), t.suggestion);
  for (const w of config.words) if (norm(w) && !ignore.has(norm(w)) && !suggestionOf.has(norm(w))) suggestionOf.set(norm(w), DEFAULT_VAGUE_SUGGESTION);
  if (!suggestionOf.size) return undefined;
  // Longest first, so "as appropriate" wins over "appropriate" and is reported once.
  const phrases = [...suggestionOf.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\w-])(?:${phrases.map(escapeRe).join('|')})(?![\\w-])`, 'giu');
  const m = { re, suggestionOf };
  if (cache.size > 16) cache.clear();
  cache.set(key, m);
  return m;
}

function escapeRe(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'); }

/** Blanks what is not prose an auditor reads as a rule: inline code, HTML comments and link targets. */
function maskNonProse(text: string): string {
  const blank = (m: string) => m.replace(/[^\r\n]/g, ' ');
  return text
    .replace(/(`+)[\s\S]*?\1/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\]\([^)]*\)/g, blank)
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank);
}

/** The position of `offset` within a sentence that starts at `start` (sentences may span lines). */
function positionIn(sentence: Sentence, offset: number): Position {
  const before = sentence.text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g);
  if (!breaks) return { line: sentence.range.start.line, character: sentence.range.start.character + offset };
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: sentence.range.start.line + breaks.length, character: offset - lastBreak - 1 };
}

function headingLines(policy: Policy): Set<number> {
  const lines = new Set<number>();
  for (const s of policy.sections) for (let l = s.range.start.line; l <= s.range.end.line; l++) lines.add(l);
  return lines;
}

export const vagueLanguage: Check = {
  code: 'vague-language',
  severity: 'info',
  doc: 'A policy sentence uses wording an auditor cannot test ("as needed", "periodically", "appropriate"…).',
  appliesTo: ['policy'],
  run(file, project, report) {
    const policy = file.policy;
    const settings = project.config.vagueLanguage;
    if (!policy || !settings.enabled) return;
    const matcher = matcherFor(settings);
    if (!matcher) return;
    // Headings name topics; the rules an auditor tests are in the sentences under them.
    const headings = headingLines(policy);
    for (const sentence of policy.sentences) {
      if (headings.has(sentence.range.start.line)) continue;
      const text = maskNonProse(sentence.text);
      matcher.re.lastIndex = 0;
      for (let m = matcher.re.exec(text); m; m = matcher.re.exec(text)) {
        const written = sentence.text.slice(m.index, m.index + m[0].length);
        const suggestion = matcher.suggestionOf.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? DEFAULT_VAGUE_SUGGESTION;
        report({
          range: { start: positionIn(sentence, m.index), end: positionIn(sentence, m.index + m[0].length) },
          message: `"${written.replace(/\s+/g, ' ')}" is vague: an auditor cannot test it. Instead, ${suggestion}.`,
          data: { phrase: m[0].toLowerCase().replace(/\s+/g, ' ') },
        });
      }
    }
  },
};
