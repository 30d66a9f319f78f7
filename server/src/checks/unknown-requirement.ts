import type { FrameworkMapping, Located } from '../engine/model';
import { withArticle } from '../util/strings';
import type { Check, ProjectView, Report } from './types';

export const unknownRequirement: Check = {
  code: 'unknown-requirement',
  severity: 'error',
  doc: 'A requirement id is not in its framework (ISO 27001 Annex A, NIST CSF 2.0, a repo framework); suggests the nearest and recognises miswritings like `A 5.15` or `PR.AA-5`.',
  appliesTo: ['controls', 'policy', 'config'],
  crossFile: true,
  run(file, project, report) {
    const mappings: FrameworkMapping[] = [...file.controls.flatMap((c) => c.frameworks), ...(file.policy?.frameworks ?? [])];
    for (const m of mappings) for (const id of m.requirements) checkId(m.framework.value, id, project, report);
    for (const s of file.config?.frameworks ?? []) for (const e of s.exclusions) checkId(s.id.value, e.requirement, project, report);
  },
};

function checkId(framework: string, id: Located<string>, project: ProjectView, report: Report): void {
  const catalog = project.frameworks.catalog;
  const fw = catalog.get(framework);
  if (!fw) return; // unknown-framework says so once, on the framework id
  const r = catalog.resolve(framework, id.value);
  if (r.exact) return;
  if (r.alias) {
    report({
      range: id.range,
      message: `${id.value} is not ${withArticle(fw.name)} id as written; did you mean ${r.alias.id} (${r.alias.title})?`,
      data: { framework, suggestions: [r.alias.id] },
    });
    return;
  }
  const names = r.suggestions.map((s) => s.id);
  report({
    range: id.range,
    message: `${id.value} is not a requirement of ${fw.name}${names.length ? `; nearest: ${names.join(', ')}` : ''}.`,
    data: { framework, suggestions: names },
  });
}
