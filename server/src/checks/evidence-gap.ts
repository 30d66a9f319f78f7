import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import { parseIsoDate, toIso } from '../engine/dates';
import { periodIntervals } from '../engine/intervals';
import type { Check } from './types';
import { pastOccurrences } from '../engine/evidence';

export const evidenceGap: Check = {
  code: 'evidence-gap',
  severity: 'warning',
  doc: "Type 2 only: an interval of the observation period (per the control's frequency) has no evidence.",
  appliesTo: ['controls'],
  crossFile: true,
  run(file, project, report) {
    const { reportType, period } = project.config;
    const start = parseIsoDate(period?.start.value), end = parseIsoDate(period?.end.value);
    // A reversed period needs no guard of its own: it has no intervals, so no gaps.
    if (reportType !== 2 || !start || !end) return;
    for (const c of file.controls) {
      if (c.status?.value !== 'implemented' || !c.evidence.length) continue;
      // Stryker disable next-line StringLiteral: no frequency id is '' or any other replacement; either misses the catalog
      const step = FREQUENCY_BY_ID.get(c.frequency?.value ?? '')?.interval;
      if (!step) continue;
      const dates = pastOccurrences(project.evidenceOf(c).occurrences, project.today).map((o) => o.date);
      const today = toIso(project.today);
      // Only intervals that are over can be empty; one in progress may still get its evidence.
      const intervals = periodIntervals(start, end, step).filter((i) => i.end < today);
      const empty = intervals.filter((i) => !dates.some((d) => d >= i.start && d <= i.end));
      if (!empty.length) continue;
      const shown = empty.slice(0, 6).map((i) => (i.start === i.end ? i.start : `${i.start}..${i.end}`));
      report({
        range: c.evidenceKey ?? c.idRange,
        message: `Control ${c.id} (${c.frequency!.value}) has no evidence for ${empty.length} of ${intervals.length} intervals of the observation period: ${shown.join(', ')}${empty.length > shown.length ? ', …' : ''}.`,
        data: { gaps: empty },
      });
    }
  },
};
