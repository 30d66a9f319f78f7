import { toIso } from '../engine/dates';
import { daysAgo } from '../engine/review';
import { reviewItems } from './reviewable';
import type { Check } from './types';

export const staleReview: Check = {
  code: 'stale-review',
  severity: 'warning',
  doc: '`last_reviewed` plus the review cycle is before today.',
  appliesTo: ['controls', 'policy', 'risks', 'vendors'],
  run(file, project, report) {
    for (const item of reviewItems(file, project)) {
      // An accepted risk past its review has a sharper finding of its own (risk-acceptance-expired).
      if (item.due < project.today && !item.acceptedRisk) {
        report({
          range: item.range,
          message: `${item.label} was due for review on ${toIso(item.due)} (${daysAgo(item.due, project.today)}); last reviewed ${item.lastReviewed.value}.`,
          data: { due: toIso(item.due) },
        });
      }
    }
  },
};
