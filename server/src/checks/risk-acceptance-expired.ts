import { toIso } from '../engine/dates';
import { daysAgo, reviewDueDate } from '../engine/review';
import type { Check } from './types';

export const riskAcceptanceExpired: Check = {
  code: 'risk-acceptance-expired',
  severity: 'warning',
  doc: 'An accepted risk is past its review date, so the acceptance has lapsed.',
  appliesTo: ['risks'],
  run(file, project, report) {
    // Stryker disable next-line ArrayDeclaration: the fallback serves only a register too large to read; anything put in it has no accept treatment and is skipped
    for (const r of file.risks ?? []) {
      if (r.treatment?.value !== 'accept' || !r.lastReviewed) continue;
      const due = reviewDueDate(r.lastReviewed.value, r.reviewCycle?.value, project.config.defaultCycle);
      if (!due || !(due < project.today)) continue;
      report({
        range: r.lastReviewed.range,
        message: `Risk ${r.id} was accepted, but the acceptance lapsed on ${toIso(due)} (${daysAgo(due, project.today)}) when its review fell due; review the risk and record the decision again (last reviewed ${r.lastReviewed.value}).`,
        data: { due: toIso(due) },
      });
    }
  },
};
