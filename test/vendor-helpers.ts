import { baseRepo } from './helpers';

export type VendorFields = Partial<Record<'name' | 'owner' | 'criticality' | 'subservice' | 'assurance' | 'csocs' | 'monitored_by' | 'last_reviewed', string | null>>;

const DEFAULTS: Required<Record<keyof VendorFields, string>> = {
  name: 'Nimbus Cloud',
  owner: 'bob@example.com',
  criticality: 'high',
  subservice: 'carve-out',
  assurance: '{ type: soc2-type2, period_start: 2025-10-01, period_end: 2026-09-30, received: 2026-10-20 }',
  csocs: '[{ description: Physical access to data centres is restricted, criteria: [CC6.4] }]',
  monitored_by: '[AC-01]',
  last_reviewed: '2026-03-01',
};

/**
 * One vendor as register lines. Line map inside its file (1-based), for the first vendor of `vendors:`:
 * 2 id (value at column 9), then name, owner, criticality, subservice, assurance, csocs, monitored_by,
 * last_reviewed in that order, each at column 5 (keys) when present. Fields set to null are left out.
 */
export function vendorLines(id: string, fields: VendorFields = {}): string[] {
  const out = [`  - id: ${id}`];
  for (const key of Object.keys(DEFAULTS) as (keyof VendorFields)[]) {
    const v = key in fields ? fields[key] : DEFAULTS[key];
    if (v !== null && v !== undefined) out.push(`    ${key}: ${v}`);
  }
  return out;
}

/** baseRepo (Type 2, period 2026-01-01..2026-06-30, control AC-01) plus `vendors/register.yaml` with V-CLOUD. */
export function vendorRepo(fields: VendorFields = {}, more: string[] = []): Record<string, string> {
  return { ...baseRepo(), 'vendors/register.yaml': ['vendors:', ...vendorLines('V-CLOUD', fields), ...more, ''].join('\n') };
}

/** The line (1-based) of `key` in the first vendor of vendorRepo(fields). */
export function lineOf(fields: VendorFields, key: keyof VendorFields): number {
  const lines = vendorLines('V-CLOUD', fields);
  const i = lines.findIndex((l) => l.startsWith(`    ${key}:`));
  if (i < 0) throw new Error(`no ${key}`);
  return i + 2;
}
