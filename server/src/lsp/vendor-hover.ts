import { daysBetween, parseIsoDate, toIso } from '../engine/dates';
import type { Project } from '../engine/project';
import { describeAge, reviewDueDate } from '../engine/review';
import type { Vendor } from '../engine/register-model';
import { formatIntervals, hasAssurance, isCarveOut, staleness, type2Coverage, uncovered } from '../vendors/assurance';
import { ASSURANCE_LABEL } from '../catalog/vendor-vocabulary';
import { field, md } from './markdown';

/** Hover on a vendor id: who they are, whether our report relies on them, and the state of their assurance. */
export function vendorHover(project: Project, id: string): string | undefined {
  const vendors = project.register.vendors(id);
  if (!vendors.length) return undefined;
  return vendors.map((v) => oneVendor(project, v)).join('\n\n---\n\n');
}

function oneVendor(project: Project, v: Vendor): string {
  const monitors = [...new Set([...v.monitoredBy.map((m) => m.value).filter((c) => project.controls(c).length), ...project.register.controlsNaming(v.id).map((c) => c.id)])].sort();
  const lines = [
    `**${md(v.id)}**${v.name ? ` ${md(v.name)}` : ''}`,
    '',
    `Vendor in ${md(v.file)}${v.service ? `: ${md(v.service)}` : ''}`,
    '',
    field('Owner', v.owner ? md(v.owner.value) : 'none'),
    field('Criticality', v.criticality ? md(v.criticality.value) : 'not set'),
    field('Subservice organisation', v.subservice ? md(v.subservice.value) : 'not set'),
    field('Assurance', assuranceStatus(project, v)),
  ];
  const coverage = periodCoverage(project, v);
  if (coverage) lines.push(field('Observation period', coverage));
  if (v.subservice && v.subservice.value !== 'no') lines.push(field('CSOCs', v.csocs.length ? String(v.csocs.length) : 'none'));
  lines.push(field('Reviewed by controls', monitors.length ? monitors.map(md).join(', ') : 'none'));
  lines.push(field('Last review', review(project, v)));
  return lines.join('\n');
}

/** "SOC 2 Type 2, 2025-10-01 to 2026-09-30: current until 2027-09-30" or why it is not. */
export function assuranceStatus(project: Project, v: Vendor): string {
  if (!hasAssurance(v)) return 'none on file';
  const a = v.assurance!;
  const type = ASSURANCE_LABEL.get(a.type!.value) ?? a.type!.value;
  const span = a.periodStart && a.periodEnd ? `, ${a.periodStart.value} to ${a.periodEnd.value}` : a.periodEnd ? `, as of ${a.periodEnd.value}` : a.received ? `, received ${a.received.value}` : '';
  const bridge = a.bridgeLetterUntil ? `; bridge letter to ${a.bridgeLetterUntil.value}` : '';
  const stale = staleness(v, project.today);
  const end = parseIsoDate(a.periodEnd?.value ?? a.received?.value);
  const state = stale ? `**out of date** since ${toIso(stale.freshUntil)} (${daysBetween(stale.freshUntil, project.today)} days)`
    : end ? 'current' : 'no date recorded';
  return `${md(type)}${md(span)}${md(bridge)}: ${state}`;
}

/** For a carve-out in a Type 2 report: which days of our observation period (through today) its report covers. */
function periodCoverage(project: Project, v: Vendor): string | undefined {
  const cfg = project.config;
  const start = parseIsoDate(cfg.period?.start.value), end = parseIsoDate(cfg.period?.end.value);
  if (cfg.reportType !== 2 || !start || !end || !isCarveOut(v) || !hasAssurance(v) || start > project.today) return undefined;
  const window = { start, end: end < project.today ? end : project.today };
  const covered = v.assurance!.type!.value === 'soc2-type2' ? type2Coverage(v) : [];
  if (!covered) return 'cannot be judged (no report period)';
  const gaps = uncovered(window, covered);
  return gaps.length ? `uncovered ${md(formatIntervals(gaps))}` : 'covered';
}

function review(project: Project, v: Vendor): string {
  const last = v.lastReviewed?.value;
  if (!last) return 'never recorded';
  const due = reviewDueDate(last, v.reviewCycle?.value, project.config.defaultCycle);
  if (!due) return md(last);
  return `${md(last)} (next due ${toIso(due)}${due < project.today ? `, overdue by ${describeAge(due, project.today)}` : ''})`;
}
