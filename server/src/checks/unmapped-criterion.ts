import { COVERING_STATUSES } from '../catalog/vocabulary';
import type { Range } from '../engine/text';
import type { Check } from './types';

export const unmappedCriterion: Check = {
  code: 'unmapped-criterion',
  severity: 'warning',
  doc: 'An in-scope, non-excluded criterion that no implemented or partial control maps (reported in soc2.yaml).',
  appliesTo: ['config'],
  crossFile: true,
  run(file, project, report) {
    const config = file.config;
    if (!config) return;
    const covered = new Set<string>();
    const plannedOnly = new Map<string, string[]>();
    for (const c of project.allControls()) {
      const working = c.status && COVERING_STATUSES.has(c.status.value);
      for (const id of c.criteria) {
        if (working) covered.add(id.value);
        else if (c.status?.value !== 'not-applicable') plannedOnly.set(id.value, [...(plannedOnly.get(id.value) ?? []), c.id]);
      }
    }
    const fallback: Range = config.categoriesKey ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const category of project.catalog.framework.categories) {
      if (!project.inScope(category.id)) continue;
      const entry = config.categories.find((c) => c.value === category.id);
      for (const criterion of project.catalog.framework.criteria) {
        if (criterion.category !== category.id || project.isExcluded(criterion.id) || covered.has(criterion.id)) continue;
        const planned = plannedOnly.get(criterion.id);
        report({
          range: entry?.range ?? fallback,
          message: `${criterion.id} (${criterion.summary.replace(/\.$/, '')}) has no implemented or partial control`
            + (planned ? `; only planned: ${planned.join(', ')}.` : '.'),
          data: { criterion: criterion.id },
        });
      }
    }
  },
};
