import { isIsoDate } from '../engine/dates';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as documents write it, as YYYY-MM-DD: `2018-06-01`, `Jun 1 2018`, `June 1, 2018`, `1 June 2018`,
 * `06/01/2018` (read month first, as US templates do; reported as a guess by the caller). Undefined otherwise.
 */
export function readLooseDate(raw: unknown): { date: string; ambiguous: boolean } | undefined {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { date: raw.toISOString().slice(0, 10), ambiguous: false };
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (iso) return build(+iso[1], +iso[2], +iso[3], false);
  const monthName = (w: string) => MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1;
  const mdy = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (mdy && monthName(mdy[1])) return build(+mdy[3], monthName(mdy[1]), +mdy[2], false);
  const dmy = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (dmy && monthName(dmy[2])) return build(+dmy[3], monthName(dmy[2]), +dmy[1], false);
  const my = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(s);
  if (my && monthName(my[1])) return build(+my[2], monthName(my[1]), 1, true);
  const slash = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (slash) {
    const a = +slash[1], b = +slash[2];
    return a > 12 ? build(+slash[3], b, a, false) : build(+slash[3], a, b, b <= 12 && a !== b);
  }
  return undefined;
}

function build(y: number, m: number, d: number, ambiguous: boolean): { date: string; ambiguous: boolean } | undefined {
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(date) ? { date, ambiguous } : undefined;
}
