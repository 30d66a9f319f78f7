import type { FileModel, Located } from '../engine/model';
import type { Range } from '../engine/text';
import { reviewDueDate } from '../engine/review';
import type { ProjectView } from './types';

export interface ReviewItem {
  label: string;
  range: Range;
  lastReviewed: Located<string>;
  due: Date;
  /** An accepted risk: its lapsed review is reported by risk-acceptance-expired instead of stale-review. */
  acceptedRisk: boolean;
}

/** The policies, controls, risks and vendors of a file that have a review date, with when their next review is due. */
export function reviewItems(file: FileModel, project: ProjectView): ReviewItem[] {
  const out: ReviewItem[] = [];
  const add = (label: string, last: Located<string> | undefined, cycle: Located<string | number> | undefined, acceptedRisk = false) => {
    if (!last) return;
    const due = reviewDueDate(last.value, cycle?.value, project.config.defaultCycle);
    if (due) out.push({ label, range: last.range, lastReviewed: last, due, acceptedRisk });
  };
  for (const c of file.controls) if (c.status?.value !== 'not-applicable') add(`Control ${c.id}`, c.lastReviewed, c.reviewCycle);
  if (file.policy) add(`Policy ${file.policy.id}`, file.policy.lastReviewed, file.policy.reviewCycle);
  file.vendors?.forEach((v) => add(`Vendor ${v.id}`, v.lastReviewed, v.reviewCycle));
  file.risks?.forEach((r) => add(`Risk ${r.id}`, r.lastReviewed, r.reviewCycle, r.treatment?.value === 'accept'));
  return out;
}
