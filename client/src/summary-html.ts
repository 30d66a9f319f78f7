/**
 * HTML of the readiness summary webview. Pure (no vscode import) so it can be unit-tested.
 *
 * Every value from the repository (ids, titles, owners, file names, messages) is untrusted: it is
 * escaped wherever it lands, only ever inside text or double-quoted attributes, and never in an
 * href, src, style or event attribute. Links are buttons carrying data attributes; the page's only
 * script (a constant) posts them to the extension, which validates them again.
 */
import { randomBytes } from 'node:crypto';
import type { SummaryResult, RootSummary } from '../../server/src/lsp/protocol';
import type { ReadinessSummary, CriterionStatus } from '../../server/src/engine/summary';
import type { Diagnostic } from '../../server/src/engine/model';
import { SUMMARY_CSS } from './summary-style';
import { escapeHtml } from '../../server/src/util/html';
import { renderVendors } from './summary-vendors';

/** What the page shows when there is no summary to render. */
export interface RenderState { loading?: boolean; error?: string }

/** Longest list rendered per section: the Problems panel holds the rest. */
export const MAX_LIST = 200;
/** Links per owner row. */
const MAX_OWNER_ITEMS = 60;

type ShownStatus = Exclude<CriterionStatus, 'out-of-scope'>;
const STATUS_MARK: Record<ShownStatus, string> = { covered: '✔', partial: '◐', gap: '✘', excluded: '–' };
const isShownStatus = (s: unknown): s is ShownStatus => typeof s === 'string' && Object.hasOwn(STATUS_MARK, s);
/** Numbers come from the server as JSON: render only finite numbers, whatever arrives. */
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const CONFIG_FILE = 'soc2.yaml';

// The report's escaper (server/src/util/html.ts), which also escapes control characters: one for both views.
export { escapeHtml };

/** A fresh CSP nonce (base64url, 144 random bits). */
export function makeNonce(): string {
  return randomBytes(18).toString('base64url');
}

const NONCE_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;

export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

/**
 * The page's one script. Clicks on any element with `data-file` post `{ type: 'open', root, file,
 * line }`; scroll position is kept across re-renders through the webview state.
 */
const SCRIPT = `(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  var timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
  });
  document.addEventListener('click', function (event) {
    var el = event.target instanceof Element ? event.target.closest('[data-file]') : null;
    if (!el) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', root: el.getAttribute('data-root'), file: el.getAttribute('data-file'), line: Number(el.getAttribute('data-line')) });
  });
})();`;

