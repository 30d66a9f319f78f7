// Boundary fixtures for the calendar arithmetic every date-based check stands on (issue 20): month ends, leap
// days, periods starting mid-month and on the 31st, and the edges of each interval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, daysBetween, isIsoDate, lastDayOfMonth, lastDayOfQuarter, parseIsoDate, toIso, todayFromClock } from '../../server/src/engine/dates';
import { periodIntervals } from '../../server/src/engine/intervals';
import { cycleOf, daysAgo, describeAge, inDays, reviewDueDate } from '../../server/src/engine/review';
import { creditOf, covers } from '../../server/src/engine/readiness';
import { criterionStatus } from '../../server/src/engine/summary';

const d = (s: string) => parseIsoDate(s)!;
const iso = (x: Date | undefined) => (x ? toIso(x) : undefined);

test('parseIsoDate: strict calendar dates only', () => {
  assert.equal(iso(parseIsoDate('2024-02-29')), '2024-02-29');
  assert.equal(iso(parseIsoDate(' 2026-01-05 ')), '2026-01-05');
  for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '20260105', 'x2026-01-05', '2026-01-05x', '']) {
    assert.equal(parseIsoDate(bad), undefined, bad);
  }
  assert.equal(parseIsoDate(20260105), undefined);
  assert.equal(parseIsoDate(undefined), undefined);
  assert.equal(isIsoDate('2026-12-31'), true);
  assert.equal(isIsoDate('2026-12-32'), false);
});

test('addMonths clamps to the last day of a shorter month, leap years included', () => {
  assert.equal(iso(addMonths(d('2026-01-31'), 1)), '2026-02-28');
  assert.equal(iso(addMonths(d('2024-01-31'), 1)), '2024-02-29');
  assert.equal(iso(addMonths(d('2026-03-31'), 1)), '2026-04-30');
  assert.equal(iso(addMonths(d('2026-01-31'), 2)), '2026-03-31');
  assert.equal(iso(addMonths(d('2024-02-29'), 12)), '2025-02-28');
  assert.equal(iso(addMonths(d('2024-02-29'), 48)), '2028-02-29');
  assert.equal(iso(addMonths(d('2026-11-15'), 3)), '2027-02-15');
  assert.equal(iso(addMonths(d('2026-03-15'), -1)), '2026-02-15');
});

test('addDays, daysBetween, month and quarter ends', () => {
  assert.equal(iso(addDays(d('2024-02-28'), 1)), '2024-02-29');
  assert.equal(iso(addDays(d('2026-02-28'), 1)), '2026-03-01');
  assert.equal(iso(addDays(d('2026-03-01'), -1)), '2026-02-28');
  assert.equal(daysBetween(d('2026-01-01'), d('2026-12-31')), 364);
  assert.equal(daysBetween(d('2026-01-02'), d('2026-01-01')), -1);
  assert.equal(iso(lastDayOfMonth(2024, 2)), '2024-02-29');
  assert.equal(iso(lastDayOfMonth(2026, 12)), '2026-12-31');
  assert.equal(iso(lastDayOfQuarter(2026, 1)), '2026-03-31');
  assert.equal(iso(lastDayOfQuarter(2026, 4)), '2026-12-31');
});

test('intervals of a period starting on the 31st are anchored at the start, never chained (no drift)', () => {
  assert.deepEqual(periodIntervals(d('2026-01-31'), d('2026-05-30'), { months: 1 }), [
    { start: '2026-01-31', end: '2026-02-27' },
    { start: '2026-02-28', end: '2026-03-30' },
    { start: '2026-03-31', end: '2026-04-29' },
    { start: '2026-04-30', end: '2026-05-30' },
  ]);
});

test('intervals: a mid-month start, a quarter, weeks and a one-day period; both ends inclusive', () => {
  assert.deepEqual(periodIntervals(d('2026-02-15'), d('2026-08-14'), { months: 3 }), [
    { start: '2026-02-15', end: '2026-05-14' }, { start: '2026-05-15', end: '2026-08-14' },
  ]);
  assert.deepEqual(periodIntervals(d('2026-01-01'), d('2026-01-15'), { days: 7 }), [
    { start: '2026-01-01', end: '2026-01-07' }, { start: '2026-01-08', end: '2026-01-14' }, { start: '2026-01-15', end: '2026-01-15' },
  ]);
  assert.deepEqual(periodIntervals(d('2026-03-01'), d('2026-03-01'), { months: 1 }), [{ start: '2026-03-01', end: '2026-03-01' }]);
  assert.deepEqual(periodIntervals(d('2026-03-02'), d('2026-03-01'), { months: 1 }), []);
  assert.deepEqual(periodIntervals(d('2024-02-01'), d('2024-03-01'), { days: 29 }), [
    { start: '2024-02-01', end: '2024-02-29' }, { start: '2024-03-01', end: '2024-03-01' },
  ]);
});

