import { TSC_2017 } from './tsc2017';
import { normaliseCriterionId } from './criteria';
import type { RequirementFramework } from './framework-types';

/**
 * The Trust Services Criteria seen as one framework among the others, so listings, completion and the
 * crosswalk treat it alike. Controls still map it through `criteria`, not through `frameworks`.
 */
export const TSC_FRAMEWORK: RequirementFramework = {
  id: TSC_2017.id,
  name: TSC_2017.name,
  version: '2017',
  origin: 'built-in',
  groups: [
    ...TSC_2017.categories.map((c) => ({ id: c.id, name: c.name })),
    ...[...new Map(TSC_2017.criteria.map((c) => [c.series, { id: c.series, name: c.seriesName, parent: c.category }])).values()],
  ],
  requirements: TSC_2017.criteria.map((c) => ({ id: c.id, title: c.seriesName, summary: c.summary, group: c.series })),
  normalise: normaliseCriterionId,
};
