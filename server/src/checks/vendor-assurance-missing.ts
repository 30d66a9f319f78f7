import { hasAssurance, isSubservice } from '../vendors/assurance';
import type { Check } from './types';

export const vendorAssuranceMissing: Check = {
  code: 'vendor-assurance-missing',
  severity: 'warning',
  doc: 'A high-criticality vendor or a subservice organisation has no assurance on file (none recorded, or `type: none`).',
  appliesTo: ['vendors'],
  run(file, _project, report) {
    // Stryker disable next-line ArrayDeclaration: a filler entry in place of a missing vendor list is neither high nor a subservice organisation, so it is skipped just the same
    for (const v of file.vendors ?? []) {
      const high = v.criticality?.value === 'high';
      if (!(high || isSubservice(v)) || hasAssurance(v)) continue;
      const why = isSubservice(v) ? `a subservice organisation (${v.subservice!.value})` : 'a high-criticality vendor';
      const recorded = v.assurance?.type?.value === 'none' ? 'records `type: none`' : 'records no assurance';
      report({
        range: v.assurance?.type?.range ?? v.assurance?.keyRange ?? v.idRange,
        message: `Vendor ${v.id} is ${why} but ${recorded}: obtain its SOC 2 Type 2 report (or another assurance) and record it under \`assurance\`.`,
      });
    }
  },
};
