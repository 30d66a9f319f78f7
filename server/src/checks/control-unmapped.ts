import type { Check } from './types';

export const controlUnmapped: Check = {
  code: 'control-unmapped',
  severity: 'warning',
  doc: 'A control maps no criteria, so it cannot count toward any.',
  appliesTo: ['controls'],
  run(file, _project, report) {
    for (const c of file.controls) {
      if (!c.criteria.length && c.status?.value !== 'not-applicable') {
        report({ range: c.criteriaKey ?? c.idRange, message: `Control ${c.id} maps no criteria: list the Trust Services Criteria it addresses under \`criteria\`.` });
      }
    }
  },
};
