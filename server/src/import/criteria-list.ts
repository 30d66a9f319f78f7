import type { CriteriaCatalog } from '../catalog/criteria';

export interface CriteriaReading {
  /** Criterion ids in the catalog's spelling, in the order written. */
  criteria: string[];
  /** Pieces that name no criterion, kept for the report. */
  unknown: string[];
  /** Pieces read through an alias (`CC 6.1`, `6.2` after `CC6.1`): guessed, so reported. */
  aliased: { written: string; read: string }[];
}

/**
 * Reads a cell or list of criteria as people write them: "CC6.1; CC6.2", "CC 6.1, 6.2", "CC6.1/CC6.3",
 * "CC6.1 & A1.2". A bare number after a prefixed id takes that prefix ("CC 6.1, 6.2" is CC6.1 and CC6.2).
 * Each piece goes through the engine's alias rules (catalog.resolve).
 */
export function readCriteriaList(text: string, catalog: CriteriaCatalog): CriteriaReading {
  const out: CriteriaReading = { criteria: [], unknown: [], aliased: [] };
  const pieces = text.split(/[;,/&\n|]+|\s+and\s+/i).map((p) => p.trim()).filter(Boolean);
  let prefix = 'CC';
  for (const piece of pieces) {
    const m = /^([A-Za-z]{1,3})\s*\d/.exec(piece);
    if (m) prefix = m[1].toUpperCase();
    const written = /^\d+(\.\d+)?\.?$/.test(piece) ? `${prefix}${piece}` : piece;
    const r = catalog.resolve(written);
    const hit = r.exact ?? r.alias;
    if (!hit) { out.unknown.push(piece); continue; }
    if (!r.exact || written !== piece) out.aliased.push({ written: piece, read: hit.id });
    if (!out.criteria.includes(hit.id)) out.criteria.push(hit.id);
  }
  return out;
}
