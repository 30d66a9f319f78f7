import { TSC_FRAMEWORK } from '../catalog/tsc-framework';
import type { Check } from './types';

export const unmappedRequirement: Check = {
  code: 'unmapped-requirement',
  severity: 'warning',
  doc: 'A requirement of a framework in scope (soc2.yaml `frameworks:`), not excluded, that no implemented or partial control maps (reported on the framework\'s entry).',
  appliesTo: ['config'],
  crossFile: true,
  run(file, project, report) {
    for (const scope of file.config?.frameworks ?? []) {
      // SOC 2's own criteria are reported by unmapped-criterion, by category.
      if (scope.id.value === TSC_FRAMEWORK.id) continue;
      const fw = project.frameworks.catalog.get(scope.id.value);
      if (!fw) continue;
      const excluded = new Set(scope.exclusions.map((e) => e.requirement.value));
      for (const r of fw.requirements) {
        if (excluded.has(r.id) || project.frameworks.isCovered(fw.id, r.id)) continue;
        const planned = project.frameworks.controlsMapping(fw.id, r.id).filter((c) => c.status?.value !== 'not-applicable').map((c) => c.id);
        report({
          range: scope.id.range,
          message: `${fw.id} ${r.id} (${r.title}) has no implemented or partial control` + (planned.length ? `; only planned: ${planned.join(', ')}.` : '.'),
          data: { framework: fw.id, requirement: r.id },
        });
      }
    }
  },
};
