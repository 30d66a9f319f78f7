import type { Control } from './model';
import type { CriterionStatus } from './summary';

/** A planned or partial control that is meant to close a gap: who, by when, tracked where. */
export interface RemediationStep { control: string; status: string; owner?: string; targetDate?: string; tracking?: string }

/** One gap or partial criterion with the controls planned to close it. */
export interface RemediationItem { criterion: string; summary: string; status: Extract<CriterionStatus, 'gap' | 'partial'>; steps: RemediationStep[] }

/**
 * The remediation plan: every gap and partial criterion with its planned and partial controls, owners and
 * target dates. Criteria nobody plans to close come first (they are the real exposure), then the rest by their
 * soonest target date; steps without a date sort after dated ones.
 */
export function remediationPlan(gaps: readonly { id: string; summary: string; status: 'gap' | 'partial' }[], controlsMapping: (criterion: string) => readonly Control[]): RemediationItem[] {
  const items = gaps.map((g) => {
    const steps = controlsMapping(g.id)
      .filter((c) => c.status?.value !== 'implemented' && c.status?.value !== 'not-applicable')
      .map((c): RemediationStep => ({ control: c.id, status: c.status?.value ?? 'planned', owner: c.owner?.value, targetDate: c.targetDate?.value, tracking: c.tracking?.value }))
      .sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.control.localeCompare(b.control));
    return { criterion: g.id, summary: g.summary, status: g.status, steps };
  });
  const soonest = (i: RemediationItem) => i.steps.length ? i.steps[0].targetDate ?? '9999' : '';
  return items.sort((a, b) => soonest(a).localeCompare(soonest(b)) || (a.status === b.status ? 0 : a.status === 'gap' ? -1 : 1) || a.criterion.localeCompare(b.criterion));
}
