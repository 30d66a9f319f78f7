import { parseIsoDate } from '../engine/dates';
import { daysAgo } from '../engine/review';
import type { Check } from './types';

export const remediationOverdue: Check = {
  code: 'remediation-overdue',
  severity: 'warning',
  doc: 'A planned or partial control whose `target_date` has passed: the plan to close the gap slipped.',
  appliesTo: ['controls'],
  run(file, project, report) {
    for (const c of file.controls) {
      const status = c.status?.value;
      if (status !== 'planned' && status !== 'partial') continue;
      const target = parseIsoDate(c.targetDate?.value);
      if (!target || target >= project.today) continue;
      report({
        range: c.targetDate!.range,
        message: `Control ${c.id} is still ${status}; its target date ${c.targetDate!.value} passed ${daysAgo(target, project.today)}.${c.tracking ? ` Tracked in ${c.tracking.value}.` : ''} Make it operate, or set a new date with the reason.`,
      });
    }
  },
};
