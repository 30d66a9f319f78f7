import { daysBetween, toIso } from '../engine/dates';
import { reviewItems } from './reviewable';
import type { Check } from './types';

export const staleReview: Check = {
  code: 'stale-review',
  severity: 'warning',
  doc: '`last_reviewed` plus the review cycle is before today.',
  appliesTo: ['controls', 'policy'],
  run(file, project, report) {
    for (const item of reviewItems(file, project)) {
      if (item.due < project.today) {
        report({
          range: item.range,
          message: `${item.label} was due for review on ${toIso(item.due)} (${daysBetween(item.due, project.today)} days ago); last reviewed ${item.lastReviewed.value}.`,
          data: { due: toIso(item.due) },
        });
      }
    }
  },
};
