import { isCarveOut } from '../vendors/assurance';
import type { Check } from './types';

/** An exclusion naming a vendor absent from the register is unknown-reference; this is the registered-but-not-carved-out case. */
export const carveOutUnregistered: Check = {
  code: 'carve-out-unregistered',
  severity: 'warning',
  doc: 'A `scope.exclusions` entry carves a criterion out to a vendor that the register does not record as `subservice: carve-out`.',
  appliesTo: ['config'],
  crossFile: true,
  run(file, project, report) {
    const config = file.config;
    if (!config) return; // a soc2.yaml too large to read has no settings to compare
    for (const e of config.exclusions) {
      if (!e.vendor) continue;
      const vendors = project.register.vendors(e.vendor.value);
      if (!vendors.length || vendors.some(isCarveOut)) continue;
      const as = vendors[0].subservice ? `\`subservice: ${vendors[0].subservice.value}\`` : 'no `subservice`';
      report({
        range: e.vendor.range,
        message: `${e.criterion.value} is carved out to vendor ${e.vendor.value}, but the register (${vendors[0].file}) records it with ${as}: set \`subservice: carve-out\` there, with its assurance and CSOCs, or change the exclusion.`,
        related: [{ file: vendors[0].file, range: vendors[0].subservice?.range ?? vendors[0].idRange, message: `Vendor ${e.vendor.value}` }],
      });
    }
  },
};
