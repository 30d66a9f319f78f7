import { escapeHtml } from './summary-html';
import { SELF_CONTAINED_CSP } from '../util/html';
import { escapeMarkdown } from './summary-text';
import type { DescriptionDraft } from '../description/draft';

const NOTICE = 'Draft generated from the compliance repository for management to edit. It is not the description to issue as is: check every statement, and write what the repository cannot know.';

/** The topics whose content the repository itself supplies, after any prose written for them. */
type Generated = (d: DescriptionDraft) => { paragraphs: string[]; table?: { head: string[]; rows: string[][] } }[];

const GENERATED: Partial<Record<DescriptionDraft['topics'][number]['key'], Generated>> = {
  criteria: (d) => [{
    paragraphs: [`The criteria in scope (${d.boundaries.categories.join(', ')}) and the controls that address them, with their owners.`],
    table: { head: ['Criterion', 'Controls (owner, status)'], rows: d.criteria.map((c) => [`${c.id}: ${c.summary}`, c.controls.map((x) => `${x.id}${x.title ? ` ${x.title}` : ''} (${x.owner ?? 'no owner'}, ${x.status ?? 'no status'})`).join('; ') || 'none']) },
  }],
  cuecs: (d) => [d.cuecs.length
    ? { paragraphs: ['Each customer is expected to operate these controls for ours to achieve their aims.'], table: { head: ['CUEC', 'What the customer does', 'Criteria'], rows: d.cuecs.map((c) => [c.id ?? '', c.description, c.criteria.join(', ')]) } }
    : { paragraphs: ['No complementary user entity controls are listed (front matter `cuecs` of the description).'] }],
  subservice: (d) => [d.subservice.length
    ? { paragraphs: ['The system relies on these subservice organisations. For a carve-out, the controls we expect the organisation to operate (CSOCs) are listed.'],
      table: { head: ['Organisation', 'Service', 'Method', 'Assurance', 'CSOCs (criteria)'], rows: d.subservice.map((v) => [`${v.name ?? v.id} (${v.id})`, v.service ?? '', v.method, v.assurance, v.csocs.map((c) => `${c.description}${c.criteria.length ? ` (${c.criteria.join(', ')})` : ''}`).join('; ') || 'none']) } }
    : { paragraphs: ['The vendor register names no subservice organisation.'] }],
  'not-applicable': (d) => [d.exclusions.length
    ? { paragraphs: ['Criteria excluded in soc2.yaml, with the reason given.'], table: { head: ['Criterion', 'Reason', 'Carved out to'], rows: d.exclusions.map((e) => [e.criterion, e.reason ?? 'no reason given', e.vendor ?? '']) } }
    : { paragraphs: ['soc2.yaml excludes no criterion.'] }],
};

function boundaries(d: DescriptionDraft): string[] {
  const b = d.boundaries;
  return [
    `Report: SOC 2 Type ${b.reportType}${b.period ? `, observation period ${b.period.start} to ${b.period.end}` : ''}.`,
    `Categories in scope: ${b.categories.join(', ')}.`,
  ];
}

export function formatDescriptionMarkdown(d: DescriptionDraft): string {
  const md = escapeMarkdown;
  const out: string[] = [`# ${md(d.organization ?? 'The organisation')}: description of the system`, '', `> ${NOTICE} Generated ${d.today}.`, '', '## Boundaries of the system', ''];
  for (const line of boundaries(d)) out.push(md(line), '');
  const table = (t: { head: string[]; rows: string[][] }) => {
    out.push(`| ${t.head.join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`);
    for (const r of t.rows) out.push(`| ${r.map(md).join(' | ')} |`);
    out.push('');
  };
  for (const t of d.topics) {
    out.push(`## ${t.heading}`, '');
    // The description's prose is management's own Markdown: carried over as written, under its own title.
    for (const p of t.prose) {
      if (p.title !== t.heading) out.push(`### ${md(p.title)}`, '');
      out.push(p.body || '_(empty)_', '');
    }
    const generated = GENERATED[t.key]?.(d) ?? [];
    for (const g of generated) {
      for (const para of g.paragraphs) out.push(md(para), '');
      if (g.table) table(g.table);
    }
    if (!t.prose.length && !generated.length) out.push('_To write: the description has no section on this yet._', '');
  }
  for (const p of d.otherProse) out.push(`## ${md(p.title)}`, '', p.body, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/**
 * The same draft as one self-contained HTML file: no script, nothing remote, every value escaped. The
 * prose is shown as paragraphs, headings and lists of plain text; any markup in it is escaped, not rendered.
 */
export function formatDescriptionHtml(d: DescriptionDraft): string {
  const e = escapeHtml;
  const parts: string[] = [`<h1>${e(d.organization ?? 'The organisation')}: description of the system</h1>`, `<p class="notice">${e(NOTICE)} Generated ${e(d.today)}.</p>`, '<h2>Boundaries of the system</h2>'];
  for (const line of boundaries(d)) parts.push(`<p>${e(line)}</p>`);
  for (const t of d.topics) {
    parts.push(`<h2>${e(t.heading)}</h2>`);
    for (const p of t.prose) {
      if (p.title !== t.heading) parts.push(`<h3>${e(p.title)}</h3>`);
      parts.push(proseHtml(p.body));
    }
    const generated = GENERATED[t.key]?.(d) ?? [];
    for (const g of generated) {
      for (const para of g.paragraphs) parts.push(`<p>${e(para)}</p>`);
      if (g.table) parts.push(`<table><thead><tr>${g.table.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${g.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    }
    if (!t.prose.length && !generated.length) parts.push('<p class="todo">To write: the description has no section on this yet.</p>');
  }
  for (const p of d.otherProse) parts.push(`<h2>${e(p.title)}</h2>`, proseHtml(p.body));
  const title = `${d.organization ?? 'The organisation'}: description of the system (draft)`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SELF_CONTAINED_CSP}">
<meta name="referrer" content="no-referrer">
<title>${e(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:24px auto;padding:0 16px;color:#1d2330}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9dde3;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef0f3}.notice{background:#fff6d6;border:1px solid #e0c46c;padding:8px 12px}.todo{color:#a33}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}

/** Paragraphs, `#` headings and `-`/`*` list items of Markdown prose, as escaped HTML. */
function proseHtml(body: string): string {
  const e = escapeHtml;
  const out: string[] = [];
  for (const block of body.split(/\r?\n\s*\r?\n/)) {
    const lines = block.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) { out.push(`<h4>${e(heading[2])}</h4>`); continue; }
    if (lines.every((l) => /^[-*+]\s+/.test(l))) { out.push(`<ul>${lines.map((l) => `<li>${e(l.replace(/^[-*+]\s+/, ''))}</li>`).join('')}</ul>`); continue; }
    out.push(`<p>${e(lines.join(' '))}</p>`);
  }
  return out.join('\n');
}
