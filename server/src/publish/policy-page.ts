import { esc, idLinks, orDash, page, statusBadges } from './html';
import type { PolicyEntry, SiteData } from './model';
import { anchorOf } from './names';
import type { RenderOptions, RenderedBody } from './markdown';
import type { SiteLinks } from './site-links';

/**
 * The Markdown-to-HTML stack (remark, rehype: most of a bundle's code) is loaded on first use: the language
 * server renders a policy only for a preview, and compiling it at start-up delayed the first diagnostics.
 * In dist/server-main.js `./markdown` is the bundle dist/server-markdown.js (scripts/build.mjs).
 */
function renderPolicyBody(markdown: string, options: RenderOptions): RenderedBody {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./markdown') as typeof import('./markdown')).renderPolicyBody(markdown, options);
}

/** A policy as a document: header block, contents, the body, and its revision history. */

interface Placement {
  /** Ids in the body are prefixed with this (the handbook holds every policy on one page). */
  idPrefix: string;
  /** Where a link to another policy file goes from here. */
  fileHref(file: string): string | undefined;
}

export function policySection(p: PolicyEntry, data: SiteData, links: SiteLinks, where: Placement): string {
  const body = renderPolicyBody(p.text, {
    file: p.file,
    idPrefix: where.idPrefix,
    controlHref: links.controlHref,
    fileHref: where.fileHref,
    isSiteHref: links.isSiteHref,
  });
  // A body that opens with its title heading has it lifted above the header block, so the page reads title first.
  const lead = /^<h1 [^>]*>[\s\S]*?<\/h1>\n?/.exec(body.html);
  const title = lead ? lead[0].trimEnd() : `<h1>${esc(p.title)}</h1>`;
  const text = lead ? body.html.slice(lead[0].length) : body.html;
  const contents = body.headings.filter((h) => h.depth === 2);
  const criteria = p.policy.criteria.map((c) => c.value);
  const controls = [...new Set(p.policy.controls.map((c) => c.value))];
  const header = `<header class="policy-header">
<p class="kicker">Policy ${esc(p.id)}${data.summary.organization ? ` · ${esc(data.summary.organization)}` : ''}</p>
${title}
<table class="meta">
<tr><th>Version</th><td>${orDash(p.version)}</td></tr>
<tr><th>Owner</th><td>${orDash(p.owner)}</td></tr>
<tr><th>Approver</th><td>${orDash(p.approver)}</td></tr>
<tr><th>Approved on</th><td>${orDash(p.approvedOn)}</td></tr>
<tr><th>Last reviewed</th><td>${orDash(p.lastReviewed)}</td></tr>
<tr><th>Review cycle</th><td>${p.reviewCycle ? esc(p.reviewCycle) : `${esc(String(data.project.config.defaultCycle))} (the program's default)`}</td></tr>
<tr><th>Next review</th><td>${orDash(p.nextReview)}</td></tr>
<tr><th>Status</th><td>${statusBadges(p.status)}</td></tr>
<tr><th>Criteria</th><td>${idLinks(criteria, links.criterionHref)}</td></tr>
<tr><th>Controls</th><td>${idLinks(controls, links.controlHref)}</td></tr>
</table>
</header>`;
  const toc = contents.length > 2
    ? `<nav class="toc screen-only"><strong>Contents</strong><ol>${contents.map((h) => `<li><a href="#${esc(h.id)}">${esc(h.text)}</a></li>`).join('')}</ol></nav>\n`
    : '';
  return `${header}
${toc}<div class="policy-body">
${text}
</div>
${historySection(p, data, `${where.idPrefix}_revisions`)}`;
}

function historySection(p: PolicyEntry, data: SiteData, id: string): string {
  const heading = `<h2 id="${esc(id)}">Revision history</h2>`;
  if (!data.inGit) return `<section class="history">${heading}\n<p class="note">Not available: this site was published from a folder outside a git repository, where no revision history exists.</p></section>`;
  const h = p.history;
  if (!h || !h.revisions.length) return `<section class="history">${heading}\n<p class="note">This policy has not been committed yet, so it has no revision history.</p></section>`;
  const rows = h.revisions.map((r) => `<tr${r.approved ? ' class="approved"' : ''}><td>${esc(r.date)}</td><td>${esc(r.author) || '—'}</td><td>${esc(r.subject) || '—'}${r.approved ? ' <strong>(approved text)</strong>' : ''}</td><td><code>${esc(r.commit.slice(0, 12))}</code></td></tr>`);
  const approval = !p.approvedOn ? '<p>This policy has no recorded approval (<code>approved_on</code>).</p>'
    : h.approvedCommit
      ? `<p>The text approved on ${esc(p.approvedOn)}${p.approver ? ` by ${esc(p.approver)}` : ''} is commit <code>${esc(h.approvedCommit.commit)}</code> (${esc(h.approvedCommit.date)}).${p.status.includes('changed since approval') ? ' The text has changed since then and awaits a new approval.' : ''}</p>`
      : '';
  return `<section class="history">${heading}
<p>Each commit that changed the text of this policy (changes to its metadata alone are not listed).</p>
<table>
<thead><tr><th>Date</th><th>Author</th><th>Change</th><th>Commit</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${approval}${h.uncommitted ? '\n<p class="note">The published text has changes that are not committed yet.</p>' : ''}</section>`;
}

export function policyPage(p: PolicyEntry, data: SiteData, links: SiteLinks): string {
  const body = policySection(p, data, links, { idPrefix: '', fileHref: links.policyFileHref });
  return page(data, { title: p.title, runningHeader: `${p.title}${p.version ? ` · version ${p.version}` : ''}`, body: `<article class="policy-page">\n${body}\n</article>` });
}

/** Every policy in one document: a cover with the list, then each policy from a new page when printed. */
export function handbookPage(data: SiteData, links: SiteLinks): string {
  const anchor = new Map(data.policies.map((p) => [p.file, anchorOf('policy', p.page.replace(/\.html$/, ''))]));
  const fileHref = (file: string) => (anchor.has(file) ? `#${anchor.get(file)}` : undefined);
  const articles = data.policies.map((p, i) => `<article class="policy" id="${esc(anchor.get(p.file)!)}">
${policySection(p, data, links, { idPrefix: `p${i + 1}-`, fileHref })}
</article>`);
  const org = data.summary.organization ?? 'SOC 2 program';
  const body = `<section class="cover">
<p class="kicker">${esc(org)}</p>
<h1>Policy handbook</h1>
<p>${data.policies.length} ${data.policies.length === 1 ? 'policy' : 'policies'}, as of ${esc(data.today)}${data.commit ? ` (commit <code>${esc(data.commit.slice(0, 12))}</code>)` : ''}.</p>
<ol>${data.policies.map((p) => `<li><a href="#${esc(anchor.get(p.file)!)}">${esc(p.title)}</a> (${esc(p.id)}${p.version ? `, version ${esc(p.version)}` : ''})</li>`).join('')}</ol>
</section>
${articles.join('\n')}`;
  return page(data, { title: 'Policy handbook', runningHeader: `${org} · Policy handbook`, body });
}
