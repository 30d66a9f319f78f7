import type { Check } from './types';

export const exclusionWithoutReason: Check = {
  code: 'exclusion-without-reason',
  severity: 'warning',
  doc: 'An exclusion in soc2.yaml (a TSC criterion, or a requirement of any framework in scope) gives no `reason`; auditors ask for the justification.',
  appliesTo: ['config'],
  run(file, _project, report) {
    const config = file.config;
    if (!config) return;
    for (const e of config.exclusions) {
      if (e.reason?.trim()) continue;
      report({ range: e.criterion.range, message: `The exclusion of ${e.criterion.value} gives no reason; say why it does not apply (auditors read this in the system description).`, data: { criterion: e.criterion.value } });
    }
    for (const scope of config.frameworks) {
      for (const e of scope.exclusions) {
        if (e.reason?.trim()) continue;
        report({
          range: e.requirement.range,
          message: `The exclusion of ${scope.id.value} ${e.requirement.value} gives no reason; say why it does not apply${scope.id.value.startsWith('iso27001') ? ' (the Statement of Applicability must justify every exclusion)' : ''}.`,
          data: { framework: scope.id.value, requirement: e.requirement.value },
        });
      }
    }
  },
};
