import type { Located } from '../engine/model';
import { TSC_FRAMEWORK } from '../catalog/tsc-framework';
import type { Check, ProjectView, Report } from './types';

export const unknownFramework: Check = {
  code: 'unknown-framework',
  severity: 'error',
  doc: 'A `frameworks:` entry names a framework that is neither built in (iso27001-2022, nist-csf-2.0) nor defined in frameworks/<id>.yaml.',
  appliesTo: ['controls', 'policy', 'config'],
  // Repo frameworks are other files: until they are indexed, every such id would look unknown.
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) for (const m of c.frameworks) checkMapped(m.framework, project, report);
    if (file.policy) for (const m of file.policy.frameworks) checkMapped(m.framework, project, report);
    for (const s of file.config?.frameworks ?? []) checkId(s.id, project, report);
  },
};

function checkMapped(id: Located<string>, project: ProjectView, report: Report): void {
  if (id.value === TSC_FRAMEWORK.id) {
    report({ range: id.range, severity: 'warning', message: 'The Trust Services Criteria are mapped under `criteria`, not under `frameworks`; move these ids there so they count towards SOC 2 coverage.' });
    return;
  }
  checkId(id, project, report);
}

function checkId(id: Located<string>, project: ProjectView, report: Report): void {
  const catalog = project.frameworks.catalog;
  if (catalog.get(id.value)) return;
  const near = catalog.nearestFrameworks(id.value);
  const known = catalog.all().map((f) => f.id).join(', ');
  report({
    range: id.range,
    message: `${id.value} is not a known framework${near.length ? `; did you mean ${near.join(' or ')}?` : '.'} Known: ${known}. A framework of your own goes in frameworks/${id.value}.yaml.`,
    data: { suggestions: near },
  });
}
