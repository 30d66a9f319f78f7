import type { ReadinessSummary } from '../engine/summary';
import { vendorsJson } from '../engine/register-summary';
import { vendorsMarkdown, vendorsText } from './summary-vendors';

const STATUS_MARK: Record<string, string> = { covered: '✔', partial: '◐', gap: '✘', excluded: '–', 'out-of-scope': ' ' };

function heading(s: ReadinessSummary): string {
  const type = s.report.type === 2 ? 'Type 2' : 'Type 1';
  const period = s.report.period ? `, observation period ${s.report.period.start} to ${s.report.period.end}` : '';
  return `${s.organization ?? 'SOC 2 program'}: SOC 2 ${type} readiness${period}, as of ${s.today}`;
}

function pad(s: string | number, n: number): string { const t = String(s); return t + ' '.repeat(Math.max(0, n - t.length)); }

export function formatSummaryText(s: ReadinessSummary): string {
  const out: string[] = [];
  const inScope = s.categories.filter((c) => c.inScope);
  const total = inScope.reduce((n, c) => n + c.criteria - c.excluded, 0);
  const sum = (k: 'covered' | 'partial' | 'gap' | 'excluded') => inScope.reduce((n, c) => n + c[k], 0);
  out.push(heading(s), '');
  out.push(`Readiness: ${s.readiness}%  (${sum('covered')} covered, ${sum('partial')} partial, ${sum('gap')} gap of ${total} criteria in scope; ${sum('excluded')} excluded)`);
  out.push(`Program:   ${s.totals.policies} policies, ${s.totals.controls} controls (${Object.entries(s.totals.controlsByStatus).map(([k, v]) => `${v} ${k}`).join(', ')})`, '');
  out.push(`${pad('Category', 22)}${pad('Criteria', 10)}${pad('Covered', 9)}${pad('Partial', 9)}${pad('Gap', 5)}Excluded`);
  for (const c of s.categories) {
    if (!c.inScope) { out.push(`${pad(c.name, 22)}not in scope`); continue; }
    out.push(`${pad(c.name, 22)}${pad(c.criteria, 10)}${pad(c.covered, 9)}${pad(c.partial, 9)}${pad(c.gap, 5)}${c.excluded}`);
  }
  out.push('', 'Criteria in scope:');
  const rows = s.criteria.filter((c) => c.status !== 'out-of-scope');
  for (const c of rows) out.push(`  ${STATUS_MARK[c.status]} ${pad(c.id, 7)}${pad(c.status, 10)}${c.controls.join(', ') || (c.exclusionReason ? `excluded: ${c.exclusionReason}` : '—')}`);
  out.push('', s.gaps.length ? 'Gaps, most urgent first:' : 'Gaps: none.');
  for (const g of s.gaps) out.push(`  ${pad(g.id, 7)}${g.status === 'gap' ? 'no control' : `only partial: ${g.controls.join(', ')}`}${g.planned?.length ? `; planned: ${g.planned.join(', ')}` : ''} — ${g.summary}`);
  out.push(...remediationLines(s));
  const codes = Object.entries(s.counts).sort(([a], [b]) => a.localeCompare(b));
  out.push('', codes.length ? `Findings (${s.severities.error} errors, ${s.severities.warning} warnings, ${s.severities.info} info):` : 'Findings: none.');
  for (const [code, n] of codes) out.push(`  ${pad(n, 5)}${code}`);
  out.push('', 'Owners:');
  for (const o of s.owners) out.push(`  ${o.owner}: ${[...o.controls, ...o.policies].join(', ')}`);
  const risks = s.risks ?? [];
  out.push('', risks.length ? `Risks (${risks.length}, highest score first; score = likelihood × impact):` : 'Risks: none recorded.');
  const idW = Math.max(4, ...risks.map((r) => r.id.length)) + 2, ownerW = Math.max(5, ...risks.map((r) => (r.owner ?? '—').length)) + 2;
  if (risks.length) out.push(`  ${pad('Id', idW)}${pad('Score', 7)}${pad('L×I', 6)}${pad('Treatment', 11)}${pad('Owner', ownerW)}Title`);
  for (const r of risks) {
    out.push(`  ${pad(r.id, idW)}${pad(r.score ?? '—', 7)}${pad(r.likelihood && r.impact ? `${r.likelihood}×${r.impact}` : '—', 6)}${pad(r.treatment ?? '—', 11)}${pad(r.owner ?? '—', ownerW)}${r.title ?? '—'}`);
    out.push(`  ${' '.repeat(idW + 24)}controls: ${r.controls.join(', ') || 'none'}`);
  }
  out.push(...vendorsText(s));
  return out.join('\n') + '\n';
}

