import { parseIsoDate, toIso } from '../engine/dates';
import { formatIntervals, hasAssurance, isCarveOut, type2Coverage, uncovered } from '../vendors/assurance';
import { ASSURANCE_LABEL } from '../catalog/vendor-vocabulary';
import type { Check } from './types';

/**
 * Type 2 only: our report says our controls operated over the observation period, and for a carve-out
 * that rests on the vendor's controls operating over the same days. Days after today are not judged yet:
 * no vendor can have a report for them.
 */
export const vendorAssuranceGap: Check = {
  code: 'vendor-assurance-gap',
  severity: 'warning',
  doc: "Type 2: a carve-out subservice organisation's report period plus bridge letter leaves days of our observation period uncovered.",
  appliesTo: ['vendors'],
  run(file, project, report) {
    const cfg = project.config;
    const start = parseIsoDate(cfg.period?.start.value), end = parseIsoDate(cfg.period?.end.value);
    if (cfg.reportType !== 2 || !start || !end || start > end || start > project.today) return;
    // Stryker disable next-line EqualityOperator: when the period ends today both branches give the same date
    const window = { start, end: end < project.today ? end : project.today };
    const periodText = `our observation period (${toIso(start)}..${toIso(end)}${window.end < end ? `, judged through today ${toIso(window.end)}` : ''})`;
    // Stryker disable next-line ArrayDeclaration: a filler entry in place of a missing vendor list is no carve-out, so it is skipped just the same
    for (const v of file.vendors ?? []) {
      if (!isCarveOut(v) || !hasAssurance(v)) continue; // no assurance at all is vendor-assurance-missing
      const a = v.assurance!;
      const type = a.type!.value;
      if (type !== 'soc2-type2') {
        // Stryker disable next-line ArrayDeclaration: uncovered() drops an entry without dates, so a filler entry covers nothing either
        const gaps = uncovered(window, []);
        report({
          range: a.type!.range,
          message: `Carve-out vendor ${v.id}'s assurance (${ASSURANCE_LABEL.get(type) ?? type}) does not show its controls operating over a period, so none of ${periodText} is covered: ${formatIntervals(gaps)}. Ask for its SOC 2 Type 2 report.`,
          data: { vendor: v.id, uncovered: gaps },
        });
        continue;
      }
      const coverage = type2Coverage(v);
      if (coverage && coverage[0].start > coverage[0].end) {
        report({ range: a.periodStart!.range, message: `Vendor ${v.id}'s report period starts (${a.periodStart!.value}) after it ends (${a.periodEnd!.value}): correct the dates so its coverage of ${periodText} can be judged.`, data: { vendor: v.id } });
        continue;
      }
      if (!coverage) {
        report({ range: a.keyRange, message: `Vendor ${v.id}'s SOC 2 Type 2 report has no \`period_start\` and \`period_end\`, so its coverage of ${periodText} cannot be judged.`, data: { vendor: v.id } });
        continue;
      }
      const gaps = uncovered(window, coverage);
      if (!gaps.length) continue;
      const days = gaps.reduce((n, g) => n + Math.round((parseIsoDate(g.end)!.getTime() - parseIsoDate(g.start)!.getTime()) / 86_400_000) + 1, 0);
      const covers = `${a.periodStart!.value}..${a.periodEnd!.value}${a.bridgeLetterUntil && parseIsoDate(a.bridgeLetterUntil.value) ? ` with a bridge letter to ${a.bridgeLetterUntil.value}` : ''}`;
      report({
        range: a.keyRange,
        message: `Carve-out vendor ${v.id}'s SOC 2 Type 2 report (${covers}) leaves ${days} day${days === 1 ? '' : 's'} of ${periodText} uncovered: ${formatIntervals(gaps)}.`,
        data: { vendor: v.id, uncovered: gaps },
      });
    }
  },
};
