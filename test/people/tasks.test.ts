import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';
import { computeTasks, type Task } from '../../server/src/people/tasks';
import { tasksToIcs } from '../../server/src/people/ics';
import { tasksCsv } from '../../server/src/report/tasks-output';
import { parseCsv } from '../../server/src/util/csv';
import { baseRepo, edit } from '../helpers';
import { peopleRepo } from '../people-helpers';

async function tasksOf(files: Record<string, string>, today: string, filter = {}): Promise<Task[]> {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today });
  return computeTasks(project, filter);
}
const brief = (ts: Task[]) => ts.map((t) => `${t.due} ${t.overdue ? '!' : ' '} ${t.kind} ${t.id} ${t.owner}`);

test('tasks: reviews, the next evidence collection, remediation, in due order', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    last_reviewed: 2026-03-01\n', '    last_reviewed: 2026-03-01\n  - id: AC-02\n    title: MFA rollout\n    owner: alice@example.com\n    status: planned\n    target_date: 2026-08-15\n    tracking: SEC-9\n    criteria: [CC6.1]\n');
  assert.deepEqual(brief(await tasksOf(files, '2026-07-15')), [
    // AC-01 is quarterly with evidence on 03-30 and 06-29: the interval holding today (Jul-Sep) has none yet.
    '2026-08-15   remediation AC-02 alice@example.com',
    '2026-09-30   evidence AC-01 bob@example.com',
    '2027-03-01   review AC-01 bob@example.com',
    '2027-03-01   review POL-AC alice@example.com',
  ]);
});

test('evidence collection at interval edges: quarter end, month end, leap day, and an interval already covered', async () => {
  const quarterly = baseRepo();
  // Due exactly today is not overdue; the day after it is.
  assert.deepEqual(brief(await tasksOf(quarterly, '2026-09-30')).filter((t) => t.includes('evidence')), ['2026-09-30   evidence AC-01 bob@example.com']);
  assert.deepEqual(brief(await tasksOf(quarterly, '2026-10-01')).filter((t) => t.includes('evidence')), ['2026-12-31   evidence AC-01 bob@example.com']);
  // Evidence in the current quarter moves the task to the end of the next one.
  const covered = { ...quarterly, 'evidence/access/2026-07-02-review.md': 'signed' };
  assert.deepEqual(brief(await tasksOf(covered, '2026-07-15')).filter((t) => t.includes('evidence')), ['2026-12-31   evidence AC-01 bob@example.com']);
  // Monthly from a period starting 2028-01-31: February ends on the leap day, the next interval ends 2028-03-30.
  const monthly = edit(edit(quarterly, 'controls/access.yaml', 'frequency: quarterly', 'frequency: monthly'), 'soc2.yaml', '{ start: 2026-01-01, end: 2026-06-30 }', '{ start: 2028-01-31, end: 2028-07-30 }');
  assert.deepEqual(brief(await tasksOf(monthly, '2028-02-15')).filter((t) => t.includes('evidence')), ['2028-02-28   evidence AC-01 bob@example.com']);
  assert.deepEqual(brief(await tasksOf(monthly, '2028-02-29')).filter((t) => t.includes('evidence')), ['2028-03-30   evidence AC-01 bob@example.com']);
});

test('a review due exactly today is listed and not overdue; --owner and --within filter', async () => {
  const today = await tasksOf(baseRepo(), '2027-03-01');
  assert.deepEqual(today.filter((t) => t.kind === 'review').map((t) => [t.id, t.due, t.overdue]), [['AC-01', '2027-03-01', false], ['POL-AC', '2027-03-01', false]]);
  assert.deepEqual((await tasksOf(baseRepo(), '2027-03-02')).filter((t) => t.kind === 'review').map((t) => t.overdue), [true, true]);
  assert.deepEqual(brief(await tasksOf(baseRepo(), '2026-07-15', { owner: 'ALICE@example.com' })), ['2027-03-01   review POL-AC alice@example.com']);
  assert.deepEqual(brief(await tasksOf(baseRepo(), '2026-07-15', { withinDays: 77 })), ['2026-09-30   evidence AC-01 bob@example.com']);
  assert.deepEqual(await tasksOf(baseRepo(), '2026-07-15', { withinDays: 76 }), []);
});

