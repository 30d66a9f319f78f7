import { isCarveOut } from '../vendors/assurance';
import type { Check } from './types';

export const subserviceWithoutCsocs: Check = {
  code: 'subservice-without-csocs',
  severity: 'warning',
  doc: 'A carve-out subservice organisation lists no complementary subservice organisation controls (`csocs`).',
  appliesTo: ['vendors'],
  run(file, _project, report) {
    // Stryker disable next-line ArrayDeclaration: the fallback serves only a register too large to read; anything put in it is no carve-out and is skipped
    for (const v of file.vendors ?? []) {
      if (!isCarveOut(v) || v.csocs.some((c) => c.description?.trim())) continue;
      report({
        range: v.csocsKey ?? v.idRange,
        message: `Vendor ${v.id} is carved out, but lists no CSOCs: under \`csocs\`, write what we rely on it to operate (for example physical access to its data centres) and the criteria each supports.`,
        data: { vendor: v.id },
      });
    }
  },
};
