import type { ProjectView } from '../engine/check-api';
import { toCsv } from '../report/evidence-csv';
import { escapeMarkdown as md } from '../report/summary-text';
import { escapeHtml as e } from '../report/summary-html';
import { SELF_CONTAINED_CSP } from '../util/html';
import { frameworkReadiness, type RequirementRow } from '../engine/framework-readiness';
import type { RequirementFramework } from '../catalog/framework-types';

export const SOA_COLUMNS = ['requirement', 'title', 'theme', 'applicable', 'justification', 'status', 'controls', 'control_status', 'owners', 'policies'] as const;

export interface SoaRow {
  requirement: string; title: string; theme: string;
  applicable: boolean;
  /** Excluded: the reason from soc2.yaml. Applicable: which controls implement it, or that none do yet. */
  justification: string;
  status: RequirementRow['status'];
  controls: { id: string; status?: string; owner?: string }[];
  policies: string[];
}

export interface Soa {
  framework: RequirementFramework;
  organization?: string;
  today: string;
  inScope: boolean;
  rows: SoaRow[];
}

/**
 * The Statement of Applicability: one row per requirement (for ISO 27001, per Annex A control), applicable
 * or excluded with its justification, the controls that implement it with status and owner, and the policies.
 */
export function buildSoa(project: ProjectView, framework: RequirementFramework, today: string): Soa {
  const scope = project.config.frameworks.find((s) => s.id.value === framework.id);
  const readiness = frameworkReadiness(project, framework, scope);
  const groups = new Map(framework.groups.map((g) => [g.id, g.name]));
  const rows = readiness.rows.map((r): SoaRow => {
    const applicable = r.status !== 'excluded';
    return {
      requirement: r.id, title: r.title, theme: groups.get(r.group) ?? r.group, applicable,
      justification: !applicable ? (r.exclusionReason || 'No reason given (exclusion-without-reason).')
        : r.status === 'covered' ? `Implemented through ${r.controls.filter((c) => c.status === 'implemented').map((c) => c.id).join(', ')}.`
          : r.status === 'partial' ? `Applicable; partly implemented through ${r.controls.filter((c) => c.status === 'partial').map((c) => c.id).join(', ')}.`
            : r.planned?.length ? `Applicable; only planned so far: ${r.planned.join(', ')}.` : 'Applicable; no control implements it yet.',
      status: r.status, controls: r.controls, policies: r.policies,
    };
  });
  return { framework, organization: project.config.organization, today, inScope: !!scope, rows };
}

export function soaCsv(soa: Soa): string {
  return toCsv([[...SOA_COLUMNS], ...soa.rows.map((r) => [
    r.requirement, r.title, r.theme, r.applicable ? 'yes' : 'no', r.justification, r.status,
    r.controls.map((c) => c.id).join('; '), r.controls.map((c) => `${c.id}: ${c.status ?? 'unspecified'}`).join('; '),
    [...new Set(r.controls.map((c) => c.owner).filter((o): o is string => !!o))].join('; '), r.policies.join('; '),
  ])]);
}

function heading(soa: Soa): string {
  return `${soa.organization ?? 'Organisation'}: Statement of Applicability, ${soa.framework.name}, as of ${soa.today}`;
}

function counts(soa: Soa): string {
  const applicable = soa.rows.filter((r) => r.applicable).length;
  const implemented = soa.rows.filter((r) => r.status === 'covered').length;
  return `${soa.rows.length} requirements: ${applicable} applicable (${implemented} with an implemented control), ${soa.rows.length - applicable} excluded.`;
}

export function soaMarkdown(soa: Soa): string {
  const out = [`# ${md(heading(soa))}`, '', counts(soa), ''];
  if (!soa.inScope) out.push(`> ${md(soa.framework.id)} is not listed under \`frameworks:\` in soc2.yaml, so nothing is excluded.`, '');
  out.push('| Requirement | Title | Applicable | Justification | Controls (status, owner) | Policies |', '|---|---|---|---|---|---|');
  for (const r of soa.rows) {
    out.push(`| ${md(r.requirement)} | ${md(r.title)} | ${r.applicable ? 'yes' : 'no'} | ${md(r.justification)} | ${r.controls.map((c) => `${md(c.id)} (${md(c.status ?? 'unspecified')}${c.owner ? `, ${md(c.owner)}` : ''})`).join('<br>')} | ${r.policies.map(md).join(', ')} |`);
  }
  return out.join('\n') + '\n';
}

export function soaHtml(soa: Soa, options: { version?: string } = {}): string {
  const rows = soa.rows.map((r) => `<tr class="${r.applicable ? '' : 'excl'}"><td>${e(r.requirement)}</td><td>${e(r.title)}</td><td>${e(r.theme)}</td><td>${r.applicable ? 'Yes' : 'No'}</td><td>${e(r.justification)}</td><td>${r.controls.map((c) => `${e(c.id)} <small>${e(c.status ?? 'unspecified')}${c.owner ? `, ${e(c.owner)}` : ''}</small>`).join('<br>')}</td><td>${r.policies.map(e).join(', ')}</td></tr>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SELF_CONTAINED_CSP}">
<meta name="referrer" content="no-referrer">
<title>${e(heading(soa))}</title>
<style>body{font:13px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9dde3;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eef0f3}tr.excl td{background:#f3f4f6;color:#5b6473}small{color:#5b6473}</style>
</head>
<body>
<h1>${e(heading(soa))}</h1>
<p>${e(counts(soa))}</p>
<table><thead><tr><th>Requirement</th><th>Title</th><th>Theme</th><th>Applicable</th><th>Justification</th><th>Controls</th><th>Policies</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<footer><small>Generated by soc2${options.version ? ` ${e(options.version)}` : ''}. Titles are short paraphrases; see the standard for the requirement text.</small></footer>
</body>
</html>
`;
}