test('with a roster: acknowledgement and training deadlines per person, and --owner matches through the roster', async () => {
  const files = {
    ...edit(peopleRepo('training:\n  - course: Security awareness\n    cycle: annual\n'), 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\nversion: "2"\napproved_on: 2026-07-01\nacknowledge: { within_days: 14 }\n'),
    'acknowledgements/a.csv': 'person,policy,version,date\nalice,POL-AC,2,2026-07-02\n',
    'training/t.csv': 'person,course,date\nalice,Security awareness,2026-01-10\nbob,Security awareness,2025-07-20\ncarol,Security awareness,2026-07-03\n',
  };
  const ts = (await tasksOf(files, '2026-07-15')).filter((t) => t.kind === 'acknowledgement' || t.kind === 'training');
  assert.deepEqual(brief(ts), [
    '2026-07-15   acknowledgement POL-AC/bob bob@example.com',
    '2026-07-15   acknowledgement POL-AC/carol carol@example.com',
    '2026-07-20   training Security awareness/bob bob@example.com',
    '2027-01-10   training Security awareness/alice alice@example.com',
    '2027-07-03   training Security awareness/carol carol@example.com',
  ]);
  assert.deepEqual(brief(await tasksOf(files, '2026-07-15', { owner: 'Bob Lee', withinDays: 10 })), [
    '2026-07-15   acknowledgement POL-AC/bob bob@example.com',
    '2026-07-20   training Security awareness/bob bob@example.com',
  ]);
});

test('the calendar parses back with ical.js: one all-day event per task, stable UIDs across runs, escaped text', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'title: Quarterly access review', 'title: "Access review; quarterly, with sign-off\\\\ and a very long title that goes well past seventy-five octets — ünïcödé"');
  const first = tasksToIcs(await tasksOf(files, '2026-07-15'), { today: '2026-07-15', organization: 'Test, Co' });
  const later = tasksToIcs(await tasksOf({ ...files, 'evidence/access/2026-07-02-review.md': 'x' }, '2026-07-20'), { today: '2026-07-20' });
  assert.ok(first.split('\r\n').slice(0, -1).every((l) => Buffer.byteLength(l) <= 75), 'every line folded to 75 octets');
  assert.doesNotMatch(first.replace(/\r\n/g, ''), /\n/);
  const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const a = events(first), b = events(later);
  assert.equal(a.length, 3);
  const ev = a.find((e) => e.uid.startsWith('evidence-AC-01'))!;
  assert.equal(ev.startDate.toString(), '2026-09-30');
  assert.equal(ev.startDate.isDate, true);
  assert.equal(ev.summary, 'Collect evidence for AC-01 (Access review; quarterly, with sign-off\\ and a very long title that goes well past seventy-five octets — ünïcödé): 2026-07-01..2026-09-30');
  // Evidence arrived: the same obligation moves to the next quarter under the same UID.
  assert.deepEqual(a.map((e) => e.uid).sort(), b.map((e) => e.uid).sort());
  assert.equal(b.find((e) => e.uid === ev.uid)!.startDate.toString(), '2026-12-31');
});

test('the CSV reads back to the same tasks', async () => {
  const ts = await tasksOf(baseRepo(), '2026-07-15');
  const rows = parseCsv(tasksCsv(ts)).map((r) => r.cells);
  assert.deepEqual(rows[0], ['kind', 'id', 'title', 'owner', 'due', 'overdue', 'file', 'line']);
  assert.deepEqual(rows.slice(1), ts.map((t) => [t.kind, t.id, t.title, t.owner, t.due, String(t.overdue), t.file, String(t.line)]));
});
