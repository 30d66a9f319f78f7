import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, readStatement } from '../server/src/practice/frequency';
import { stem, terms } from '../server/src/practice/stem';

test('stemming folds the forms of one activity word together', () => {
  for (const group of [['reviews', 'reviewed', 'reviewing', 'reviewer'], ['scan', 'scans', 'scanning', 'scanned'], ['encryption', 'encrypted'],
    ['approval', 'approve', 'approved'], ['vulnerability', 'vulnerabilities'], ['rotation', 'rotate', 'rotated'], ['policies', 'policy']]) {
    assert.equal(new Set(group.map(stem)).size, 1, group.join(' '));
  }
  assert.deepEqual(terms('Complete backups are backed up daily by the Head of IT (AC-01).').sort(), ['backup', 'head']);
  assert.deepEqual(terms("Reviewing vendors' status pages"), ['review', 'vendor', 'status', 'page']);
});

test('readStatement: phrasings of a frequency', () => {
  const cases: [string, string | undefined][] = [
    ['Reviews happen twice per year.', 'semiannual'], ['Keys rotate every 90 days.', 'quarterly'], ['Plans are tested every 12 months.', 'annual'],
    ['Owners meet once per month.', 'monthly'], ['Backups run nightly.', 'daily'], ['Rules are read on a quarterly basis.', 'quarterly'],
    ['Scans run once every three months.', 'quarterly'], ['Audits happen every two years.', undefined], ['Reviews are done bi-annually.', undefined],
    ['Access is reviewed not annually, but monthly.', 'monthly'], ['Access is reviewed monthly rather than quarterly.', 'monthly'],
    ['Access is reviewed quarterly and logs are read weekly.', undefined],
  ];
  for (const [text, frequency] of cases) assert.equal(readStatement(text)?.frequency, frequency, text);
});

test('readStatement: floors, events beside a period, and what is not an activity frequency', () => {
  for (const floor of ['at least annually', 'no less than once per year', 'as least quarterly', 'at a minimum every six months', 'quarterly or more often']) {
    assert.equal(readStatement(`Access is reviewed ${floor}.`)?.floor, true, floor);
  }
  const combo = readStatement('Policies are reviewed annually or after significant changes.');
  assert.deepEqual(combo && [combo.frequency, combo.events, combo.floor], ['annual', true, false]);
  for (const trap of ['Our daily operations rely on it.', 'It guides day-to-day work.', 'We aim for continuous improvements.', 'This continuous process never stops.',
    'Server rooms are secured 24/7.', 'Visitors are escorted at all times.', 'Alerts are raised in real time.', 'Tickets are answered within one business day.',
    'New hires shadow a colleague for the first week.', 'Logs are kept for one year.', 'Data is retained for 12 months.']) {
    assert.equal(readStatement(trap), undefined, trap);
  }
  assert.equal(readStatement('The Quarterly access review is owned by IT.', ['Quarterly access review']), undefined, 'a control title');
});

test('compare: direction and floors', () => {
  const s = (text: string) => readStatement(text)!;
  assert.equal(compare(s('Reviewed quarterly.'), 'annual'), 'less-frequent');
  assert.equal(compare(s('Reviewed quarterly.'), 'monthly'), 'more-frequent');
  assert.equal(compare(s('Reviewed at least annually.'), 'quarterly'), 'agrees');
  assert.equal(compare(s('Reviewed at least quarterly.'), 'annual'), 'less-frequent');
  assert.equal(compare(s('Reviewed annually or after significant changes.'), 'annual'), 'agrees');
  assert.equal(compare(s('Reviewed annually or after significant changes.'), 'on-event'), 'agrees');
  assert.equal(compare(s('Removed upon termination.'), 'quarterly'), 'different');
});

test('readStatement: a floor set off by punctuation', () => {
  for (const text of ['Access is reviewed, at a minimum, annually.', 'Access is reviewed at minimum: quarterly.', 'Access is reviewed (at least annually).']) {
    assert.equal(readStatement(text)?.floor, true, text);
  }
});
