import type { Check } from './types';

export const policyUnmapped: Check = {
  code: 'policy-unmapped',
  severity: 'warning',
  doc: 'A policy maps neither criteria nor controls.',
  appliesTo: ['policy'],
  run(file, _project, report) {
    const p = file.policy;
    if (p && !p.criteria.length && !p.controls.length) {
      report({ range: p.idRange, message: `Policy ${p.id} maps neither criteria nor controls: add \`criteria\` or \`controls\` to its front matter.` });
    }
  },
};
