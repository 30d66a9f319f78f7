import type { Project } from '../engine/project';
import type { Policy } from '../engine/model';
import { computeSummary, type ReadinessSummary } from '../engine/summary';
import { reviewDueDate } from '../engine/review';
import { toIso } from '../engine/dates';
import type { RevisionHistory } from './history';
import { policyPageNames } from './names';

/** What the site shows of one policy; every string is still raw repo text, escaped when rendered. */
export interface PolicyEntry {
  policy: Policy;
  id: string;
  title: string;
  file: string;
  page: string;
  text: string;
  version?: string;
  owner?: string;
  approver?: string;
  approvedOn?: string;
  lastReviewed?: string;
  reviewCycle?: string;
  nextReview?: string;
  /** `current`, or every reason it is not: review overdue, changed since approval, not approved. */
  status: PolicyStatus[];
  history?: RevisionHistory;
}

export type PolicyStatus = 'current' | 'review overdue' | 'changed since approval' | 'not approved';

/** Everything the pages are made from. */
export interface SiteData {
  project: Project;
  summary: ReadinessSummary;
  today: string;
  policies: PolicyEntry[];
  /** The repository's HEAD commit, when published from git. */
  commit?: string;
  /** False outside git: revision histories are omitted, and the pages say so. */
  inGit: boolean;
  toolVersion: string;
}

export interface SiteInput {
  project: Project;
  /** Each policy file's text, as published. */
  texts: ReadonlyMap<string, string>;
  /** Revision histories by policy file; undefined outside git. */
  histories?: ReadonlyMap<string, RevisionHistory>;
  commit?: string;
  toolVersion: string;
}

/** Policies in id order (then file), each with its page name, review dates and status. */
export function siteData(input: SiteInput): SiteData {
  const { project } = input;
  const today = toIso(project.today);
  const policies = [...project.allPolicies()]
    .filter((p) => input.texts.has(p.file))
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.file, b.file));
  const pages = policyPageNames(policies.map((p) => p.id));
  const inGit = input.histories !== undefined;
  const entries = policies.map((p, i): PolicyEntry => {
    const due = reviewDueDate(p.lastReviewed?.value, p.reviewCycle?.value, project.config.defaultCycle);
    const change = project.approvalChange(p);
    const status: PolicyStatus[] = [];
    if (due && toIso(due) < today) status.push('review overdue');
    if (change?.changed) status.push('changed since approval');
    if (!p.approvedOn) status.push('not approved');
    const history = input.histories?.get(p.file);
    return {
      policy: p, id: p.id, title: p.title?.value || p.id, file: p.file, page: pages[i], text: input.texts.get(p.file)!,
      version: p.version?.value, owner: p.owner?.value, approver: p.approver?.value, approvedOn: p.approvedOn?.value,
      lastReviewed: p.lastReviewed?.value,
      reviewCycle: p.reviewCycle ? String(p.reviewCycle.value) : undefined,
      nextReview: due ? toIso(due) : undefined,
      status: status.length ? status : ['current'],
      ...(history ? { history } : {}),
    };
  });
  return {
    project, summary: computeSummary(project), today, policies: entries, inGit, toolVersion: input.toolVersion,
    ...(input.commit ? { commit: input.commit } : {}),
  };
}

/** Code-point order: the same on every machine, whatever the locale. */
export function cmp(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }
