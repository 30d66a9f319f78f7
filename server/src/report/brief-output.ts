import type { OwnerBrief } from '../people/brief';
import { BRIEF_HORIZON_DAYS } from '../people/brief';
import { escapeHtml as e } from './summary-html';

const where = (d: { file: string; range: { start: { line: number } } }) => `${d.file}:${d.range.start.line + 1}`;

/** The briefing as Markdown: to read in an editor preview, or to paste into a wiki. */
export function briefMarkdown(b: OwnerBrief, today: string): string {
  const md = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const out: string[] = [`# Briefing for ${md(b.owner)}`, '', `As of ${today}.${b.person?.role ? ` ${md(b.person.role)}${b.person.team ? `, ${md(b.person.team)}` : ''}.` : ''}`, ''];
  out.push(`## Controls you own (${b.controls.length})`, '');
  if (!b.controls.length) out.push('None.', '');
  for (const c of b.controls) {
    const ctl = c.control;
    out.push(`### ${md(ctl.id)}${ctl.title ? `: ${md(ctl.title)}` : ''}`, '');
    if (ctl.description) out.push(md(ctl.description.trim()), '');
    out.push(`- **Runs:** ${md(ctl.frequency?.value ?? 'no frequency set')} · **Status:** ${md(ctl.status?.value ?? 'no status')}`);
    out.push(`- **Answers:** ${c.criteria.length ? c.criteria.map((k) => `${k.id}${k.summary ? ` (${md(k.summary)})` : ''}`).join('; ') : 'no criteria mapped'}`);
    out.push(`- **Evidence expected:** ${c.expectedEvidence.length ? c.expectedEvidence.map(md).join('; ') : 'none listed'}`);
    out.push(`- **Newest evidence on file:** ${c.newestEvidence ? `${c.newestEvidence.date}${c.newestEvidence.file ? ` (${md(c.newestEvidence.file)})` : ''}` : 'none'}`);
    out.push(`- **The auditor will ask for:** ${c.auditorAsks}`);
    out.push(`- **Open findings:** ${c.findings.length ? '' : 'none'}`);
    for (const d of c.findings) out.push(`  - ${md(d.message)} (\`${d.code}\`, ${md(where(d))})`);
    out.push('');
  }
  out.push(`## Policies you own (${b.policies.length})`, '');
  for (const p of b.policies) out.push(`- ${md(p.id)}${p.title ? `: ${md(p.title.value)}` : ''}${p.lastReviewed ? ` (last reviewed ${p.lastReviewed.value})` : ''}`);
  out.push('', `## Risks you own (${b.risks.length})`, '');
  for (const r of b.risks) out.push(`- ${md(r.id)}${r.title ? `: ${md(r.title)}` : ''}${r.treatment ? ` (${md(r.treatment.value)})` : ''}`);
  if (b.otherFindings.length) {
    out.push('', '## Open findings on your policies and risks', '');
    for (const d of b.otherFindings) out.push(`- ${md(d.message)} (\`${d.code}\`, ${md(where(d))})`);
  }
  out.push('', `## Your tasks for the next ${BRIEF_HORIZON_DAYS} days (${b.tasks.length})`, '');
  if (!b.tasks.length) out.push('None.');
  for (const t of b.tasks) out.push(`- ${t.due}${t.overdue ? ' **overdue**' : ''}: ${md(t.title)} (${md(t.file)}:${t.line})`);
  return out.join('\n') + '\n';
}

const CSS = `body{font:14px/1.5 system-ui,sans-serif;color:#1d2330;max-width:900px;margin:24px auto;padding:0 16px}
h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #d9dde3;padding-bottom:4px;margin-top:28px}h3{font-size:15px;margin-bottom:4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{font-weight:600}dd{margin:0}.overdue{color:#c8463d;font-weight:600}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}@media print{body{margin:0}}`;

/** The briefing as one self-contained HTML file: no script, nothing remote, every value escaped. */
export function briefHtml(b: OwnerBrief, today: string): string {
  const findings = (ds: OwnerBrief['otherFindings']) => ds.length ? `<ul>${ds.map((d) => `<li>${e(d.message)} <code>${e(d.code)}</code> <code>${e(where(d))}</code></li>`).join('')}</ul>` : 'none';
  const controls = b.controls.map((c) => `<h3>${e(c.control.id)}${c.control.title ? `: ${e(c.control.title)}` : ''}</h3>
${c.control.description ? `<p>${e(c.control.description.trim())}</p>` : ''}<dl>
<dt>Runs</dt><dd>${e(c.control.frequency?.value ?? 'no frequency set')} · ${e(c.control.status?.value ?? 'no status')}</dd>
<dt>Answers</dt><dd>${c.criteria.length ? c.criteria.map((k) => `<b>${e(k.id)}</b>${k.summary ? ` ${e(k.summary)}` : ''}`).join('<br>') : 'no criteria mapped'}</dd>
<dt>Evidence expected</dt><dd>${c.expectedEvidence.length ? c.expectedEvidence.map(e).join('<br>') : 'none listed'}</dd>
<dt>Newest on file</dt><dd>${c.newestEvidence ? `${e(c.newestEvidence.date)}${c.newestEvidence.file ? ` <code>${e(c.newestEvidence.file)}</code>` : ''}` : 'none'}</dd>
<dt>The auditor will ask for</dt><dd>${e(c.auditorAsks)}</dd>
<dt>Open findings</dt><dd>${findings(c.findings)}</dd></dl>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Briefing for ${e(b.owner)}</title><style>${CSS}</style></head><body>
<h1>Briefing for ${e(b.owner)}</h1><p>As of ${e(today)}.${b.person?.role ? ` ${e(b.person.role)}${b.person.team ? `, ${e(b.person.team)}` : ''}.` : ''}</p>
<h2>Controls you own (${b.controls.length})</h2>${controls || '<p>None.</p>'}
<h2>Policies you own (${b.policies.length})</h2><ul>${b.policies.map((p) => `<li>${e(p.id)}${p.title ? `: ${e(p.title.value)}` : ''}</li>`).join('')}</ul>
<h2>Risks you own (${b.risks.length})</h2><ul>${b.risks.map((r) => `<li>${e(r.id)}${r.title ? `: ${e(r.title)}` : ''}</li>`).join('')}</ul>
${b.otherFindings.length ? `<h2>Open findings on your policies and risks</h2>${findings(b.otherFindings)}` : ''}
<h2>Your tasks for the next ${BRIEF_HORIZON_DAYS} days (${b.tasks.length})</h2><ul>${b.tasks.map((t) => `<li><span${t.overdue ? ' class="overdue"' : ''}>${e(t.due)}</span> ${e(t.title)} <code>${e(`${t.file}:${t.line}`)}</code></li>`).join('') || '<li>None.</li>'}</ul>
</body></html>
`;
}
