import { TSC_2017 } from '../catalog/tsc2017';
import { addDays, addMonths, parseIsoDate, toIso } from '../engine/dates';

/** Choices shared by `soc2 init` and the editor's "Initialize Compliance Repo", validated the same way. */

export const CATEGORY_IDS: readonly string[] = TSC_2017.categories.map((c) => c.id);

/** Used when no owner is given: the role the templates make responsible, until the team names a person. */
export const DEFAULT_OWNER = 'Security Lead';

/** How long a default Type 2 observation period lasts: six months is the usual first period. */
const DEFAULT_PERIOD_MONTHS = 6;

/** The six months starting on the first day of the month after `today`. */
export function defaultPeriod(today: string): { start: string; end: string } {
  const d = parseIsoDate(today);
  if (!d) throw new Error(`not a date: ${today}`);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return { start: toIso(start), end: toIso(addDays(addMonths(start, DEFAULT_PERIOD_MONTHS), -1)) };
}

/** Parses `2027-01-01..2027-06-30`; returns an error message instead when it is not a valid period. */
export function parsePeriod(text: string): { start: string; end: string } | string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(text);
  if (!m) return `the period must be written START..END with dates YYYY-MM-DD, e.g. 2027-01-01..2027-06-30; "${text}" is not`;
  const [start, end] = [parseIsoDate(m[1]), parseIsoDate(m[2])];
  if (!start) return `${m[1]} is not a real date`;
  if (!end) return `${m[2]} is not a real date`;
  if (end.getTime() < start.getTime()) return `the period ends (${m[2]}) before it starts (${m[1]})`;
  return { start: m[1], end: m[2] };
}

/**
 * Parses `security,availability` into catalog order with `security` first (it is always in scope);
 * returns an error message for an unknown category.
 */
export function parseCategories(list: readonly string[]): string[] | string {
  const wanted = new Set<string>(['security']);
  for (const raw of list) {
    const c = raw.trim().toLowerCase();
    if (!c) continue;
    if (!CATEGORY_IDS.includes(c)) return `unknown category "${raw.trim()}"; the categories are ${CATEGORY_IDS.join(', ')}`;
    wanted.add(c);
  }
  return CATEGORY_IDS.filter((c) => wanted.has(c));
}
