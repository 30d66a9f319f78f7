import type { Check } from './types';

export const riskUntreated: Check = {
  code: 'risk-untreated',
  severity: 'warning',
  doc: 'A risk to be mitigated names no control that exists (or no treatment was decided at all).',
  appliesTo: ['risks'],
  crossFile: true,
  run(file, project, report) {
    for (const r of file.risks ?? []) {
      if (!r.treatment) {
        report({ range: r.idRange, message: `Risk ${r.id} has no \`treatment\`: record whether it is mitigated, accepted, transferred or avoided.` });
        continue;
      }
      if (r.treatment.value !== 'mitigate') continue;
      if (!r.controls.length) {
        report({ range: r.treatment.range, message: `Risk ${r.id} is to be mitigated, but it lists no controls: name the controls that reduce it under \`controls\`, or record another treatment.`, data: { risk: r.id } });
      } else if (!r.controls.some((c) => project.controls(c.value).length)) {
        report({ range: r.treatment.range, message: `Risk ${r.id} is to be mitigated, but none of its controls exist (${r.controls.map((c) => c.value).join(', ')}), so nothing reduces it.`, data: { risk: r.id } });
      }
    }
  },
};
