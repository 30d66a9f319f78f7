import type { FrameworkReadiness } from '../engine/framework-readiness';
import { escapeMarkdown as md } from './summary-text';
import { escapeHtml as e } from './summary-html';

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
