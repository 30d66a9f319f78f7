import type { Check } from './types';

export const missingReviewDate: Check = {
  code: 'missing-review-date',
  severity: 'warning',
  doc: 'A policy, control, risk or vendor has no `last_reviewed` date.',
  appliesTo: ['controls', 'policy', 'risks', 'vendors'],
  run(file, _project, report) {
    for (const c of file.controls) {
      if (!c.lastReviewed && c.status?.value !== 'not-applicable') report({ range: c.idRange, message: `Control ${c.id} has no \`last_reviewed\` date, so nobody can tell whether it is current.` });
    }
    for (const r of file.risks ?? []) {
      if (!r.lastReviewed) report({ range: r.idRange, message: `Risk ${r.id} has no \`last_reviewed\` date, so nobody can tell whether the assessment is current.` });
    }
    for (const v of file.vendors ?? []) {
      if (!v.lastReviewed) report({ range: v.idRange, message: `Vendor ${v.id} has no \`last_reviewed\` date, so nobody can tell when its assurance was last looked at.` });
    }
    if (file.policy && !file.policy.lastReviewed) report({ range: file.policy.idRange, message: `Policy ${file.policy.id} has no \`last_reviewed\` date, so nobody can tell whether it is current.` });
  },
};
