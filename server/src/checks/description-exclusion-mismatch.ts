import { criterionTokens } from '../description/mentions';
import { sectionsAbout } from '../description/topics';
import type { Range } from '../engine/text';
import type { Check } from './types';

/**
 * The criteria the description's "not applicable" sections name are compared with `scope.exclusions`.
 * A criterion carved out to a vendor (`vendor:` on the exclusion) may be named in the subservice
 * sections instead, where descriptions usually explain carve-outs. Without a not-applicable section the
 * comparison is left to description-missing-section.
 */
export const descriptionExclusionMismatch: Check = {
  code: 'description-exclusion-mismatch',
  severity: 'warning',
  doc: 'The criteria the system description calls not applicable differ from `scope.exclusions` in soc2.yaml.',
  appliesTo: ['description'],
  run(file, project, report) {
    const d = file.description;
    if (!d) return;
    const naSections = sectionsAbout(d.sections, 'not-applicable');
    if (!naSections.length) return;
    const said = new Map<string, Range>();
    for (const s of naSections) for (const t of criterionTokens(s)) if (project.catalog.get(t.id) && !said.has(t.id)) said.set(t.id, t.range);
    const inSubservice = new Set(sectionsAbout(d.sections, 'subservice').flatMap((s) => criterionTokens(s).map((t) => t.id)));
    const excluded = project.config.exclusions;
    for (const [id, range] of said) {
      if (excluded.some((e) => e.criterion.value === id)) continue;
      report({ range, message: `The description calls ${id} not applicable, but soc2.yaml does not exclude it: add it to \`scope.exclusions\` with the reason, or correct the description.` });
    }
    for (const e of excluded) {
      const id = e.criterion.value;
      if (said.has(id) || (e.vendor && inSubservice.has(id))) continue;
      report({
        range: naSections[0].range,
        message: `soc2.yaml excludes ${id}${e.reason ? ` ("${e.reason}")` : ''}, but the description's section on criteria not applicable does not name it.`,
        related: project.configFile ? [{ file: project.configFile, range: e.criterion.range, message: `Exclusion of ${id}` }] : undefined,
      });
    }
  },
};
