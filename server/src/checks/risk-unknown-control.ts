import type { Check } from './types';

export const riskUnknownControl: Check = {
  code: 'risk-unknown-control',
  severity: 'error',
  doc: 'A risk lists a control id that does not exist.',
  appliesTo: ['risks'],
  crossFile: true,
  run(file, project, report) {
    for (const r of file.risks ?? []) {
      for (const c of r.controls) {
        if (!project.controls(c.value).length) report({ range: c.range, message: `Risk ${r.id} lists control ${c.value}, which does not exist.`, data: { kind: 'control', id: c.value, risk: r.id } });
      }
    }
  },
};