/** Markdown, for a pull request comment or a file handed to the auditor. Table cells are escaped. */
export function formatSummaryMarkdown(s: ReadinessSummary): string {
  const out: string[] = [];
  const md = escapeMarkdown;
  out.push(`# ${md(heading(s))}`, '');
  out.push(`**Readiness: ${s.readiness}%** — formula: (covered + ½ × partial) ÷ (in-scope criteria − excluded).`, '');
  out.push('| Category | In scope | Criteria | Covered | Partial | Gap | Excluded |', '|---|---|---:|---:|---:|---:|---:|');
  for (const c of s.categories) out.push(`| ${md(c.name)} | ${c.inScope ? 'yes' : 'no'} | ${c.criteria} | ${c.covered} | ${c.partial} | ${c.gap} | ${c.excluded} |`);
  out.push('', '## Gaps', '');
  if (!s.gaps.length) out.push('None: every in-scope criterion has an implemented control.');
  for (const g of s.gaps) out.push(`- **${g.id}** ${g.status === 'gap' ? 'has no control' : `has only partial controls (${g.controls.map(md).join(', ')})`}${g.planned?.length ? `, planned: ${g.planned.map(md).join(', ')}` : ''}: ${md(g.summary)}`);
  const plan = s.remediation ?? [];
  out.push('', '## Remediation plan', '');
  if (!plan.length) out.push('Nothing to remediate.');
  else out.push('Criteria no control is planned for come first, then the soonest target date.', '', '| Criterion | Status | Planned control | Control status | Owner | Target date | Tracking |', '|---|---|---|---|---|---|---|');
  for (const i of plan) {
    if (!i.steps.length) out.push(`| ${i.criterion} | ${i.status} | **no plan** | | | | |`);
    for (const st of i.steps) out.push(`| ${i.criterion} | ${i.status} | ${md(st.control)} | ${md(st.status)} | ${md(st.owner ?? '')} | ${st.targetDate ?? ''} | ${md(st.tracking ?? '')} |`);
  }
  out.push('', '## Criteria', '', '| Criterion | Status | Controls | Policies |', '|---|---|---|---|');
  for (const c of s.criteria.filter((x) => x.status !== 'out-of-scope')) out.push(`| ${c.id} | ${c.status} | ${c.controls.map(md).join(', ')} | ${c.policies.map(md).join(', ')} |`);
  const section = (title: string, list: ReadinessSummary['findings']['staleReviews']) => {
    out.push('', `## ${title}`, '');
    if (!list.length) out.push('None.');
    for (const d of list) out.push(`- \`${md(d.file)}:${d.range.start.line + 1}\` ${md(d.message)}`);
  };
  section('Reviews', s.findings.staleReviews);
  section('Policy and practice', s.findings.mismatches);
  section('Evidence', s.findings.evidence);
  section('Ownership', s.findings.ownership);
  out.push('', '## Findings by check', '', '| Check | Count |', '|---|---:|');
  for (const [code, n] of Object.entries(s.counts).sort(([a], [b]) => a.localeCompare(b))) out.push(`| \`${code}\` | ${n} |`);
  out.push('', '## Owners', '', '| Owner | Controls | Policies |', '|---|---|---|');
  for (const o of s.owners) out.push(`| ${md(o.owner)} | ${o.controls.map(md).join(', ')} | ${o.policies.map(md).join(', ')} |`);
  out.push('', '## Risks', '');
  const risks = s.risks ?? [];
  if (!risks.length) out.push('No risks are recorded in the risk register.');
  else out.push('Score = likelihood × impact (each 1–5), highest first.', '', '| Risk | Title | Likelihood | Impact | Score | Treatment | Owner | Controls |', '|---|---|---:|---:|---:|---|---|---|');
  for (const r of risks) out.push(`| ${md(r.id)} | ${md(r.title ?? '')} | ${r.likelihood ?? ''} | ${r.impact ?? ''} | ${r.score ?? ''} | ${md(r.treatment ?? '')} | ${md(r.owner ?? '')} | ${r.controls.map(md).join(', ')} |`);
  out.push(...vendorsMarkdown(s));
  return out.join('\n') + '\n';
}

/** Neutralises Markdown and HTML in user text so a title cannot inject links, tables or markup. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]|<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)).replace(/\r?\n/g, ' ');
}

export function summaryJson(s: ReadinessSummary): object {
  return {
    organization: s.organization ?? null,
    today: s.today,
    report: s.report,
    readiness: s.readiness,
    categories: s.categories.map(({ id, name, inScope, criteria, covered, partial, gap, excluded }) => ({ id, name, inScope, criteria, covered, partial, gap, excluded })),
    criteria: s.criteria.map(({ id, category, status, controls, policies }) => ({ id, category, status, controls, policies })),
    counts: s.counts,
    gaps: s.gaps,
    owners: s.owners,
    risks: (s.risks ?? []).map((r) => ({ id: r.id, title: r.title ?? null, owner: r.owner ?? null, likelihood: r.likelihood ?? null, impact: r.impact ?? null, score: r.score ?? null, treatment: r.treatment ?? null, controls: r.controls })),
    riskHeatMap: s.heatMap ?? [],
    vendors: vendorsJson(s.vendors),
    cuecs: (s.cuecs ?? []).map((c) => ({ id: c.id ?? null, description: c.description ?? null, criteria: c.criteria })),
    remediation: (s.remediation ?? []).map((i) => ({ criterion: i.criterion, status: i.status, steps: i.steps.map((st) => ({ control: st.control, status: st.status, owner: st.owner ?? null, targetDate: st.targetDate ?? null, tracking: st.tracking ?? null })) })),
  };
}

/** The remediation plan in the text summary: unplanned gaps first, then by target date. */
function remediationLines(s: ReadinessSummary): string[] {
  const plan = s.remediation ?? [];
  if (!plan.length) return [];
  const out = ['', 'Remediation plan (no plan first, then soonest target):'];
  for (const i of plan) {
    if (!i.steps.length) { out.push(`  ${pad(i.criterion, 7)}${pad(i.status, 8)}no plan`); continue; }
    out.push(`  ${pad(i.criterion, 7)}${pad(i.status, 8)}${i.steps.map((st) => `${st.control} (${st.status}${st.owner ? `, ${st.owner}` : ''}${st.targetDate ? `, by ${st.targetDate}` : ', no date'}${st.tracking ? `, ${st.tracking}` : ''})`).join('; ')}`);
  }
  return out;
}
