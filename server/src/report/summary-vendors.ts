import type { ReadinessSummary } from '../engine/summary';
import { escapeHtml } from './summary-html';
import { escapeMarkdown } from './summary-text';
import { ASSURANCE_LABEL } from '../catalog/vendor-vocabulary';
import type { VendorRow } from '../engine/register-summary';

/** Assurance as a reader says it: "SOC 2 Type 2 to 2026-03-31, bridge to 2026-06-30". */
export function assuranceText(v: VendorRow): string {
  const a = v.assurance;
  if (!a?.type || a.type === 'none') return 'none';
  const to = a.periodEnd ? ` to ${a.periodEnd}` : a.received ? ` received ${a.received}` : '';
  return `${ASSURANCE_LABEL.get(a.type) ?? a.type}${to}${a.bridgeLetterUntil ? `, bridge to ${a.bridgeLetterUntil}` : ''}`;
}

function pad(s: string | number, n: number): string { const t = String(s); return t + ' '.repeat(Math.max(0, n - t.length)); }

export function vendorsText(s: ReadinessSummary): string[] {
  const rows = s.vendors ?? [];
  const out: string[] = [''];
  if (!rows.length) out.push('Vendors: none recorded.');
  else {
    const subs = rows.filter((v) => v.subservice === 'carve-out' || v.subservice === 'inclusive').length;
    out.push(`Vendors (${rows.length}; ${subs} subservice organisation${subs === 1 ? '' : 's'}):`);
    const idW = Math.max(4, ...rows.map((v) => v.id.length)) + 2, asW = Math.max(9, ...rows.map((v) => assuranceText(v).length)) + 2;
    out.push(`  ${pad('Id', idW)}${pad('Criticality', 13)}${pad('Subservice', 12)}${pad('Assurance', asW)}${pad('Next review', 13)}Problems`);
    for (const v of rows) out.push(`  ${pad(v.id, idW)}${pad(v.criticality ?? '—', 13)}${pad(v.subservice ?? '—', 12)}${pad(assuranceText(v), asW)}${pad(v.nextReview ?? '—', 13)}${v.problems.join(', ') || 'none'}`);
  }
  const cuecs = s.cuecs ?? [];
  if (cuecs.length) {
    out.push('', `Complementary user entity controls (${cuecs.length}):`);
    for (const c of cuecs) out.push(`  ${c.id ? `${c.id}: ` : ''}${c.description ?? '—'}${c.criteria.length ? ` [${c.criteria.join(', ')}]` : ''}`);
  }
  return out;
}

export function vendorsMarkdown(s: ReadinessSummary): string[] {
  const md = escapeMarkdown;
  const rows = s.vendors ?? [];
  const out = ['', '## Vendors', ''];
  if (!rows.length) out.push('No vendors are recorded in the vendor register.');
  else out.push('| Vendor | Name | Criticality | Subservice | Assurance | Next review | Problems |', '|---|---|---|---|---|---|---|');
  for (const v of rows) out.push(`| ${md(v.id)} | ${md(v.name ?? '')} | ${md(v.criticality ?? '')} | ${md(v.subservice ?? '')} | ${md(assuranceText(v))} | ${v.nextReview ?? ''} | ${v.problems.join(', ') || 'none'} |`);
  const cuecs = s.cuecs ?? [];
  if (cuecs.length) {
    out.push('', '## Complementary user entity controls', '');
    for (const c of cuecs) out.push(`- ${c.id ? `**${md(c.id)}** ` : ''}${md(c.description ?? '')}${c.criteria.length ? ` (${c.criteria.map(md).join(', ')})` : ''}`);
  }
  return out;
}

export function vendorsHtml(s: ReadinessSummary): string {
  const e = escapeHtml;
  const rows = s.vendors ?? [];
  const cuecs = s.cuecs ?? [];
  const cuecHtml = cuecs.length ? `<h3>Complementary user entity controls</h3><ul>${cuecs.map((c) => `<li>${c.id ? `<strong>${e(c.id)}</strong> ` : ''}${e(c.description ?? '')}${c.criteria.length ? ` <span class="sub">(${e(c.criteria.join(', '))})</span>` : ''}</li>`).join('')}</ul>` : '';
  if (!rows.length) return `<section><h2>Vendors</h2><p>No vendors are recorded in the vendor register.</p>${cuecHtml}</section>`;
  const body = rows.map((v) => {
    const state = v.problems.length ? `<span class="bad">${e(v.problems.join(', '))}</span>` : '<span class="ok">in order</span>';
    return `<tr><td>${e(v.id)}</td><td>${e(v.name ?? '')}</td><td>${e(v.criticality ?? '—')}</td><td>${e(v.subservice ?? '—')}</td><td>${e(assuranceText(v))}</td><td class="d">${e(v.nextReview ?? '—')}</td><td>${state}</td></tr>`;
  });
  return `<section><h2>Vendors</h2><table><thead><tr><th>Vendor</th><th>Name</th><th>Criticality</th><th>Subservice</th><th>Assurance</th><th>Next review</th><th>Problems</th></tr></thead><tbody>${body.join('')}</tbody></table>${cuecHtml}</section>`;
}
