import type { Check } from './types';

export const missingReviewDate: Check = {
  code: 'missing-review-date',
  severity: 'warning',
  doc: 'A policy or control has no `last_reviewed` date.',
  appliesTo: ['controls', 'policy'],
  run(file, _project, report) {
    for (const c of file.controls) {
      if (!c.lastReviewed && c.status?.value !== 'not-applicable') report({ range: c.idRange, message: `Control ${c.id} has no \`last_reviewed\` date, so nobody can tell whether it is current.` });
    }
    if (file.policy && !file.policy.lastReviewed) report({ range: file.policy.idRange, message: `Policy ${file.policy.id} has no \`last_reviewed\` date, so nobody can tell whether it is current.` });
  },
};
