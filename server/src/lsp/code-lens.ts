import type { CodeLens } from 'vscode-languageserver';
import type { Control, Policy, Risk } from '../engine/model';
import type { Project } from '../engine/project';
import type { FeatureContext } from './feature-context';
import { controlIdsOfPolicy, plural, policyIdsOfControl, riskScore } from './locate';
import { evidenceAge } from './hover';
import { ServerCommands } from './protocol';
import { describeAge, inDays, reviewDueDate } from '../engine/review';

/**
 * One lens per control, policy and risk (on its id): how it is tied in, how current, how serious.
 * Clicking one opens the readiness summary: with `clientCommand` (the client's own command, given in
 * initializationOptions.revealSummaryCommand), else with the server's command, which every client can run.
 */
export function codeLenses(ctx: FeatureContext, clientCommand?: string): CodeLens[] {
  const model = ctx.project.file(ctx.path);
  if (!model) return [];
  const command = (title: string): CodeLens['command'] => (clientCommand
    ? { title, command: clientCommand }
    : { title, command: ServerCommands.showSummary, arguments: [ctx.document.uri] });
  const lens = (range: CodeLens['range'], title: string): CodeLens => ({ range, command: command(title) });
  const lenses: CodeLens[] = model.controls.map((c) => lens(c.idRange, controlTitle(ctx.project, c)));
  if (model.policy) {
    lenses.push(lens(model.policy.idRange, policyTitle(ctx.project, model.policy)));
    const review = nextReview(ctx.project, model.policy);
    if (review) lenses.push(lens(model.policy.idRange, review));
  }
  for (const r of model.risks ?? []) lenses.push(lens(r.idRange, riskTitle(ctx.project, r)));
  return lenses;
}

/** "next review due in 12 days", "review overdue by 3 days", "next review due today". */
export function nextReview(project: Project, p: Policy): string | undefined {
  const due = reviewDueDate(p.lastReviewed?.value, p.reviewCycle?.value, project.config.defaultCycle);
  if (!due) return undefined;
  if (due < project.today) return `review overdue by ${describeAge(due, project.today)}`;
  const when = inDays(project.today, due);
  return `next review due ${when}`;
}

/** "3 criteria · 2 policies · evidence 12 days old" */
export function controlTitle(project: Project, c: Control): string {
  const occurrences = project.evidenceOf(c).occurrences;
  const newest = occurrences[occurrences.length - 1];
  const age = newest ? evidenceAge(project, newest.date) : undefined;
  const evidence = !newest ? 'no evidence' : age === 'today' ? 'evidence from today' : `evidence ${age}`;
  return [plural(c.criteria.length, 'criterion', 'criteria'), plural(policyIdsOfControl(project, c).length, 'policy', 'policies'), evidence].join(' · ');
}

/** "score 12 (likelihood 3 × impact 4) · 2 controls", with how many of them do not exist. */
export function riskTitle(project: Project, r: Risk): string {
  const ids = [...new Set(r.controls.map((c) => c.value))];
  const missing = ids.filter((id) => !project.controls(id).length).length;
  const controls = ids.length ? `${plural(ids.length, 'control')}${missing ? ` (${missing} missing)` : ''}` : 'no controls';
  const { score, ratings } = riskScore(r);
  return `${score ? `score ${score}` : 'not scored'} ${ratings} · ${controls}`;
}

const STATUS_ORDER = ['implemented', 'partial', 'planned', 'not-applicable', 'no status', 'missing'];

/** "5 controls: 4 implemented, 1 planned · 6 criteria" (criteria the policy or its controls map). */
export function policyTitle(project: Project, p: Policy): string {
  const counts = new Map<string, number>();
  const criteria = new Set(p.criteria.map((c) => c.value));
  const ids = controlIdsOfPolicy(project, p);
  for (const id of ids) {
    const control = project.controls(id)[0];
    const status = !control ? 'missing' : control.status?.value ?? 'no status';
    counts.set(status, (counts.get(status) ?? 0) + 1);
    for (const c of control?.criteria ?? []) criteria.add(c.value);
  }
  const known = [...criteria].filter((c) => project.catalog.get(c)).length;
  const parts = [...counts].sort(([a], [b]) => rank(a) - rank(b)).map(([s, n]) => `${n} ${s}`);
  const controls = ids.length ? `${plural(ids.length, 'control')}: ${parts.join(', ')}` : 'no controls';
  return `${controls} · ${plural(known, 'criterion', 'criteria')}`;
}

function rank(status: string): number {
  const i = STATUS_ORDER.indexOf(status);
  return i < 0 ? STATUS_ORDER.length - 2 : i;
}
