import type { Check } from './types';

export const evidenceMissing: Check = {
  code: 'evidence-missing',
  severity: 'warning',
  doc: 'An implemented control has no evidence item, or an evidence path that matches no file.',
  appliesTo: ['controls'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      if (c.status?.value !== 'implemented') continue;
      if (!c.evidence.length) {
        report({ range: c.evidenceKey ?? c.idRange, message: `Control ${c.id} is implemented but lists no evidence: add an \`evidence\` item with a \`path\` under ${project.config.paths.evidence}/ or \`collected\` dates.` });
        continue;
      }
      for (const p of project.evidenceOf(c).missingPaths) {
        report({ range: p.range, message: `Evidence path ${p.value} of control ${c.id} matches no file under ${project.config.paths.evidence}/.` });
      }
    }
  },
};
