import { baseRepo, edit } from '../helpers';

/** baseRepo with ISO 27001 and a repo questionnaire in scope, AC-01 mapping some of each. */
export function frameworksRepo(): Record<string, string> {
  let files = edit(baseRepo(), 'soc2.yaml', 'scope:\n', [
    'frameworks:',
    '  - id: iso27001-2022',
    '    exclusions:',
    '      - requirement: A.7.4',
    '        reason: No premises of our own; the cloud provider monitors its data centres.',
    '  - acme-questionnaire',
    'scope:',
    '',
  ].join('\n'));
  files = edit(files, 'controls/access.yaml', '    criteria: [CC6.1]\n', [
    '    criteria: [CC6.1]',
    '    frameworks:',
    '      iso27001-2022: [A.5.15, A.8.5]',
    '      acme-questionnaire: [Q-1]',
    '',
  ].join('\n'));
  files['frameworks/acme-questionnaire.yaml'] = [
    'id: acme-questionnaire',
    'name: Acme customer security questionnaire',
    'version: "2026"',
    'requirements:',
    '  - { id: Q-1, title: Access is reviewed at least quarterly, group: Access }',
    '  - { id: Q-2, title: Laptops are encrypted, group: Endpoints }',
    '',
  ].join('\n');
  return files;
}
