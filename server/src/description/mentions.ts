import type { Range } from '../engine/text';
import type { DescriptionSection } from '../engine/register-model';
import { rangeInSection } from './locate';

/** Occurrences of `word` in a section's body as a whole word, case-insensitively (names like "Nimbus Cloud" too). */
export function findWord(section: DescriptionSection, word: string): Range[] {
  const w = word.trim();
  if (!w) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}_-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_-])`, 'giu');
  const out: Range[] = [];
  for (const m of section.body.matchAll(re)) out.push(rangeInSection(section, m.index!, m[0].length));
  return out;
}

/** Tokens shaped like criterion ids (`CC6.4`, `A1.2`, `PI1.3`, `P4.1`, `C1.1`) in a section's body. */
export function criterionTokens(section: DescriptionSection): { id: string; range: Range }[] {
  const out: { id: string; range: Range }[] = [];
  for (const m of section.body.matchAll(/(?<![\p{L}\p{N}_.-])(CC|PI|A|C|P)(\d{1,2})\.(\d{1,2})(?![\p{N}])/gu)) {
    out.push({ id: m[0], range: rangeInSection(section, m.index!, m[0].length) });
  }
  return out;
}
