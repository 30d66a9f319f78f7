/**
 * The vendor table and CUECs of the readiness summary webview. Pure, like summary-html.ts: every value
 * from the repository is escaped, and each vendor id is a button that opens its register entry.
 */
import type { RootSummary } from '../../server/src/lsp/protocol';
import type { VendorRow } from '../../server/src/engine/register-summary';

type Link = (root: string, file: string, line: number, text: string) => string;
type Escape = (v: unknown) => string;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function assurance(v: VendorRow): string {
  const a = v.assurance;
  const type = str(a?.type);
  if (!type || type === 'none') return 'none';
  const to = str(a?.periodEnd) ? ` to ${str(a?.periodEnd)}` : str(a?.received) ? ` received ${str(a?.received)}` : '';
  return `${type}${to}${str(a?.bridgeLetterUntil) ? `, bridge to ${str(a?.bridgeLetterUntil)}` : ''}`;
}

export function renderVendors(r: RootSummary, link: Link, e: Escape, max: number): string {
  const rows = Array.isArray(r.summary.vendors) ? r.summary.vendors : [];
  const cuecs = Array.isArray(r.summary.cuecs) ? r.summary.cuecs : [];
  const subs = rows.filter((v) => v.subservice === 'carve-out' || v.subservice === 'inclusive').length;
  const head = `<h2>Vendors (${rows.length})</h2><p class="muted">The vendor register: ${subs} subservice organisation${subs === 1 ? '' : 's'}; assurance on file, next review and the findings on each.</p>`;
  const parts = [head];
  if (!rows.length) parts.push('<p>No vendors are recorded in the vendor register.</p>');
  else {
    const body = rows.slice(0, max).map((v) => {
      const problems = Array.isArray(v.problems) ? v.problems.map(str) : [];
      const state = problems.length ? `<span class="status-gap">${e(problems.join(', '))}</span>` : '<span class="status-ok">in order</span>';
      const id = link(r.root, str(v.file), typeof v.line === 'number' ? v.line : 1, e(str(v.id)));
      return `<tr><td>${id}</td><td>${e(str(v.name))}</td><td>${e(str(v.criticality) || '—')}</td><td>${e(str(v.subservice) || '—')}</td><td>${e(assurance(v))}</td><td>${e(str(v.nextReview) || '—')}</td><td>${state}</td></tr>`;
    });
    parts.push('<table class="vendors">', '<thead><tr><th>Vendor</th><th>Name</th><th>Criticality</th><th>Subservice</th><th>Assurance</th><th>Next review</th><th>Problems</th></tr></thead>', `<tbody>${body.join('')}</tbody>`, '</table>');
  }
  if (cuecs.length) {
    parts.push(`<h3>Complementary user entity controls (${cuecs.length})</h3>`, `<ul>${cuecs.slice(0, max).map((c) => `<li>${str(c.id) ? `<strong>${e(str(c.id))}</strong> ` : ''}${e(str(c.description))}${Array.isArray(c.criteria) && c.criteria.length ? ` <span class="muted">(${e(c.criteria.map(str).join(', '))})</span>` : ''}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}
