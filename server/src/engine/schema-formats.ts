import { parseIsoDate } from './dates';

/**
 * The string formats our schemas use, shared by the validators compiled at run time (tests, tsx) and the
 * ones compiled ahead into the bundles by scripts/build.mjs, so both accept exactly the same values.
 */
export const date = { type: 'string' as const, validate: (s: string) => parseIsoDate(s) !== undefined };
