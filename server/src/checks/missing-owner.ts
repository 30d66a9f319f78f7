import type { Check } from './types';

export const missingOwner: Check = {
  code: 'missing-owner',
  severity: 'warning',
  doc: 'A policy or control names no owner; auditors ask who is accountable.',
  appliesTo: ['controls', 'policy'],
  run(file, _project, report) {
    for (const c of file.controls) {
      if (!c.owner && c.status?.value !== 'not-applicable') report({ range: c.idRange, message: `Control ${c.id} has no owner: name the person accountable for operating it.` });
    }
    if (file.policy && !file.policy.owner) report({ range: file.policy.idRange, message: `Policy ${file.policy.id} has no owner: name the person accountable for keeping it current.` });
  },
};
