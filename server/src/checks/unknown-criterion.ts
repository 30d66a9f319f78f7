import type { Located } from '../engine/model';
import type { Check, ProjectView, Report } from './types';

export const unknownCriterion: Check = {
  code: 'unknown-criterion',
  severity: 'error',
  doc: 'A criterion id is not in the Trust Services Criteria catalog; suggests the nearest and recognises common miswritings.',
  appliesTo: ['controls', 'policy', 'risks', 'vendors', 'description', 'config'],
  run(file, project, report) {
    for (const c of file.controls) for (const id of c.criteria) checkId(id, project, report);
    if (file.policy) for (const id of file.policy.criteria) checkId(id, project, report);
    for (const r of file.risks ?? []) for (const id of r.criteria) checkId(id, project, report);
    for (const v of file.vendors ?? []) for (const csoc of v.csocs) for (const id of csoc.criteria) checkId(id, project, report);
    for (const cuec of file.description?.cuecs ?? []) for (const id of cuec.criteria) checkId(id, project, report);
    if (file.config) for (const e of file.config.exclusions) checkId(e.criterion, project, report);
  },
};

function checkId(id: Located<string>, project: ProjectView, report: Report): void {
  const r = project.catalog.resolve(id.value);
  if (r.exact) return;
  if (r.alias) {
    report({ range: id.range, message: `${id.value} is not a criterion id as written; did you mean ${r.alias.id} (${r.alias.summary})?`, data: { suggestions: [r.alias.id] } });
    return;
  }
  // Never empty: the nearest ids of a non-empty catalog.
  const names = r.suggestions.map((s) => s.id);
  report({
    range: id.range,
    message: `${id.value} is not a Trust Services Criteria id; nearest: ${names.join(', ')}.`,
    data: { suggestions: names },
  });
}
