import { daysBetween, toIso } from '../engine/dates';
import { inDays } from '../engine/review';
import { reviewItems } from './reviewable';
import type { Check } from './types';

export const reviewDueSoon: Check = {
  code: 'review-due-soon',
  severity: 'info',
  doc: 'The next review falls due within `review.due_soon_days`.',
  appliesTo: ['controls', 'policy', 'risks', 'vendors'],
  run(file, project, report) {
    for (const item of reviewItems(file, project)) {
      const days = daysBetween(project.today, item.due);
      if (days >= 0 && days <= project.config.dueSoonDays) {
        report({ range: item.range, message: `${item.label} is due for review on ${toIso(item.due)} (${inDays(project.today, item.due)}).`, data: { due: toIso(item.due) } });
      }
    }
  },
};
