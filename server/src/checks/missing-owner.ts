import type { Check } from './types';

export const missingOwner: Check = {
  code: 'missing-owner',
  severity: 'warning',
  doc: 'A policy, control, risk or vendor names no owner; auditors ask who is accountable.',
  appliesTo: ['controls', 'policy', 'risks', 'vendors'],
  run(file, _project, report) {
    for (const c of file.controls) {
      if (!c.owner && c.status?.value !== 'not-applicable') report({ range: c.idRange, message: `Control ${c.id} has no owner: name the person accountable for operating it.` });
    }
    for (const r of file.risks ?? []) {
      if (!r.owner) report({ range: r.idRange, message: `Risk ${r.id} has no owner: name the person accountable for the risk and its treatment.` });
    }
    for (const v of file.vendors ?? []) {
      if (!v.owner) report({ range: v.idRange, message: `Vendor ${v.id} has no owner: name the person accountable for the relationship and for reviewing its assurance.` });
    }
    if (file.policy && !file.policy.owner) report({ range: file.policy.idRange, message: `Policy ${file.policy.id} has no owner: name the person accountable for keeping it current.` });
  },
};
