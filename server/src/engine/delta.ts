import type { Diagnostic } from './model';
import type { CriterionStatus, ReadinessSummary } from './summary';

export interface CriterionChange { id: string; from: CriterionStatus; to: CriterionStatus }

/** What the working tree changes against a base revision: coverage and findings. */
export interface ReadinessDelta {
  base: string;
  readiness: { before: number; after: number };
  /** Covered at the base, not covered now (gap, partial, or excluded/out of scope by a scope change). */
  newlyUncovered: CriterionChange[];
  /** Covered now, not covered at the base. */
  newlyCovered: CriterionChange[];
  /** Findings present now and not at the base, and the reverse; matched by code, file and message. */
  added: Diagnostic[];
  fixed: Diagnostic[];
}

export interface Snapshot { summary: ReadinessSummary; diagnostics: readonly Diagnostic[] }

/**
 * Line numbers are left out of the match on purpose: an edit above a finding must not make it "new". That
 * includes the lines a message cites (duplicate-id names `controls/b.yaml:12`, the other file's line).
 */
export function findingKey(d: Diagnostic): string { return `${d.code}\u0000${d.file}\u0000${d.message.replace(CITED_LINE, '$1')}`; }

/** `path.yaml:12` or `path.md:12` inside a message. */
const CITED_LINE = /([\w./-]+\.(?:md|ya?ml)):\d+/g;

export function computeDelta(base: Snapshot, head: Snapshot, ref: string): ReadinessDelta {
  const before = new Map(base.summary.criteria.map((c) => [c.id, c.status]));
  const newlyUncovered: CriterionChange[] = [];
  const newlyCovered: CriterionChange[] = [];
  for (const c of head.summary.criteria) {
    const from = before.get(c.id) ?? 'out-of-scope';
    if (from === 'covered' && c.status !== 'covered') newlyUncovered.push({ id: c.id, from, to: c.status });
    if (from !== 'covered' && c.status === 'covered') newlyCovered.push({ id: c.id, from, to: c.status });
  }
  return {
    base: ref,
    readiness: { before: base.summary.readiness, after: head.summary.readiness },
    newlyUncovered,
    newlyCovered,
    added: minus(head.diagnostics, base.diagnostics),
    fixed: minus(base.diagnostics, head.diagnostics),
  };
}

/** Multiset difference: two identical findings at the base and one now leave one fixed. */
function minus(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const left = new Map<string, number>();
  for (const d of b) left.set(findingKey(d), (left.get(findingKey(d)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const d of a) {
    const k = findingKey(d), n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1); else out.push(d);
  }
  return out;
}
