import type { FileModel, Policy } from '../engine/model';
import type { CheckIndex } from '../engine/check-api';
import type { Range } from '../engine/text';
import { compare, type Statement } from './frequency';
import { aboutTheDocument, readSentence, isHeading } from './sentences';
import { priorWeight, terms } from './stem';

/**
 * Frequency statements of policies compared with each other: two policies that give the same activity different
 * frequencies confuse staff and the auditor alike. Only sentences that name no control id take part (a sentence
 * naming a control is compared with that control), and only periodic promises (not events, states or
 * "continuously"). No control is involved, so these depend only on the policies' own text.
 */

export interface PolicyStatement { policy: Policy; statement: Statement; range: Range; phraseRange: Range; terms: ReadonlySet<string> }

/** Share of the two statements' weighted activity terms they have in common (Dice), for a conflict to count. */
export const CONFLICT_SIMILARITY = 0.6;
/** Distinctive (not generic) terms two statements must share. */
export const CONFLICT_SHARED = 2;

const cache = new WeakMap<Policy, PolicyStatement[]>();

/** A policy's periodic statements about activities, computed once per parsed policy. */
export function statementsOf(policy: Policy): PolicyStatement[] {
  let out = cache.get(policy);
  if (out) return out;
  out = [];
  const named = new Set(policy.mentions.map((m) => m.sentence));
  policy.sentences.forEach((s, i) => {
    if (named.has(i) || isHeading(policy, s)) return;
    const read = readSentence(policy, s, []);
    if (!read || read.statement.frequency === 'on-event' || read.statement.frequency === 'continuous') return;
    if (aboutTheDocument(policy, s, read.activity)) return;
    out!.push({ policy, statement: read.statement, range: s.range, phraseRange: read.phraseRange, terms: new Set(terms(read.activity)) });
  });
  cache.set(policy, out);
  return out;
}

const strong = (t: string) => priorWeight(t) === 1;

/** Whether two statements give one activity frequencies that cannot both hold. */
export function conflicting(a: PolicyStatement, b: PolicyStatement): boolean {
  if (a.statement.frequency === b.statement.frequency) return false;
  // A floor the other statement keeps is no conflict: "at least annually" and "quarterly" can both be true.
  if (compare(a.statement, b.statement.frequency) === 'agrees' || compare(b.statement, a.statement.frequency) === 'agrees') return false;
  let shared = 0, sharedWeight = 0, total = 0;
  for (const t of a.terms) { total += priorWeight(t); if (b.terms.has(t)) { sharedWeight += 2 * priorWeight(t); if (strong(t)) shared++; } }
  for (const t of b.terms) total += priorWeight(t);
  return shared >= CONFLICT_SHARED && total > 0 && sharedWeight / total >= CONFLICT_SIMILARITY;
}

/** Which policies state frequencies about which distinctive terms, so an edit re-checks only the policies it can change. */
export class PracticeIndex implements CheckIndex {
  private readonly byTerm = new Map<string, Set<Policy>>();

  add(model: FileModel): void {
    const policy = model.policy;
    if (!policy) return;
    for (const t of strongTerms(policy)) {
      const set = this.byTerm.get(t);
      if (set) set.add(policy); else this.byTerm.set(t, new Set([policy]));
    }
  }

  remove(model: FileModel): void {
    const policy = model.policy;
    if (!policy) return;
    for (const t of strongTerms(policy)) {
      const set = this.byTerm.get(t);
      set?.delete(policy);
      if (set && !set.size) this.byTerm.delete(t);
    }
  }

  /** Policies about the same activities are compared with each other. */
  dependents(model: FileModel): string[] {
    return model.policy ? this.sharing(model.policy).map((p) => p.file) : [];
  }

  /** Other indexed policies whose statements share a distinctive term with this policy's statements. */
  sharing(policy: Policy): Policy[] {
    const out = new Set<Policy>();
    for (const t of strongTerms(policy)) for (const p of this.byTerm.get(t) ?? []) if (p !== policy) out.add(p);
    return [...out];
  }
}

function strongTerms(policy: Policy): Set<string> {
  const out = new Set<string>();
  for (const s of statementsOf(policy)) for (const t of s.terms) if (strong(t)) out.add(t);
  return out;
}
