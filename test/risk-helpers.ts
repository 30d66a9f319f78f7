import { baseRepo } from './helpers';

/**
 * baseRepo plus a risk register naming its control. Line map of `risks/register.yaml`:
 * 2 id (value at column 9), 4 owner, 7 treatment (value at column 16), 8 controls (first item at column 16), 9 criteria, 10 last_reviewed (value at column 20).
 */
export function riskRepo(lines: Partial<Record<'owner' | 'treatment' | 'controls' | 'criteria' | 'last_reviewed', string | null>> = {}, extra = ''): Record<string, string> {
  const field = (key: keyof typeof lines, dflt: string) => {
    const v = key in lines ? lines[key] : dflt;
    return v === null ? [] : [`    ${key}: ${v}`];
  };
  return {
    ...baseRepo(),
    'risks/register.yaml': [
      'risks:',
      '  - id: R-01',
      '    title: Stolen credentials reach customer data',
      ...field('owner', 'carol@example.com'),
      '    likelihood: 3',
      '    impact: 4',
      ...field('treatment', 'mitigate'),
      ...field('controls', '[AC-01]'),
      ...field('criteria', '[CC6.1]'),
      ...field('last_reviewed', '2026-03-01'),
      extra,
    ].join('\n'),
  };
}