/** The whole document. Throws on a nonce of the wrong shape: it is interpolated into the CSP. */
export function renderSummaryHtml(result: SummaryResult | undefined, nonce: string, state: RenderState = {}): string {
  if (!NONCE_SHAPE.test(nonce)) throw new Error('renderSummaryHtml: invalid nonce');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>SOC 2 Readiness</title>',
    `<style nonce="${nonce}">${SUMMARY_CSS}</style>`,
    '</head>',
    '<body>',
    `<main>${renderBody(result, state)}</main>`,
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function renderBody(result: SummaryResult | undefined, state: RenderState): string {
  if (state.error) return `<h1>SOC 2 readiness</h1><p class="notice">The language server could not compute the summary: ${escapeHtml(state.error)}</p>`;
  if (!result || state.loading) return '<h1>SOC 2 readiness</h1><p class="muted">Reading policies and controls…</p>';
  if (!result.roots.length) {
    return `<h1>SOC 2 readiness</h1><p class="notice">No ${CONFIG_FILE} was found in this workspace. A compliance repo has a ${CONFIG_FILE} at its top, with policies and controls beside it.</p>`;
  }
  const indexing = result.indexing ? '<p class="notice">Still reading the workspace: figures may change.</p>' : '';
  return indexing + result.roots.map(renderRoot).join('\n');
}

/** A button that opens `file` at `line` in the root. */
function link(root: string, file: string, line: number, text: string, cls = 'link', title?: string): string {
  const t = title === undefined ? '' : ` title="${escapeHtml(title)}"`;
  return `<button type="button" class="${cls}" data-root="${escapeHtml(root)}" data-file="${escapeHtml(file)}" data-line="${Math.max(1, Math.floor(num(line)) || 1)}"${t}>${text}</button>`;
}

/** A control or policy id, linked to its definition when the summary knows where it is. */
function idLink(r: RootSummary, id: string): string {
  const loc = Object.hasOwn(r.summary.locations, id) ? r.summary.locations[id] : undefined;
  return loc ? link(r.root, loc.file, loc.line, escapeHtml(id), 'link', `${id}: ${loc.file}:${loc.line}`) : `<span>${escapeHtml(id)}</span>`;
}

function idList(r: RootSummary, ids: string[], max = Infinity): string {
  if (!ids.length) return '<span class="muted">none</span>';
  const shown = ids.slice(0, max).map((id) => idLink(r, id)).join(', ');
  return ids.length > max ? `${shown} <span class="muted">and ${ids.length - max} more</span>` : shown;
}

function renderRoot(r: RootSummary): string {
  const s = r.summary;
  const inScope = s.categories.filter((c) => c.inScope);
  const sum = (k: 'covered' | 'partial' | 'gap' | 'excluded') => inScope.reduce((n, c) => n + num(c[k]), 0);
  const counted = inScope.reduce((n, c) => n + num(c.criteria) - num(c.excluded), 0);
  const type = s.report.type === 2 ? 'Type 2' : 'Type 1';
  const period = s.report.period ? ` · observation period ${escapeHtml(s.report.period.start)} to ${escapeHtml(s.report.period.end)}` : '';
  const byStatus = Object.entries(s.totals.controlsByStatus).map(([k, v]) => `${num(v)} ${escapeHtml(k)}`).join(', ');
  return [
    `<section class="root" aria-label="${escapeHtml(r.name)}">`,
    `<h1>${escapeHtml(s.organization ?? r.name)}</h1>`,
    `<p class="meta">SOC 2 ${type}${period} · as of ${escapeHtml(s.today)} · ${link(r.root, CONFIG_FILE, 1, CONFIG_FILE)}</p>`,
    '<div class="readiness">',
    `<span class="pct">${num(s.readiness)}%</span><span>ready</span>`,
    `<span class="muted">${sum('covered')} covered, ${sum('partial')} partial, ${sum('gap')} gap of ${counted} criteria in scope; ${sum('excluded')} excluded. Formula: (covered + ½ × partial) ÷ (in-scope − excluded).</span>`,
    '</div>',
    `<p class="muted">${num(s.totals.policies)} policies, ${num(s.totals.controls)} controls${byStatus ? ` (${byStatus})` : ''} · ${num(s.severities.error)} errors, ${num(s.severities.warning)} warnings, ${num(s.severities.info)} info</p>`,
    renderCategories(s),
    renderGrid(r),
    renderGaps(r),
    renderFindings(r, 'Reviews', 'Policies and controls past or near their review date, or without one.', s.findings.staleReviews),
    renderFindings(r, 'Policy and practice', 'Where a policy and its controls disagree.', s.findings.mismatches),
    renderFindings(r, 'Evidence', 'Missing, stale or incomplete evidence populations.', s.findings.evidence),
    s.findings.errors.length ? renderFindings(r, 'Errors', 'Files or values the engine could not accept.', s.findings.errors) : '',
    renderOwners(r),
    renderVendors(r, link, escapeHtml, MAX_LIST),
    '</section>',
  ].join('\n');
}

function renderCategories(s: ReadinessSummary): string {
  const rows = s.categories.map((c) => {
    if (!c.inScope) return `<tr><td>${escapeHtml(c.name)}</td><td colspan="5" class="muted">not in scope</td></tr>`;
    const cells = [c.criteria, c.covered, c.partial, c.gap, c.excluded].map((v) => `<td class="num">${num(v)}</td>`).join('');
    return `<tr><td>${escapeHtml(c.name)}${bar(c)}</td>${cells}</tr>`;
  });
  return [
    '<h2>Coverage by category</h2>',
    '<table class="cats">',
    '<thead><tr><th>Category</th><th class="num">Criteria</th><th class="num">Covered</th><th class="num">Partial</th><th class="num">Gap</th><th class="num">Excluded</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** A stacked bar drawn with SVG geometry attributes: the CSP forbids inline style attributes. */
function bar(c: ReadinessSummary['categories'][number]): string {
  const total = Math.max(1, num(c.covered) + num(c.partial) + num(c.gap) + num(c.excluded), num(c.criteria));
  let x = 0;
  const rects = (['covered', 'partial', 'gap', 'excluded'] as const).map((k) => {
    const w = (100 * Math.max(0, num(c[k]))) / total;
    const rect = w > 0 ? `<rect class="${k}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="10"></rect>` : '';
    x += w;
    return rect;
  });
  const label = `${num(c.covered)} covered, ${num(c.partial)} partial, ${num(c.gap)} gap, ${num(c.excluded)} excluded of ${num(c.criteria)}`;
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">${rects.join('')}</svg>`;
}

function renderGrid(r: RootSummary): string {
  const s = r.summary;
  const parts = ['<h2>Criteria in scope</h2>', '<div class="legend"><span class="st-covered">covered</span><span class="st-partial">partial (partial controls only, half credit)</span><span class="st-gap">gap</span><span class="st-excluded">excluded</span></div>'];
  for (const cat of s.categories.filter((c) => c.inScope)) {
    const cells = s.criteria.filter((c) => c.category === cat.id && isShownStatus(c.status)).map((c) => {
      const status = c.status as ShownStatus;
      // A covered or partial criterion opens its first control; a gap or exclusion opens soc2.yaml, where scope is decided.
      const loc = c.controls.filter((id) => Object.hasOwn(s.locations, id)).map((id) => s.locations[id])[0] ?? { file: CONFIG_FILE, line: 1 };
      const detail = status === 'excluded' ? `excluded: ${c.exclusionReason ?? 'no reason given'}` : `${status}; controls: ${c.controls.join(', ') || 'none'}; policies: ${c.policies.join(', ') || 'none'}`;
      const text = `<span class="mark" aria-hidden="true">${STATUS_MARK[status]}</span><span>${escapeHtml(c.id)}</span>`;
      return link(r.root, loc.file, loc.line, text, `cell st-${status}`, `${c.id} (${c.series}): ${c.summary}\n${detail}`);
    });
    parts.push(`<h3>${escapeHtml(cat.name)}</h3>`, `<div class="grid">${cells.join('')}</div>`);
  }
  return parts.join('\n');
}

function renderGaps(r: RootSummary): string {
  const gaps = r.summary.gaps;
  const head = `<h2>Gaps (${gaps.length})</h2><p class="muted">In-scope criteria without an implemented control, most urgent first.</p>`;
  if (!gaps.length) return `${head}<p>None: every in-scope criterion has an implemented control.</p>`;
  const items = gaps.slice(0, MAX_LIST).map((g) => {
    const status = g.status === 'gap' ? 'gap' : 'partial';
    const planned = Array.isArray(g.planned) && g.planned.length ? `; planned: ${idList(r, g.planned)}` : '';
    const what = `${status === 'gap' ? 'no control' : `only partial controls: ${idList(r, g.controls)}`}${planned}`;
    return `<li>${link(r.root, CONFIG_FILE, 1, escapeHtml(g.id))} <span class="status-${status}">${what}</span> — ${escapeHtml(g.summary)}</li>`;
  });
  return `${head}<ol class="gaps">${items.join('')}</ol>${more(gaps.length)}`;
}

function renderFindings(r: RootSummary, title: string, blurb: string, list: Diagnostic[], level: 2 | 3 = 2): string {
  const head = `<h${level}>${title} (${list.length})</h${level}><p class="muted">${blurb}</p>`;
  if (!list.length) return `${head}<p>None.</p>`;
  const items = list.slice(0, MAX_LIST).map((d) => {
    const line = num(d.range?.start?.line) + 1;
    const sev = ['error', 'warning', 'info', 'hint'].includes(d.severity) ? d.severity : 'info';
    return `<li><span class="sev sev-${sev}">${sev}</span> ${link(r.root, d.file, line, `${escapeHtml(d.file)}:${line}`)} ${escapeHtml(d.message)} <span class="code">[${escapeHtml(d.code)}]</span></li>`;
  });
  return `${head}<ul class="findings">${items.join('')}</ul>${more(list.length)}`;
}

function renderOwners(r: RootSummary): string {
  const s = r.summary;
  const parts = [`<h2>Owners (${s.owners.length})</h2>`];
  if (s.findings.ownership.length) parts.push(renderFindings(r, 'Without an owner', 'An auditor asks who operates each control: these name nobody.', s.findings.ownership, 3));
  if (!s.owners.length) return parts.concat('<p>No owner is named yet.</p>').join('\n');
  const rows = s.owners.map((o) => `<tr><td>${escapeHtml(o.owner)}</td><td>${idList(r, o.controls, MAX_OWNER_ITEMS)}</td><td>${idList(r, o.policies, MAX_OWNER_ITEMS)}</td></tr>`);
  parts.push('<table class="owners">', '<thead><tr><th>Owner</th><th>Controls</th><th>Policies</th></tr></thead>', `<tbody>${rows.join('')}</tbody>`, '</table>');
  return parts.join('\n');
}

function more(n: number): string {
  return n > MAX_LIST ? `<p class="muted">And ${n - MAX_LIST} more: see the Problems panel.</p>` : '';
}
