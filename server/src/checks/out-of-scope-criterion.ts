import type { Located } from '../engine/model';
import type { Check } from './types';

export const outOfScopeCriterion: Check = {
  code: 'out-of-scope-criterion',
  severity: 'info',
  doc: "Maps a criterion whose category is not in the report's scope.",
  appliesTo: ['controls', 'policy'],
  run(file, project, report) {
    const lists: Located<string>[][] = file.controls.map((c) => c.criteria);
    if (file.policy) lists.push(file.policy.criteria);
    for (const list of lists) {
      for (const id of list) {
        const c = project.catalog.get(id.value);
        if (c && !project.inScope(c.category)) {
          report({ range: id.range, message: `${c.id} belongs to ${c.category}, which soc2.yaml does not put in scope; this mapping does not count toward readiness.` });
        }
      }
    }
  },
};
