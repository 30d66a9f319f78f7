import type { Frequency } from '../catalog/vocabulary';

/**
 * The frequency a cron schedule implies: six fields with seconds first (comply's `0 0 0 15 * *`) or the
 * usual five. `0 0 0 15 * *` (the 15th of every month) is monthly; `0 0 0 15 4 *` (15 April) is annual;
 * months `1,4,7,10` or `*\/3` are quarterly, two months or `*\/6` semiannual; a weekday is weekly; every day
 * is daily; more often than daily is continuous. Undefined when the text is not a cron schedule.
 */
export function cronFrequency(cron: string): Frequency | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return undefined;
  if (!fields.every((f) => /^[\d*/,\-?LW#A-Za-z]+$/.test(f))) return undefined;
  const [minute, hour, dom, month, dow] = fields.length === 6 ? fields.slice(1) : fields;
  const every = (f: string) => f === '*' || f === '?';
  if (every(hour) || /[*/,-]/.test(hour) || every(minute) || /[/,-]/.test(minute)) return 'continuous';
  if (!every(month)) {
    const step = /^\*\/(\d+)$/.exec(month);
    const count = step ? Math.ceil(12 / Number(step[1])) : month.split(',').reduce((n, part) => {
      const range = /^(\d+)-(\d+)$/.exec(part);
      return n + (range ? Math.max(1, Number(range[2]) - Number(range[1]) + 1) : 1);
    }, 0);
    if (count >= 12) return every(dom) && every(dow) ? 'daily' : every(dom) ? 'weekly' : 'monthly';
    if (count >= 4) return 'quarterly';
    if (count >= 2) return 'semiannual';
    return 'annual';
  }
  if (!every(dom)) return 'monthly';
  if (!every(dow)) return 'weekly';
  return 'daily';
}
