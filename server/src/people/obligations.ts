import { addDays, parseIsoDate, toIso } from '../engine/dates';
import { reviewDueDate } from '../engine/review';
import type { Policy } from '../engine/model';
import { isActive } from '../engine/people-directory';
import type { Acknowledgement, Person, PeopleConfig, TrainingCompletion, TrainingRequirement } from '../engine/people-model';

/** Someone who owes an acknowledgement of a policy version, and by when it was due. */
export interface AcknowledgementDue { person: Person; due: Date }

/** How many days a policy gives to acknowledge it: its own `acknowledge.within_days`, else soc2.yaml's default. */
export function acknowledgeWindow(policy: Policy, config: PeopleConfig): number | undefined {
  return policy.acknowledgeWithinDays?.value ?? config.acknowledgeWithinDays;
}

/**
 * Active people who have not acknowledged the policy's current version: each is due `within` days after
 * the later of their start and the version's date (`approved_on`, else `last_reviewed`). Only those already past due are returned when
 * `overdueOnly`; the task list wants every one, with its date.
 */
export function acknowledgementsDue(policy: Policy, people: readonly Person[], records: readonly Acknowledgement[], within: number, today: Date, overdueOnly: boolean): AcknowledgementDue[] {
  const version = policy.version?.value;
  // The version's date: its approval, or without one the review that produced it.
  const approved = parseIsoDate(policy.approvedOn?.value ?? policy.lastReviewed?.value);
  const out: AcknowledgementDue[] = [];
  for (const person of people) {
    if (!isActive(person, today)) continue;
    const done = records.some((r) => r.policy === policy.id && (version === undefined || r.version === version) && matchesPerson(r.person, person));
    if (done) continue;
    const start = parseIsoDate(person.start?.value);
    const from = [start, approved].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
    if (!from) continue; // neither a start nor an approval date: no clock to run against
    const due = addDays(from, within);
    if (!overdueOnly || due < today) out.push({ person, due });
  }
  return out.sort((a, b) => a.due.getTime() - b.due.getTime() || a.person.id.localeCompare(b.person.id));
}

export interface TrainingDue { person: Person; course: TrainingRequirement; due: Date; last?: string }

/**
 * When each active person must next complete each course: within the given days of their start when they
 * never took it, else one cycle after their latest completion (no cycle: once is enough).
 */
export function trainingDue(people: readonly Person[], courses: readonly TrainingRequirement[], records: readonly TrainingCompletion[], today: Date): TrainingDue[] {
  const out: TrainingDue[] = [];
  for (const person of people) {
    if (!isActive(person, today)) continue;
    for (const course of courses) {
      const taken = records.filter((r) => r.course.toLowerCase() === course.course.value.toLowerCase() && matchesPerson(r.person, person)).map((r) => r.date).sort();
      const last = taken.at(-1);
      let due: Date | undefined;
      if (!last) {
        const start = parseIsoDate(person.start?.value);
        due = start ? addDays(start, course.withinDaysOfStart) : undefined;
        if (!due) continue;
      } else if (course.cycle !== undefined) due = reviewDueDate(last, course.cycle, course.cycle);
      if (due) out.push({ person, course, due, last });
    }
  }
  return out.sort((a, b) => a.due.getTime() - b.due.getTime() || a.person.id.localeCompare(b.person.id));
}

/** A record's `person` cell names the person by id, email or name. */
export function matchesPerson(cell: string, p: Person): boolean {
  const c = cell.trim().toLowerCase();
  return c === p.id.toLowerCase() || (!!p.email && c === p.email.toLowerCase()) || (!!p.name && c === p.name.toLowerCase());
}

export { toIso };
