import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Control, Policy, Risk } from '../engine/model';
import type { Project } from '../engine/project';
import { daysBetween, parseIsoDate, toIso } from '../engine/dates';
import { describeAge, reviewDueDate } from '../engine/review';
import { creditOf, criterionStatus, type Credit } from '../engine/summary';
import type { FeatureContext } from './feature-context';
import { controlIdsOfPolicy, controlsMapping, policiesMapping, policyIdsOfControl, risksMapping, riskScore, risksOfControl, targetAt } from './locate';
import { field, md } from './markdown';
import { vendorHover } from './vendor-hover';

/**
 * Hover: what a criterion asks and how it is covered; who owns a control, policy or risk and how current it
 * is; a risk's score, treatment and the state of the controls that reduce it.
 */
export function hover(ctx: FeatureContext, position: Position): Hover | null {
  const target = targetAt(ctx, position);
  if (!target) return null;
  let value: string | undefined;
  if (target.kind === 'criterion') value = criterionHover(ctx.project, target.id);
  else if (target.kind === 'control') value = controlHover(ctx.project, target.id);
  else if (target.kind === 'policy') value = policyHover(ctx.project, target.id);
  else if (target.kind === 'vendor') value = vendorHover(ctx.project, target.id);
  else value = riskHover(ctx.project, target.id);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: target.range } : null;
}

export function criterionHover(project: Project, id: string): string | undefined {
  const criterion = project.catalog.get(id);
  if (!criterion) return undefined;
  const category = project.catalog.framework.categories.find((c) => c.id === criterion.category);
  const controls = [...new Map(controlsMapping(project, id).map((m) => [m.control.id, m.control])).values()];
  const policies = [...new Set(policiesMapping(project, id).map((m) => m.policy.id))];
  const risks = [...new Set(risksMapping(project, id).map((m) => m.risk.id))].sort();
  const count = (credit: Credit) => controls.filter((c) => creditOf(c.status?.value) === credit);
  const status = criterionStatus(project.inScope(criterion.category), project.isExcluded(id), count('implemented').length, count('partial').length);
  const planned = status === 'gap' || status === 'partial' ? count('planned').map((c) => c.id) : [];
  const exclusion = project.config.exclusions.find((e) => e.criterion.value === id);
  const lines = [
    `**${md(criterion.id)}** · ${md(category?.name ?? criterion.category)} · ${md(criterion.series)} ${md(criterion.seriesName)}`,
    '',
    md(criterion.summary),
    '',
    field('Coverage', `${status}${status === 'excluded' && exclusion?.reason ? ` (${md(exclusion.reason)})` : ''}${planned.length ? ` (planned: ${planned.map(md).join(', ')})` : ''}`),
    field('Controls', controls.length ? controls.map((c) => `${md(c.id)} (${md(c.status?.value ?? 'no status')})`).join(', ') : 'none'),
    field('Policies', policies.length ? policies.map(md).join(', ') : 'none'),
  ];
  // Only where a risk register names it, so repos without one see no empty line.
  if (risks.length) lines.push(field('Risks', risks.map(md).join(', ')));
  return lines.join('\n');
}

function controlHover(project: Project, id: string): string | undefined {
  const controls = project.controls(id);
  if (!controls.length) return undefined;
  return controls.map((c) => oneControl(project, c)).join('\n\n---\n\n');
}

function oneControl(project: Project, c: Control): string {
  const evidence = project.evidenceOf(c);
  const newest = evidence.occurrences[evidence.occurrences.length - 1];
  const policies = policyIdsOfControl(project, c);
  const lines = [
    `**${md(c.id)}**${c.title ? ` ${md(c.title)}` : ''}`,
    '',
    `Control in ${md(c.file)}`,
    '',
    field('Owner', c.owner ? md(c.owner.value) : 'none'),
    field('Frequency', c.frequency ? md(c.frequency.value) : 'not set'),
    field('Status', c.status ? md(c.status.value) : 'not set'),
    field('Last review', review(project, c.lastReviewed?.value, c.reviewCycle?.value)),
    field('Newest evidence', newest ? `${newest.date} (${evidenceAge(project, newest.date)})` : 'none'),
    field('Criteria', c.criteria.length ? c.criteria.map((x) => md(x.value)).join(', ') : 'none'),
    field('Policies', policies.length ? policies.map(md).join(', ') : 'none'),
  ];
  if (evidence.missingPaths.length) lines.push(field('Evidence not found', evidence.missingPaths.map((p) => md(p.value)).join(', ')));
  const risks = risksOfControl(project, c.id);
  if (risks.length) lines.push(field('Mitigates risks', risks.map((r) => { const { score } = riskScore(r); return `${md(r.id)}${score ? ` (score ${score})` : ''}`; }).join(', ')));
  return lines.join('\n');
}

