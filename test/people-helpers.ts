import { baseRepo, edit } from './helpers';

/**
 * The base repo plus a roster: alice owns the policy, bob the control; carol shares bob's role; dan left in
 * March. Acknowledgement and training settings are added per test.
 */
export function peopleRepo(extraConfig = ''): Record<string, string> {
  const files = baseRepo();
  return {
    ...files,
    'soc2.yaml': files['soc2.yaml'] + extraConfig,
    'people.yaml': [
      'people:',
      '  - id: alice',
      '    name: Alice Moreau',
      '    email: alice@example.com',
      '    role: Security Lead',
      '    team: Security',
      '    start: 2024-01-08',
      '  - id: bob',
      '    name: Bob Lee',
      '    email: bob@example.com',
      '    role: Platform Engineer',
      '    team: Platform',
      '    start: 2025-05-01',
      '  - id: carol',
      '    name: Carol Diaz',
      '    email: carol@example.com',
      '    role: Platform Engineer',
      '    team: Platform',
      '    start: 2026-07-01',
      '  - id: dan',
      '    name: Dan Okafor',
      '    email: dan@example.com',
      '    role: IT Manager',
      '    team: Platform',
      '    start: 2023-02-01',
      '    end: 2026-03-31',
      '',
    ].join('\n'),
  };
}

export { edit };
