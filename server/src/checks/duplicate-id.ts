import type { Check } from './types';

export const duplicateId: Check = {
  code: 'duplicate-id',
  severity: 'error',
  doc: 'Two controls, or two policies, share an id (reported on each).',
  appliesTo: ['controls', 'policy'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      const same = project.controls(c.id).filter((o) => o !== c);
      if (same.length) report({
        range: c.idRange,
        message: `Control id ${c.id} is also used in ${same.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ')}; ids must be unique.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other control with id ${c.id}` })),
      });
    }
    const p = file.policy;
    if (p) {
      const same = project.policies(p.id).filter((o) => o !== p);
      if (same.length) report({
        range: p.idRange,
        message: `Policy id ${p.id} is also used by ${same.map((o) => o.file).join(', ')}; ids must be unique.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other policy with id ${p.id}` })),
      });
    }
  },
};
