import { ZERO_RANGE } from '../engine/text';
import type { Range } from '../engine/text';
import type { Check } from './types';
import { creditOf } from '../engine/readiness';

export const unmappedCriterion: Check = {
  code: 'unmapped-criterion',
  severity: 'warning',
  doc: 'An in-scope, non-excluded criterion that no implemented or partial control maps (reported in soc2.yaml).',
  appliesTo: ['config'],
  crossFile: true,
  run(file, project, report) {
    const config = file.config;
    if (!config) return;
    const fallback: Range = config.categoriesKey ?? ZERO_RANGE;
    for (const category of project.catalog.framework.categories) {
      if (!project.inScope(category.id)) continue;
      const entry = config.categories.find((c) => c.value === category.id);
      for (const criterion of project.catalog.framework.criteria) {
        if (criterion.category !== category.id || project.isExcluded(criterion.id) || project.isCovered(criterion.id)) continue;
        const planned = project.controlsMapping(criterion.id).filter((c) => creditOf(c.status?.value) === 'planned').map((c) => c.id);
        report({
          range: entry?.range ?? fallback,
          message: `${criterion.id} (${criterion.summary.replace(/\.$/, '')}) has no implemented or partial control`
            + (planned.length ? `; only planned: ${planned.join(', ')}.` : '.'),
          data: { criterion: criterion.id },
        });
      }
    }
  },
};
