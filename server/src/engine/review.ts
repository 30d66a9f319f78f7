import { addDays, addMonths, daysBetween, parseIsoDate } from './dates';
import { REVIEW_CYCLES } from '../catalog/vocabulary';

/** When an item's next review falls due: last review plus its cycle (or the repo default). */
export function reviewDueDate(lastReviewed: string | undefined, cycle: string | number | undefined, defaultCycle: string | number): Date | undefined {
  const last = parseIsoDate(lastReviewed);
  if (!last) return undefined;
  const c = cycleOf(cycle) ?? cycleOf(defaultCycle) ?? { months: 12 };
  return 'months' in c ? addMonths(last, c.months) : addDays(last, c.days);
}

export function cycleOf(cycle: string | number | undefined): { months: number } | { days: number } | undefined {
  if (typeof cycle === 'number' && Number.isInteger(cycle) && cycle > 0) return { days: cycle };
  if (typeof cycle === 'string') {
    if (/^\d+$/.test(cycle.trim()) && +cycle > 0) return { days: +cycle };
    const named = REVIEW_CYCLES.find((r) => r.id === cycle.trim());
    if (named) return { months: named.months };
  }
  return undefined;
}

/** A span of whole days in words: `today`, `1 day`, `12 days` (the sign is dropped; callers say which way). */
export function describeAge(from: Date, to: Date): string {
  const d = Math.abs(daysBetween(from, to));
  if (d === 0) return 'today';
  if (d === 1) return '1 day';
  return `${d} days`;
}

/** How long ago `past` was, seen from `today`: `today`, `1 day ago`, `12 days ago`. */
export function daysAgo(past: Date, today: Date): string {
  const age = describeAge(past, today);
  return age === 'today' ? age : `${age} ago`;
}

/** How far off `future` is, seen from `today`: `today`, `in 1 day`, `in 12 days`. */
export function inDays(today: Date, future: Date): string {
  const age = describeAge(today, future);
  return age === 'today' ? age : `in ${age}`;
}
