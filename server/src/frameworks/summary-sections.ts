import type { FrameworkReadiness } from './readiness';
import type { CrosswalkEstimate } from './crosswalk';
import { escapeMarkdown as md } from '../report/summary-text';
import { escapeHtml as e } from '../report/summary-html';

/** The per-framework lines of `soc2 summary` (text): SOC 2 stays first, these follow it. */
export function frameworksText(list: readonly FrameworkReadiness[] | undefined): string[] {
  if (!list?.length) return [];
  const w = Math.max(10, ...list.map((f) => f.name.length)) + 2;
  const out = ['Other frameworks in scope:', `  ${'Framework'.padEnd(w)}${'Readiness'.padEnd(11)}${'Reqs'.padEnd(6)}${'Covered'.padEnd(9)}${'Partial'.padEnd(9)}${'Gap'.padEnd(5)}Excluded`];
  for (const f of list) out.push(`  ${f.name.padEnd(w)}${`${f.readiness}%`.padEnd(11)}${String(f.requirements).padEnd(6)}${String(f.covered).padEnd(9)}${String(f.partial).padEnd(9)}${String(f.gap).padEnd(5)}${f.excluded}`);
  out.push('');
  return out;
}

export function frameworksMarkdown(list: readonly FrameworkReadiness[] | undefined): string[] {
  if (!list?.length) return [];
  const out = ['', '## Other frameworks', '', '| Framework | Readiness | Requirements | Covered | Partial | Gap | Excluded |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const f of list) out.push(`| ${md(f.name)} (\`${md(f.id)}\`) | ${f.readiness}% | ${f.requirements} | ${f.covered} | ${f.partial} | ${f.gap} | ${f.excluded} |`);
  for (const f of list) {
    const gaps = f.rows.filter((r) => r.status === 'gap');
    out.push('', `### ${md(f.name)}: ${gaps.length ? `${gaps.length} requirement(s) without a control` : 'every applicable requirement has a control'}`, '');
    for (const r of gaps) out.push(`- **${md(r.id)}** ${md(r.title)}`);
  }
  return out;
}

/** `"frameworks":[{"id","name","requirements","covered","partial","gap","excluded","readiness"}]` */
export function frameworksJson(list: readonly FrameworkReadiness[] | undefined): object[] {
  return (list ?? []).map(({ id, name, requirements, covered, partial, gap, excluded, readiness }) => ({ id, name, requirements, covered, partial, gap, excluded, readiness }));
}

export function frameworksHtml(list: readonly FrameworkReadiness[] | undefined): string {
  if (!list?.length) return '';
  const sections = list.map((f) => {
    const cells = f.rows.map((r) => `<div class="cell ${e(r.status)}" title="${e(`${r.id} ${r.title}: ${r.status}${r.controls.length ? ` (${r.controls.map((c) => c.id).join(', ')})` : ''}`)}">${e(r.id)}<small>${e(r.status)}</small></div>`);
    return `<section aria-label="${e(f.name)}"><h2>${e(f.name)}: ${e(f.readiness)}%</h2><div class="sub">${f.covered} covered, ${f.partial} partial, ${f.gap} gap, ${f.excluded} excluded of ${f.requirements} requirements</div><div class="grid">${cells.join('')}</div></section>`;
  });
  return sections.join('\n');
}

const CROSSWALK_LABEL = { mapped: 'mapped directly', likely: 'probably addressed', planned: 'only planned', none: 'nothing yet' } as const;

export function crosswalkText(x: CrosswalkEstimate): string {
  const out = [
    `How far ${x.name} is from here (estimate through the TSC crosswalk; our judgement, not an auditor's):`,
    `  ${x.counts.mapped} mapped directly, ${x.counts.likely} probably addressed by controls of paired criteria, ${x.counts.planned} only planned, ${x.counts.none} with nothing yet (of ${x.rows.length}).`,
    '',
  ];
  for (const status of ['none', 'planned', 'likely', 'mapped'] as const) {
    const rows = x.rows.filter((r) => r.status === status);
    if (!rows.length) continue;
    out.push(`${CROSSWALK_LABEL[status][0]!.toUpperCase()}${CROSSWALK_LABEL[status].slice(1)} (${rows.length}):`);
    for (const r of rows) {
      const via = r.via.filter((v) => v.controls.length).map((v) => `${v.criterion}: ${v.controls.join(', ')}`).join('; ');
      const detail = status === 'mapped' ? r.direct.join(', ') : via || (r.via.length ? `paired with ${r.via.map((v) => v.criterion).join(', ')}` : 'no paired criterion');
      out.push(`  ${r.id.padEnd(9)}${r.title} — ${detail}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function crosswalkMarkdown(x: CrosswalkEstimate): string {
  const out = [`# How far ${md(x.name)} is from here`, '', `Estimate through the TSC crosswalk (our judgement, not an auditor's): ${x.counts.mapped} mapped directly, ${x.counts.likely} probably addressed, ${x.counts.planned} only planned, ${x.counts.none} with nothing yet.`, '', '| Requirement | Title | Estimate | Through |', '|---|---|---|---|'];
  for (const r of x.rows) out.push(`| ${md(r.id)} | ${md(r.title)} | ${CROSSWALK_LABEL[r.status]} | ${r.status === 'mapped' ? r.direct.map(md).join(', ') : r.via.map((v) => `${md(v.criterion)}${v.controls.length ? ` (${v.controls.map(md).join(', ')})` : ''}`).join('; ')} |`);
  return out.join('\n') + '\n';
}

export function crosswalkJson(x: CrosswalkEstimate): object {
  return { framework: x.framework, name: x.name, counts: x.counts, requirements: x.rows.map((r) => ({ id: r.id, status: r.status, direct: r.direct, via: r.via.map((v) => ({ criterion: v.criterion, controls: v.controls })) })) };
}
