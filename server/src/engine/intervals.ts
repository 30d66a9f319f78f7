import { addDays, addMonths, toIso, type IsoDate } from './dates';

export interface Interval { start: IsoDate; end: IsoDate }

/**
 * Cuts an observation period into consecutive intervals anchored at its start (calendar months for
 * monthly and longer, fixed days otherwise); the last is clipped at the period's end. Both ends inclusive.
 */
export function periodIntervals(start: Date, end: Date, step: { months: number } | { days: number }): Interval[] {
  const out: Interval[] = [];
  for (let k = 0, s = start; s <= end && k < 100_000; k++) {
    const next = 'months' in step ? addMonths(start, step.months * (k + 1)) : addDays(start, step.days * (k + 1));
    const e = addDays(next, -1);
    out.push({ start: toIso(s), end: toIso(new Date(Math.min(e.getTime(), end.getTime()))) });
    s = next;
  }
  return out;
}
