/** The words control matrices use, as tables: column headers and frequency spellings. */
import type { Frequency } from '../catalog/vocabulary';

export type MatrixField = 'id' | 'title' | 'description' | 'owner' | 'frequency' | 'criteria' | 'status' | 'policy';

/** Header spellings per field, compared after lower-casing and dropping spaces, dashes, dots and underscores. */
export const COLUMN_SYNONYMS: Readonly<Record<MatrixField, readonly string[]>> = {
  id: ['id', 'control id', 'controlid', 'control ref', 'ref', 'reference', 'control number', 'control no', 'control #', 'key'],
  title: ['title', 'control', 'name', 'control name', 'control title', 'short description'],
  description: ['description', 'control activity', 'control description', 'activity', 'control activity description', 'details'],
  owner: ['owner', 'control owner', 'responsible', 'responsible party', 'accountable', 'assignee'],
  frequency: ['frequency', 'control frequency', 'cadence', 'how often', 'periodicity', 'schedule'],
  criteria: ['criteria', 'tsc', 'tsc ref', 'tsc reference', 'mapping', 'mappings', 'trust services criteria', 'soc 2 criteria', 'soc2 criteria', 'criteria mapping', 'tsc mapping', 'soc 2', 'soc2'],
  status: ['status', 'control status', 'implementation status', 'state'],
  policy: ['policy', 'policies', 'related policy', 'policy reference', 'policy id'],
};

/** Lower case without spaces, dashes, dots, underscores or `#`, so `Control-ID`, `control_id` and `CONTROL ID` meet. */
export function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s\-_.#]+/g, '');
}

/** Frequency spellings (compared after lower-casing and collapsing spaces) -> the vocabulary. */
export const MATRIX_FREQUENCIES: readonly { frequency: Frequency; spellings: readonly string[] }[] = [
  { frequency: 'continuous', spellings: ['continuous', 'continuously', 'ongoing', 'automated', 'real time', 'real-time', 'always on', 'c'] },
  { frequency: 'daily', spellings: ['daily', 'every day', 'each day', 'nightly', 'd'] },
  { frequency: 'weekly', spellings: ['weekly', 'every week', 'each week', 'w'] },
  { frequency: 'monthly', spellings: ['monthly', 'every month', 'each month', 'every 1 month', 'm'] },
  { frequency: 'quarterly', spellings: ['quarterly', 'every quarter', 'each quarter', 'every 3 months', 'every three months', 'every 90 days', 'q'] },
  { frequency: 'semiannual', spellings: ['semiannual', 'semi-annual', 'semiannually', 'semi-annually', 'twice a year', 'twice yearly', 'every 6 months', 'every six months', 'half-yearly', 'half yearly', 's', 'sa'] },
  { frequency: 'annual', spellings: ['annual', 'annually', 'yearly', 'every year', 'each year', 'every 12 months', 'every twelve months', 'once a year', 'a', 'y'] },
  { frequency: 'on-event', spellings: ['ad hoc', 'ad-hoc', 'adhoc', 'as needed', 'as required', 'on event', 'on-event', 'event driven', 'event-driven', 'per event', 'upon request', 'on demand', 'per occurrence', 'as occurs', 'per change', 'per release', 'upon hire', 'upon termination'] },
];

const FREQUENCY_LOOKUP = new Map(MATRIX_FREQUENCIES.flatMap((f) => f.spellings.map((s) => [s, f.frequency] as const)));

export function matrixFrequency(raw: string): Frequency | undefined {
  return FREQUENCY_LOOKUP.get(raw.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, ''));
}

/** Status spellings -> the vocabulary. */
export const MATRIX_STATUSES: Readonly<Record<string, 'implemented' | 'partial' | 'planned' | 'not-applicable'>> = {
  'implemented': 'implemented', 'in place': 'implemented', 'operating': 'implemented', 'operational': 'implemented', 'done': 'implemented', 'complete': 'implemented', 'yes': 'implemented',
  'partial': 'partial', 'partially implemented': 'partial', 'in progress': 'partial', 'partly': 'partial',
  'planned': 'planned', 'not started': 'planned', 'to do': 'planned', 'todo': 'planned', 'not implemented': 'planned', 'gap': 'planned', 'no': 'planned',
  'not applicable': 'not-applicable', 'n/a': 'not-applicable', 'na': 'not-applicable', 'not-applicable': 'not-applicable',
};