test('review due dates: named cycles in months, day counts, the default, and a leap-day review', () => {
  assert.equal(iso(reviewDueDate('2024-02-29', 'annual', 'annual')), '2025-02-28');
  assert.equal(iso(reviewDueDate('2026-01-31', 'monthly', 'annual')), '2026-02-28');
  assert.equal(iso(reviewDueDate('2026-01-31', 'quarterly', 'annual')), '2026-04-30');
  assert.equal(iso(reviewDueDate('2026-01-01', 'semiannual', 'annual')), '2026-07-01');
  assert.equal(iso(reviewDueDate('2026-01-01', 90, 'annual')), '2026-04-01');
  assert.equal(iso(reviewDueDate('2026-01-01', ' 90 ', 'annual')), '2026-04-01');
  assert.equal(iso(reviewDueDate('2026-01-01', undefined, 'quarterly')), '2026-04-01');
  assert.equal(iso(reviewDueDate('2026-01-01', 'fortnightly', 30)), '2026-01-31');
  assert.equal(iso(reviewDueDate('2026-01-01', undefined, 'nonsense')), '2027-01-01');
  assert.equal(reviewDueDate('not a date', 'annual', 'annual'), undefined);
  assert.equal(reviewDueDate(undefined, 'annual', 'annual'), undefined);
});

test('cycleOf: positive whole days or a named cycle, nothing else', () => {
  assert.deepEqual(cycleOf(30), { days: 30 });
  assert.deepEqual(cycleOf('30'), { days: 30 });
  assert.deepEqual(cycleOf('annual'), { months: 12 });
  assert.deepEqual(cycleOf(' monthly '), { months: 1 });
  for (const bad of [0, -5, 1.5, '0', '-3', '3.5', 'yearly', '', undefined]) assert.equal(cycleOf(bad as never), undefined, String(bad));
});

test('ages in words: today, 1 day, N days, either way', () => {
  assert.equal(describeAge(d('2026-07-15'), d('2026-07-15')), 'today');
  assert.equal(describeAge(d('2026-07-14'), d('2026-07-15')), '1 day');
  assert.equal(describeAge(d('2026-07-16'), d('2026-07-15')), '1 day');
  assert.equal(describeAge(d('2026-07-05'), d('2026-07-15')), '10 days');
  assert.equal(daysAgo(d('2026-07-14'), d('2026-07-15')), '1 day ago');
  assert.equal(daysAgo(d('2026-07-15'), d('2026-07-15')), 'today');
  assert.equal(inDays(d('2026-07-15'), d('2026-07-17')), 'in 2 days');
  assert.equal(inDays(d('2026-07-15'), d('2026-07-15')), 'today');
});

test('the readiness rule: implemented covers, partial is half, planned and no status earn nothing', () => {
  assert.deepEqual(['implemented', 'partial', 'planned', undefined, 'bogus', 'not-applicable'].map((s) => [creditOf(s), covers(s)]), [
    ['implemented', true], ['partial', true], ['planned', false], ['planned', false], ['planned', false], ['none', false],
  ]);
  assert.equal(criterionStatus(false, false, 1, 0), 'out-of-scope');
  assert.equal(criterionStatus(true, true, 1, 0), 'excluded');
  assert.equal(criterionStatus(true, false, 1, 1), 'covered');
  assert.equal(criterionStatus(true, false, 0, 1), 'partial');
  assert.equal(criterionStatus(true, false, 0, 0), 'gap');
});

test('parseIsoDate: years 0000-0099 are not read as 1900-1999; a day past the month end is not the next month', () => {
  assert.equal(parseIsoDate('0050-01-01'), undefined);
  assert.equal(parseIsoDate('0099-12-31'), undefined);
  assert.equal(iso(parseIsoDate('0100-01-01')), '0100-01-01');
  assert.equal(parseIsoDate('2026-01-00'), undefined);
  assert.equal(parseIsoDate('2026-03-00'), undefined);
  assert.equal(parseIsoDate('2026-06-31'), undefined);
  assert.equal(iso(parseIsoDate('2026-06-30')), '2026-06-30');
});

test('todayFromClock: the calendar date where the process runs, on either side of UTC', () => {
  // The only reader of the clock (CLI and server call it). Far east and far west of UTC, at least one of the two
  // local dates differs from the UTC date at any hour, so a wrong offset shows. Synchronous: TZ is restored before
  // any other test runs.
  const saved = process.env.TZ;
  try {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = zone;
      const expected = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      assert.equal(todayFromClock(), expected, zone);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
  }
});

test('toIso writes what toISOString does, for every day shape from year 0 to 9999 and beyond', () => {
  let compared = 0;
  // A step of a week and five hours walks every weekday, month end and leap day over the centuries.
  for (let t = Date.UTC(-300, 0, 1); t < Date.UTC(12000, 0, 1); t += 86_400_000 * 7 + 3_600_000 * 5) {
    const d = new Date(t);
    assert.equal(toIso(d), d.toISOString().slice(0, 10));
    compared++;
  }
  for (const iso of ['0100-01-01', '0999-06-30', '2024-02-29', '9999-12-31']) assert.equal(toIso(parseIsoDate(iso)!), iso);
  assert.ok(compared > 600_000);
  assert.throws(() => toIso(new Date(NaN)), RangeError);
});
