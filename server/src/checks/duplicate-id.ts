import type { Check } from './types';

export const duplicateId: Check = {
  code: 'duplicate-id',
  severity: 'error',
  doc: 'Two controls, policies, risks or vendors share an id (reported on each).',
  appliesTo: ['controls', 'policy', 'risks', 'vendors'],
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
    for (const r of file.risks ?? []) {
      const same = project.risks(r.id).filter((o) => o !== r);
      if (same.length) report({
        range: r.idRange,
        message: `Risk id ${r.id} is also used in ${same.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ')}; ids must be unique.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other risk with id ${r.id}` })),
      });
    }
    for (const v of file.vendors ?? []) {
      const same = project.register.vendors(v.id).filter((o) => o !== v);
      if (same.length) report({
        range: v.idRange,
        message: `Vendor id ${v.id} is also used in ${same.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ')}; ids must be unique.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other vendor with id ${v.id}` })),
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
