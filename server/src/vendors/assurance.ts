import { addDays, addMonths, parseIsoDate, toIso } from '../engine/dates';
import type { Interval } from '../engine/intervals';
import type { Vendor } from '../engine/register-model';
import { ASSURANCE_FRESH_MONTHS, SUBSERVICE_RELIED_ON } from '../catalog/vendor-vocabulary';

/** Whether the vendor has assurance worth the name on file (a type other than `none`). */
export function hasAssurance(v: Vendor): boolean {
  const t = v.assurance?.type?.value;
  return !!t && t !== 'none';
}

export function isSubservice(v: Vendor): boolean { return !!v.subservice && SUBSERVICE_RELIED_ON.has(v.subservice.value); }
export function isCarveOut(v: Vendor): boolean { return v.subservice?.value === 'carve-out'; }

/** The date the assurance speaks to: the end of its period, or failing that the day it was received. */
export function assuranceDate(v: Vendor): { date: Date; field: 'period_end' | 'received' } | undefined {
  const a = v.assurance;
  const end = parseIsoDate(a?.periodEnd?.value);
  if (end) return { date: end, field: 'period_end' };
  const received = parseIsoDate(a?.received?.value);
  return received ? { date: received, field: 'received' } : undefined;
}

export function bridgeUntil(v: Vendor): Date | undefined { return parseIsoDate(v.assurance?.bridgeLetterUntil?.value); }

/**
 * Whether the assurance is out of date on `today`: its date is more than 12 calendar months back
 * (so exactly 12 months is still current; 29 February plus 12 months is 28 February), and no bridge
 * letter reaches today.
 */
export function staleness(v: Vendor, today: Date): { date: Date; field: 'period_end' | 'received'; freshUntil: Date; bridge?: Date } | undefined {
  if (!hasAssurance(v)) return undefined;
  const d = assuranceDate(v);
  if (!d) return undefined;
  const freshUntil = addMonths(d.date, ASSURANCE_FRESH_MONTHS);
  if (freshUntil >= today) return undefined;
  const bridge = bridgeUntil(v);
  if (bridge && bridge >= today) return undefined;
  return { ...d, freshUntil, ...(bridge ? { bridge } : {}) };
}

/** The days of `window` that no interval of `covered` contains, as inclusive intervals in date order. */
export function uncovered(window: { start: Date; end: Date }, covered: readonly { start: Date; end: Date }[]): Interval[] {
  const parts = covered.filter((c) => c.start <= c.end).sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  let cursor = window.start;
  for (const c of parts) {
    if (c.end < cursor) continue;
    if (c.start > window.end) break;
    if (c.start > cursor) out.push({ start: toIso(cursor), end: toIso(minDate(addDays(c.start, -1), window.end)) });
    cursor = addDays(c.end, 1);
    if (cursor > window.end) return out;
  }
  if (cursor <= window.end) out.push({ start: toIso(cursor), end: toIso(window.end) });
  return out;
}

/** What a vendor's SOC 2 Type 2 report and bridge letter cover: the report period, then the bridge to its date. */
export function type2Coverage(v: Vendor): { start: Date; end: Date }[] | undefined {
  const start = parseIsoDate(v.assurance?.periodStart?.value);
  const end = parseIsoDate(v.assurance?.periodEnd?.value);
  if (!start || !end) return undefined;
  const out = [{ start, end }];
  const bridge = bridgeUntil(v);
  if (bridge && bridge > end) out.push({ start: addDays(end, 1), end: bridge });
  return out;
}

export function formatIntervals(list: readonly Interval[]): string {
  return list.map((i) => (i.start === i.end ? i.start : `${i.start}..${i.end}`)).join(', ');
}

function minDate(a: Date, b: Date): Date { return a < b ? a : b; }
