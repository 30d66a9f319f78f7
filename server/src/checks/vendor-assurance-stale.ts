import { daysBetween, toIso } from '../engine/dates';
import { staleness } from '../vendors/assurance';
import { ASSURANCE_LABEL } from '../catalog/vendor-vocabulary';
import type { Check } from './types';

export const vendorAssuranceStale: Check = {
  code: 'vendor-assurance-stale',
  severity: 'warning',
  doc: "A vendor's assurance speaks to a date more than 12 months before today, and no bridge letter reaches today.",
  appliesTo: ['vendors'],
  run(file, project, report) {
    // Stryker disable next-line ArrayDeclaration: a filler entry in place of a missing vendor list has no assurance, so it is skipped just the same
    for (const v of file.vendors ?? []) {
      const s = staleness(v, project.today);
      if (!s) continue;
      const a = v.assurance!;
      const type = ASSURANCE_LABEL.get(a.type!.value) ?? a.type!.value;
      const what = s.field === 'period_end' ? `covers up to ${toIso(s.date)}` : `was received on ${toIso(s.date)}`;
      const bridge = s.bridge ? `; its bridge letter ended on ${toIso(s.bridge)}` : '';
      report({
        range: (s.field === 'period_end' ? a.periodEnd : a.received)!.range,
        message: `The ${type} assurance of vendor ${v.id} ${what}, ${daysBetween(s.date, project.today)} days before today (current until ${toIso(s.freshUntil)})${bridge}. Obtain the current report, or a bridge letter that reaches today.`,
        data: { vendor: v.id },
      });
    }
  },
};
