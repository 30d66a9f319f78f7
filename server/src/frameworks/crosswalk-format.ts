import type { CrosswalkEstimate } from './crosswalk';
import { escapeMarkdown as md } from '../report/summary-text';

/** `soc2 summary --crosswalk ID` in text, markdown and JSON. */
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
