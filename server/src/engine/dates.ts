/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no time zone shifts a day. */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO calendar date; undefined for anything else, including 2026-02-30. */
export function parseIsoDate(s: unknown): Date | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ISO.exec(s.trim());
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls an impossible date over: a day past the month's end (or day 0) lands in another month, month 13
  // or 00 in another year, and years 0-99 are read as 1900-1999. So year and month say whether the date was real.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1) return undefined;
  return date;
}

export function isIsoDate(s: unknown): s is IsoDate { return parseIsoDate(s) !== undefined; }

/** The date's `YYYY-MM-DD` (UTC). Written out by hand: toISOString was a noticeable share of a full check's evidence work. */
export function toIso(d: Date): IsoDate {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
  // Years outside 0000-9999 (never read from a file, but arithmetic may reach them) keep toISOString's form.
  if (!(y >= 0 && y <= 9999)) return d.toISOString().slice(0, 10);
  return `${y < 10 ? '000' : y < 100 ? '00' : y < 1000 ? '0' : ''}${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(d: Date, days: number): Date { return new Date(d.getTime() + days * 86_400_000); }

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + months, day = d.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last)));
}

export function daysBetween(a: Date, b: Date): number { return Math.round((b.getTime() - a.getTime()) / 86_400_000); }

export function lastDayOfQuarter(year: number, quarter: number): Date { return new Date(Date.UTC(year, quarter * 3, 0)); }
export function lastDayOfMonth(year: number, month: number): Date { return new Date(Date.UTC(year, month, 0)); }

/** Today's date from the clock: only the outermost callers (CLI, LSP server) may use this. */
export function todayFromClock(): IsoDate { return toIso(new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)); }
