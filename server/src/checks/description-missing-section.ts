import { descriptionAnchor } from '../description/anchor';
import { DESCRIPTION_TOPICS, topicsOf } from '../description/topics';
import type { Check } from './types';

export const descriptionMissingSection: Check = {
  code: 'description-missing-section',
  severity: 'info',
  doc: 'The system description has no section on one of the nine topics the description criteria expect (services, commitments, components, incidents, criteria and controls, CUECs, subservice organisations, criteria not applicable, significant changes).',
  appliesTo: ['description'],
  run(file, _project, report) {
    const d = file.description;
    if (!d) return;
    const present = new Set(d.sections.flatMap((s) => [...topicsOf(s.title)]));
    // CUECs in front matter count as the CUEC topic: the export writes that section from them.
    if (d.cuecs.length) present.add('cuecs');
    for (const t of DESCRIPTION_TOPICS) {
      if (present.has(t.key)) continue;
      report({ range: descriptionAnchor(d), message: `The system description has no section on ${t.heading.toLowerCase()}: ${t.why}. Add a "## ${t.heading}" section.`, data: { section: t.heading } });
    }
  },
};