function policyHover(project: Project, id: string): string | undefined {
  const policies = project.policies(id);
  if (!policies.length) return undefined;
  return policies.map((p) => onePolicy(project, p)).join('\n\n---\n\n');
}

function onePolicy(project: Project, p: Policy): string {
  const controls = controlIdsOfPolicy(project, p);
  const lines = [
    `**${md(p.id)}**${p.title ? ` ${md(p.title.value)}` : ''}`,
    '',
    `Policy in ${md(p.file)}`,
    '',
    field('Owner', p.owner ? md(p.owner.value) : 'none'),
    ...(p.approver ? [field('Approver', md(p.approver.value))] : []),
    ...(p.version ? [field('Version', md(p.version.value))] : []),
    field('Review cycle', md(String(p.reviewCycle?.value ?? project.config.defaultCycle))),
    field('Last review', review(project, p.lastReviewed?.value, p.reviewCycle?.value)),
    field('Controls', controls.length ? controls.map((c) => `${md(c)} (${md(project.controls(c)[0]?.status?.value ?? 'no status')})`).join(', ') : 'none'),
    field('Criteria', p.criteria.length ? p.criteria.map((x) => md(x.value)).join(', ') : 'none'),
  ];
  return lines.join('\n');
}

function riskHover(project: Project, id: string): string | undefined {
  const risks = project.risks(id);
  if (!risks.length) return undefined;
  return risks.map((r) => oneRisk(project, r)).join('\n\n---\n\n');
}

function oneRisk(project: Project, r: Risk): string {
  const { score, ratings } = riskScore(r);
  const lines = [
    `**${md(r.id)}**${r.title ? ` ${md(r.title)}` : ''}`,
    '',
    `Risk in ${md(r.file)}`,
    '',
    ...(r.description?.trim() ? [md(r.description), ''] : []),
    field('Owner', r.owner ? md(r.owner.value) : 'none'),
    field('Score', `${score ?? 'not scored'} ${ratings}`),
    field('Treatment', r.treatment ? md(r.treatment.value) : 'not decided'),
    field('Controls', r.controls.length ? r.controls.map((c) => `${md(c.value)} (${md(controlState(project, c.value))})`).join(', ') : 'none'),
    field('Criteria', r.criteria.length ? r.criteria.map((x) => md(x.value)).join(', ') : 'none'),
    field('Last review', review(project, r.lastReviewed?.value, r.reviewCycle?.value)),
  ];
  return lines.join('\n');
}

/** A control's status as a hover shows it: `implemented`, `no status`, or `missing` when no control has the id. */
function controlState(project: Project, id: string): string {
  const c = project.controls(id)[0];
  return !c ? 'missing' : c.status?.value ?? 'no status';
}

function review(project: Project, last: string | undefined, cycle: string | number | undefined): string {
  if (!last) return 'never recorded';
  const due = reviewDueDate(last, cycle, project.config.defaultCycle);
  if (!due) return md(last);
  const overdue = due < project.today ? `, overdue by ${describeAge(due, project.today)}` : '';
  return `${md(last)} (next due ${toIso(due)}${overdue})`;
}

/** How old a piece of evidence is as of the project's today: `12 days old`, `today`. */
export function evidenceAge(project: Project, date: string): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  const age = describeAge(d, project.today);
  if (age === 'today') return age;
  return d > project.today ? `dated ${age} ahead` : `${age} old`;
}
