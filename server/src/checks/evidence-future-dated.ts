import { futureOccurrences } from '../engine/evidence';
import type { Check } from './types';

/**
 * Evidence dated after today cannot exist yet: the date is a typo (`2062-01-10-review.pdf`) or a placeholder.
 * Counted, it would keep a control fresh for decades, so evidence-stale and evidence-gap leave it out.
 */
export const evidenceFutureDated: Check = {
  code: 'evidence-future-dated',
  severity: 'warning',
  doc: 'Evidence is dated after today; it counts for neither evidence-stale nor evidence-gap.',
  appliesTo: ['controls'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      // Stryker disable next-line ConditionalExpression: without evidence items there are no occurrences, so nothing below reports; the guard only skips the lookup
      if (!c.evidence.length) continue;
      const future = futureOccurrences(project.evidenceOf(c).occurrences, project.today);
      // Dates under `collected` are pointed at one by one; files are listed together on the evidence key.
      for (const o of future) {
        if (o.range) report({ range: o.range, message: `Evidence of ${c.id} is dated ${o.date}, after today: it is left out of staleness and gaps until the date is corrected.`, data: { date: o.date } });
      }
      const files = future.filter((o) => o.file);
      if (files.length) {
        const shown = files.slice(0, 5).map((o) => o.file).join(', ');
        report({
          range: c.evidenceKey ?? c.idRange,
          message: `Evidence of ${c.id} is dated after today: ${shown}${files.length > 5 ? `, and ${files.length - 5} more` : ''}. It is left out of staleness and gaps until the date in the file name is corrected.`,
          data: { files: files.map((o) => o.file) },
        });
      }
    }
  },
};
