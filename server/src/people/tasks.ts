import { addDays, parseIsoDate, toIso } from '../engine/dates';
import { reviewDueDate } from '../engine/review';
import { periodIntervals } from '../engine/intervals';
import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import type { Located, Policy } from '../engine/model';
import type { ProjectView } from '../engine/check-api';
import type { Person } from '../engine/people-model';
import { isActive, PeopleDirectory } from '../engine/people-directory';
import { acknowledgementsDue, acknowledgeWindow, trainingDue } from './obligations';

export type TaskKind = 'review' | 'evidence' | 'remediation' | 'acknowledgement' | 'training' | 'risk-acceptance';

/** One dated obligation: what, whose, by when, and where in the repo it comes from. */
export interface Task {
  kind: TaskKind;
  /** The policy, control or risk id; for people's tasks `<policy or course>/<person id>`. */
  id: string;
  title: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string;
  overdue: boolean;
  file: string;
  /** 1-based */
  line: number;
}

export interface TaskFilter {
  /** Only tasks of this owner: matched as written, or through the roster to the same person. */
  owner?: string;
  /** Only tasks due within this many days of today; overdue tasks always count. */
  withinDays?: number;
}

const KIND_ORDER: readonly TaskKind[] = ['remediation', 'evidence', 'review', 'risk-acceptance', 'acknowledgement', 'training'];

/**
 * Every dated obligation of the repo, soonest first: reviews due (policies, controls, risks), the next
 * evidence collection of each implemented periodic control, remediation targets, acknowledgement and
 * training deadlines, and accepted risks lapsing. Pure: the index and today in, tasks out.
 */
export function computeTasks(project: ProjectView, filter: TaskFilter = {}): Task[] {
  const today = project.today;
  const tasks: Task[] = [];
  const add = (kind: TaskKind, id: string, title: string, owner: string | undefined, due: Date, file: string, at: Located<unknown> | { range: { start: { line: number } } }) => {
    tasks.push({ kind, id, title, owner: owner?.trim() || '(no owner)', due: toIso(due), overdue: due < today, file, line: at.range.start.line + 1 });
  };
  const review = (last: Located<string> | undefined, cycle: Located<string | number> | undefined) => reviewDueDate(last?.value, cycle?.value, project.config.defaultCycle);

  for (const p of project.allPolicies()) {
    const due = review(p.lastReviewed, p.reviewCycle);
    if (due) add('review', p.id, `Review policy ${p.id}${p.title ? ` (${p.title.value})` : ''}`, p.owner?.value, due, p.file, p.lastReviewed!);
  }
  for (const c of project.allControls()) {
    const status = c.status?.value;
    if (status === 'not-applicable') continue;
    const due = review(c.lastReviewed, c.reviewCycle);
    if (due) add('review', c.id, `Review control ${c.id}${c.title ? ` (${c.title})` : ''}`, c.owner?.value, due, c.file, c.lastReviewed!);
    if ((status === 'planned' || status === 'partial') && c.targetDate) {
      const target = parseIsoDate(c.targetDate.value);
      if (target) add('remediation', c.id, `Make control ${c.id} operate (${status})${c.tracking ? `, tracked in ${c.tracking.value}` : ''}`, c.owner?.value, target, c.file, c.targetDate);
    }
    if (status === 'implemented') {
      const next = nextCollection(project, c);
      if (next) add('evidence', c.id, `Collect evidence for ${c.id}${c.title ? ` (${c.title})` : ''}: ${next.interval}`, c.owner?.value, next.due, c.file, { range: c.idRange });
    }
  }
  for (const r of project.allRisks()) {
    const due = review(r.lastReviewed, r.reviewCycle);
    if (!due) continue;
    if (r.treatment?.value === 'accept') add('risk-acceptance', r.id, `Renew or end the acceptance of risk ${r.id}${r.title ? ` (${r.title})` : ''}`, r.owner?.value, due, r.file, r.lastReviewed!);
    else add('review', r.id, `Review risk ${r.id}${r.title ? ` (${r.title})` : ''}`, r.owner?.value, due, r.file, r.lastReviewed!);
  }

  const directory = project.peopleDirectory();
  if (directory) {
    for (const p of project.allPolicies()) {
      const within = acknowledgeWindow(p, project.config.people);
      if (within === undefined) continue;
      for (const d of acknowledgementsDue(p, directory.people, project.acknowledgementRecords(), within, today, false)) {
        add('acknowledgement', `${p.id}/${d.person.id}`, `Acknowledge policy ${p.id}${p.version ? ` version ${p.version.value}` : ''}`, personOwner(d.person), d.due, p.file, ackAnchor(p));
      }
    }
    for (const d of trainingDue(directory.people, project.config.people.courses, project.trainingCompletions(), today)) {
      add('training', `${d.course.course.value}/${d.person.id}`, `Complete "${d.course.course.value}"`, personOwner(d.person), d.due, d.person.file, { range: d.person.idRange });
    }
  }
  return applyFilter(tasks, project, filter).sort((a, b) => a.due.localeCompare(b.due) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
}

function personOwner(p: Person): string { return p.email ?? p.id; }

function ackAnchor(p: Policy): { range: { start: { line: number } } } {
  return { range: (p.acknowledgeWithinDays ?? p.version ?? p.title ?? { range: p.idRange }).range };
}

/**
 * The end of the interval that holds today (intervals anchored at the observation period's start, or at
 * 1 January of this year without one), or of the next interval when today's already has evidence.
 */
function nextCollection(project: ProjectView, control: Parameters<ProjectView['evidenceOf']>[0]): { due: Date; interval: string } | undefined {
  const step = FREQUENCY_BY_ID.get(control.frequency?.value ?? '')?.interval;
  if (!step) return undefined;
  const today = project.today;
  const anchor = parseIsoDate(project.config.period?.start.value) ?? new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
  const start = anchor <= today ? anchor : new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
  // Two steps past today is always enough to hold today's interval and the one after it.
  const horizon = 'months' in step ? new Date(Date.UTC(today.getUTCFullYear() + 2, today.getUTCMonth(), 28)) : addDays(today, step.days * 2 + 1);
  const intervals = periodIntervals(start, horizon, step);
  const i = intervals.findIndex((iv) => iv.start <= toIso(today) && toIso(today) <= iv.end);
  if (i < 0) return undefined;
  const dates = project.evidenceOf(control).occurrences.map((o) => o.date);
  const covered = dates.some((d) => d >= intervals[i].start && d <= intervals[i].end);
  const iv = covered ? intervals[i + 1] : intervals[i];
  if (!iv) return undefined;
  return { due: parseIsoDate(iv.end)!, interval: `${iv.start}..${iv.end}` };
}

function applyFilter(tasks: Task[], project: ProjectView, filter: TaskFilter): Task[] {
  let out = tasks;
  if (filter.owner !== undefined) {
    const who = filter.owner.trim().toLowerCase();
    const directory = project.peopleDirectory();
    const person = directory?.resolve(filter.owner);
    out = out.filter((t) => t.owner.toLowerCase() === who || (!!person && directory!.resolve(t.owner) === person));
  }
  if (filter.withinDays !== undefined) {
    const limit = toIso(addDays(project.today, filter.withinDays));
    out = out.filter((t) => t.overdue || t.due <= limit);
  }
  return out;
}

/** People in the roster who are still here, for the editor's "my tasks" and for briefings. */
export function activePeople(directory: PeopleDirectory, today: Date): Person[] {
  return directory.people.filter((p) => isActive(p, today));
}
