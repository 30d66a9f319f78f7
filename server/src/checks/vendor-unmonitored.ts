import { isSubservice } from '../vendors/assurance';
import type { Check } from './types';

/** A control counts as reviewing the vendor in either direction: in the vendor's `monitored_by`, or naming it in `vendors`. */
export const vendorUnmonitored: Check = {
  code: 'vendor-unmonitored',
  severity: 'warning',
  doc: 'A subservice organisation no control reviews: no existing control in its `monitored_by`, and no control lists it under `vendors`.',
  appliesTo: ['vendors'],
  crossFile: true,
  run(file, project, report) {
    // Stryker disable next-line ArrayDeclaration: a filler entry in place of a missing vendor list is no subservice organisation, so it is skipped just the same
    for (const v of file.vendors ?? []) {
      if (!isSubservice(v)) continue;
      const live = (status: string | undefined) => status !== 'not-applicable';
      const byList = v.monitoredBy.some((id) => project.controls(id.value).some((c) => live(c.status?.value)));
      const byControl = project.register.controlsNaming(v.id).some((c) => live(c.status?.value));
      if (byList || byControl) continue;
      const listed = v.monitoredBy.length ? ` (none of ${v.monitoredBy.map((m) => m.value).join(', ')} is an applicable control)` : '';
      report({
        range: v.monitoredByKey ?? v.idRange,
        message: `Vendor ${v.id} is a subservice organisation, but no control reviews it${listed}: name the control that reviews its assurance under \`monitored_by\`, or list ${v.id} under that control's \`vendors\`.`,
        data: { vendor: v.id },
      });
    }
  },
};
