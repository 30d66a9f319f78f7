import type { Control, Diagnostic, Policy, Risk } from '../engine/model';
import type { ProjectView } from '../engine/check-api';
import type { Person } from '../engine/people-model';
import { PeopleDirectory } from '../engine/people-directory';
import { computeTasks, type Task } from './tasks';

/** What the auditor asks to see for a control, by frequency: the sampling an owner should expect. As data. */
export const AUDITOR_ASKS: Readonly<Record<string, string>> = {
  continuous: 'the configuration that keeps it running, and logs or alerts showing it worked throughout the period',
  daily: 'the records of a sample of days spread over the period (often around 25)',
  weekly: 'the records of a sample of weeks spread over the period (often 5 to 15)',
  monthly: 'the records of a few sampled months (often 2 to 5), with who did it and when',
  quarterly: 'the records of sampled quarters (often 2), with who signed off',
  semiannual: 'the record of each occurrence in the period',
  annual: 'the record of the occurrence in the period, with its date and approver',
  'on-event': 'the complete list of events in the period (hires, leavers, changes, incidents), then the records of a sample of them',
};
const NO_FREQUENCY = 'how the control operates and a record showing it did, since no frequency is set';

/** The days of tasks a briefing looks ahead. */
export const BRIEF_HORIZON_DAYS = 90;

export interface ControlBrief {
  control: Control;
  criteria: { id: string; summary?: string }[];
  expectedEvidence: string[];
  newestEvidence?: { date: string; file?: string };
  auditorAsks: string;
  findings: Diagnostic[];
}

export interface OwnerBrief {
  owner: string;
  person?: Person;
  controls: ControlBrief[];
  policies: Policy[];
  risks: Risk[];
  tasks: Task[];
  /** Findings on the owner's policies and risks. */
  otherFindings: Diagnostic[];
}

/** Whether an owner value names the same owner: as written (any case), or through the roster to one person. */
export function ownerMatcher(project: ProjectView, who: string): (owner: string | undefined) => boolean {
  const directory = project.peopleDirectory();
  const person = directory?.resolve(who);
  const w = who.trim().toLowerCase();
  return (owner) => !!owner && (owner.trim().toLowerCase() === w || (!!person && directory!.resolve(owner) === person));
}

const within = (d: Diagnostic, r: { start: { line: number }; end: { line: number } }) => d.range.start.line >= r.start.line && d.range.start.line <= r.end.line;

/** One owner's briefing before fieldwork: what they own, what the auditor will ask, what is open, what is due. */
export function ownerBrief(project: ProjectView, who: string, diagnostics: readonly Diagnostic[]): OwnerBrief {
  const mine = ownerMatcher(project, who);
  const person = project.peopleDirectory()?.resolve(who);
  const controls = [...project.allControls()].filter((c) => mine(c.owner?.value)).sort((a, b) => a.id.localeCompare(b.id));
  const policies = [...project.allPolicies()].filter((p) => mine(p.owner?.value)).sort((a, b) => a.id.localeCompare(b.id));
  const risks = [...project.allRisks()].filter((r) => mine(r.owner?.value)).sort((a, b) => a.id.localeCompare(b.id));
  const tasks = computeTasks(project, { owner: who, withinDays: BRIEF_HORIZON_DAYS });
  return {
    owner: person ? PeopleDirectory.label(person) : who,
    person,
    controls: controls.map((c) => {
      const occurrences = project.evidenceOf(c).occurrences;
      const newest = occurrences.reduce<(typeof occurrences)[number] | undefined>((n, o) => (!n || o.date > n.date ? o : n), undefined);
      return {
        control: c,
        criteria: c.criteria.map((k) => ({ id: k.value, summary: project.catalog.get(k.value)?.summary })),
        expectedEvidence: c.evidence.map((e) => [e.name, e.path ? `under ${project.config.paths.evidence}/${e.path.value}` : e.collected.length ? `${e.collected.length} recorded date${e.collected.length === 1 ? '' : 's'}` : undefined].filter(Boolean).join(', ')),
        newestEvidence: newest ? { date: newest.date, file: newest.file } : undefined,
        auditorAsks: AUDITOR_ASKS[c.frequency?.value ?? ''] ?? NO_FREQUENCY,
        findings: diagnostics.filter((d) => d.file === c.file && within(d, c.range)),
      };
    }),
    policies,
    risks,
    tasks,
    otherFindings: diagnostics.filter((d) => policies.some((p) => p.file === d.file) || risks.some((r) => r.file === d.file && within(d, r.range))),
  };
}

/** Every distinct owner of the repo (roster people they resolve to count once), for `--all`. */
export function allOwners(project: ProjectView): string[] {
  const directory = project.peopleDirectory();
  const seen = new Map<string, string>();
  const add = (o: string | undefined) => {
    if (!o?.trim()) return;
    const p = directory?.resolve(o);
    const key = p ? `person:${p.id}` : o.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, p?.email ?? p?.id ?? o.trim());
  };
  for (const c of project.allControls()) add(c.owner?.value);
  for (const p of project.allPolicies()) add(p.owner?.value);
  for (const r of project.allRisks()) add(r.owner?.value);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
