import type { Control } from '../engine/model';
import { esc, idLinks, orDash, page, statusBadges } from './html';
import { cmp, type SiteData } from './model';
import { anchorOf, SITE_PAGES } from './names';
import type { SiteLinks } from './site-links';

/** The index, the control matrix and the criteria page. */

const STATUS_LABEL: Record<string, string> = { covered: 'covered', partial: 'partial', gap: 'gap', excluded: 'excluded' };

export function indexPage(data: SiteData): string {
  const s = data.summary;
  const cfg = data.project.config;
  const inScope = s.categories.filter((c) => c.inScope).map((c) => c.name);
  const rows = data.policies.map((p) => `<tr><td class="id"><a href="${esc(p.page)}">${esc(p.id)}</a></td><td><a href="${esc(p.page)}">${esc(p.title)}</a></td><td>${orDash(p.version)}</td><td>${orDash(p.owner)}</td><td>${orDash(p.approver)}</td><td class="date">${orDash(p.approvedOn)}</td><td class="date">${orDash(p.nextReview)}</td><td>${statusBadges(p.status)}</td></tr>`);
  const exclusions = cfg.exclusions.map((x) => `<li>${esc(x.criterion.value)}${x.reason ? `: ${esc(x.reason)}` : ''}</li>`);
  const body = `<p class="kicker">Policy library</p>
<h1>${esc(s.organization ?? 'SOC 2 program')}</h1>
<h2 id="scope">Scope</h2>
<table class="meta">
<tr><th>Report</th><td>SOC 2 Type ${s.report.type}${s.report.period ? `, observation period ${esc(s.report.period.start)} to ${esc(s.report.period.end)}` : ''}</td></tr>
<tr><th>Categories in scope</th><td>${inScope.map(esc).join(', ')}</td></tr>
<tr><th>Carved out</th><td>${exclusions.length ? `<ul>${exclusions.join('')}</ul>` : 'nothing'}</td></tr>
<tr><th>Policies</th><td>${data.policies.length}</td></tr>
</table>
<h2 id="policies">Policies</h2>
${data.policies.length ? `<table>
<thead><tr><th>Id</th><th>Title</th><th>Version</th><th>Owner</th><th>Approver</th><th>Approved on</th><th>Next review</th><th>Status</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>` : '<p class="note">This repository has no policies yet.</p>'}
${data.inGit ? '' : '<p class="note">Published outside a git repository: revision histories are omitted, and whether a policy changed since its approval is not known.</p>\n'}<p>The <a href="${SITE_PAGES.handbook}">policy handbook</a> holds every policy in one document, for printing. The <a href="${SITE_PAGES.controls}">control matrix</a> and the <a href="${SITE_PAGES.criteria}">criteria</a> show how the policies are put into practice.</p>`;
  return page(data, { title: 'Policies', body });
}

export function controlsPage(data: SiteData, links: SiteLinks): string {
  const controls = sortedControls(data);
  const anchored = new Set<string>();
  const rows = controls.map((c) => {
    const first = !anchored.has(c.id);
    anchored.add(c.id);
    const occurrences = data.project.evidenceOf(c).occurrences;
    const newest = occurrences.reduce<string | undefined>((n, o) => (!n || o.date > n ? o.date : n), undefined);
    const policies = [...new Set([...c.policies.map((p) => p.value), ...data.project.policiesReferencing(c.id).map((p) => p.id)])].sort(cmp);
    return `<tr${first ? ` id="${esc(anchorOf('control', c.id))}"` : ''}><td class="id">${esc(c.id)}</td><td>${orDash(c.title)}</td><td>${orDash(c.owner?.value)}</td><td>${orDash(c.frequency?.value)}</td><td>${orDash(c.status?.value)}</td><td>${idLinks(c.criteria.map((x) => x.value), links.criterionHref)}</td><td>${idLinks(policies, links.policyHref)}</td><td class="date">${orDash(newest)}</td></tr>`;
  });
  const body = `<p class="kicker">Control matrix</p>
<h1>Controls</h1>
<p>Every control of the program: who operates it, how often, whether it is in place, the criteria it addresses, the policies that require it, and the date of its newest evidence.</p>
${controls.length ? `<table>
<thead><tr><th>Id</th><th>Title</th><th>Owner</th><th>Frequency</th><th>Status</th><th>Criteria</th><th>Policies</th><th>Newest evidence</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>` : '<p class="note">This repository has no controls yet.</p>'}`;
  return page(data, { title: 'Controls', body });
}

export function criteriaPage(data: SiteData, links: SiteLinks): string {
  const sections = data.summary.categories.filter((c) => c.inScope).map((cat) => {
    const rows = data.summary.criteria.filter((c) => c.category === cat.id).map((c) => {
      const reason = c.exclusionReason ? `<br><small>Carved out: ${esc(c.exclusionReason)}</small>` : '';
      return `<tr id="${esc(anchorOf('criterion', c.id))}"><td class="id">${esc(c.id)}</td><td>${esc(c.summary)}${reason}</td><td>${esc(STATUS_LABEL[c.status] ?? c.status)}</td><td>${idLinks([...new Set(c.controls)], links.controlHref)}</td><td>${idLinks([...new Set(c.policies)], links.policyHref)}</td></tr>`;
    });
    return `<h2 id="${esc(anchorOf('criterion', cat.id))}">${esc(cat.name)}</h2>
<table>
<thead><tr><th>Criterion</th><th>What it asks</th><th>Coverage</th><th>Controls</th><th>Policies</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  });
  const body = `<p class="kicker">Trust Services Criteria in scope</p>
<h1>Criteria</h1>
<p>Each criterion of the categories in scope, with the controls that address it and the policies that map it. A criterion is covered when an implemented control addresses it, partial when only partial or planned controls do. The summaries are this tool's own wording, not the criteria's official text.</p>
${sections.join('\n')}`;
  return page(data, { title: 'Criteria', body });
}

export function sortedControls(data: SiteData): Control[] {
  return [...data.project.allControls()].sort((a, b) => cmp(a.id, b.id) || cmp(a.file, b.file) || a.idRange.start.line - b.idRange.start.line);
}
