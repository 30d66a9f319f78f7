import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import { addDays, parseIsoDate } from '../engine/dates';
import { daysAgo } from '../engine/review';
import { withArticle } from '../util/strings';
import type { Check } from './types';
import { pastOccurrences } from '../engine/evidence';

export const evidenceStale: Check = {
  code: 'evidence-stale',
  severity: 'warning',
  doc: "The newest evidence is older than the control's frequency allows (plus a grace of a quarter of the interval).",
  appliesTo: ['controls'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      if (c.status?.value !== 'implemented' || !c.evidence.length) continue;
      // Stryker disable next-line StringLiteral: no frequency id is '' or any other replacement; either misses the catalog
      const interval = FREQUENCY_BY_ID.get(c.frequency?.value ?? '')?.intervalDays;
      if (!interval) continue;
      const { occurrences: all, missingPaths } = project.evidenceOf(c);
      const occurrences = pastOccurrences(all, project.today);
      const newest = occurrences[occurrences.length - 1];
      const range = c.evidenceKey ?? c.idRange;
      if (!newest) {
        // Evidence dated only in the future is evidence-future-dated's finding; saying "none dated" would be false.
        if (missingPaths.length < c.evidence.length && all.length === occurrences.length) report({ range, message: `Control ${c.id} runs ${c.frequency!.value} but none of its evidence is dated: name files with the date they were produced (2026-04-03-...).` });
        continue;
      }
      const limit = addDays(parseIsoDate(newest.date)!, interval + Math.ceil(interval / 4));
      if (limit < project.today) {
        report({ range, message: `The newest evidence for ${c.id} is from ${newest.date} (${daysAgo(parseIsoDate(newest.date)!, project.today)}); ${withArticle(c.frequency!.value)} control should have evidence no older than ${interval + Math.ceil(interval / 4)} days.`, data: { newest: newest.date } });
      }
    }
  },
};
