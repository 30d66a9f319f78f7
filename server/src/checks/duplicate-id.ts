import type { Check } from './types';
import { BUILT_IN_FRAMEWORKS } from '../catalog/framework-catalog';

export const duplicateId: Check = {
  code: 'duplicate-id',
  severity: 'error',
  doc: 'Two controls, policies, risks, vendors or frameworks share an id (reported on each); a repo framework may not reuse a built-in id.',
  appliesTo: ['controls', 'policy', 'risks', 'vendors', 'framework'],
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
    // Stryker disable next-line ArrayDeclaration: equivalent; a placeholder string has no id, and ids are always strings, so it finds no copy
    for (const r of file.risks ?? []) {
      const same = project.risks(r.id).filter((o) => o !== r);
      if (same.length) report({
        range: r.idRange,
        message: `Risk id ${r.id} is also used in ${same.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ')}; ids must be unique.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other risk with id ${r.id}` })),
      });
    }
    // Stryker disable next-line ArrayDeclaration: equivalent; a placeholder string has no id, and ids are always strings, so it finds no copy
    for (const v of file.vendors ?? []) {
      const same = project.register.vendors(v.id).filter((o) => o !== v);
      if (same.length) report({
        range: v.idRange,
        message: `Vendor id ${v.id} is also used in ${same.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ')}; ids must be unique.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other vendor with id ${v.id}` })),
      });
    }
    const fw = file.framework;
    if (fw) {
      const all = project.frameworks.definitions(fw.id);
      const same = all.filter((o) => o !== fw);
      if (BUILT_IN_FRAMEWORKS.some((b) => b.id === fw.id)) report({ range: fw.idRange, message: `${fw.id} is a built-in framework; give this file another id, or it is ignored.` });
      else if (same.length) report({
        range: fw.idRange,
        // The catalog keeps the first definition in the index's order (file names by localeCompare, not by code unit).
        message: `Framework id ${fw.id} is also defined in ${same.map((o) => o.file).join(', ')}; ${all[0] === fw ? 'only this file counts' : 'this file is ignored'} until the ids differ.`,
        related: same.map((o) => ({ file: o.file, range: o.idRange, message: `Other framework with id ${fw.id}` })),
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
