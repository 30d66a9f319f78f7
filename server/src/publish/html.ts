import { SITE_PAGES } from './names';
import type { PolicyStatus, SiteData } from './model';

/**
 * The frame every page of the published site shares. Values from the repo are escaped here and only here
 * (`esc`); the policy bodies arrive already rendered and sanitised. No page has a script, loads anything
 * but the stylesheet beside it, or can be framed into submitting anything: the CSP says so too.
 */

/** Escapes text and double-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    // C0 controls other than tab and newline are not allowed in HTML text; they are shown as the replacement sign.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  title: string;
  /** Printed at the top of every page when printing; omitted on screen. */
  runningHeader?: string;
  body: string;
}

export function page(data: SiteData, options: PageOptions): string {
  const org = data.summary.organization;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="soc2 ${esc(data.toolVersion)}">
<title>${esc(options.title)}${org ? ` · ${esc(org)}` : ''}</title>
<link rel="stylesheet" href="${SITE_PAGES.style}">
</head>
<body>
<nav class="site"><span class="org">${esc(org ?? 'SOC 2 program')}</span><a href="${SITE_PAGES.index}">Policies</a><a href="${SITE_PAGES.controls}">Controls</a><a href="${SITE_PAGES.criteria}">Criteria</a><a href="${SITE_PAGES.handbook}">Handbook</a></nav>
${options.runningHeader ? framed(options.runningHeader, options.body) : `<main>\n${options.body}\n</main>`}
${footer(data)}
</body>
</html>
`;
}

/**
 * Printing repeats a table's header group at the top of every page, which is how the policy's title and version
 * head each printed page (CSS alone cannot put per-document text there without an inline style, which the CSP
 * forbids). On screen the frame is laid out as plain blocks and the header is hidden.
 */
function framed(runningHeader: string, body: string): string {
  return `<table class="print-frame"><thead><tr><td><div class="running-header">${esc(runningHeader)}</div></td></tr></thead><tbody><tr><td>
<main>
${body}
</main>
</td></tr></tbody></table>`;
}

function footer(data: SiteData): string {
  const source = data.commit ? `commit <code>${esc(data.commit.slice(0, 12))}</code>` : 'a folder outside git';
  return `<footer class="site">Published with soc2 ${esc(data.toolVersion)} from ${source}; review dates and statuses as of ${esc(data.today)}.</footer>`;
}

export function statusBadges(status: readonly PolicyStatus[]): string {
  return status.map((s) => `<span class="status status-${s.replace(/ /g, '-')}">${esc(s)}</span>`).join(' ');
}

/** A list of ids, each linked when `href` knows a target for it. */
export function idLinks(ids: readonly string[], href: (id: string) => string | undefined): string {
  if (!ids.length) return '—';
  return ids.map((id) => { const h = href(id); return h ? `<a href="${esc(h)}">${esc(id)}</a>` : esc(id); }).join(', ');
}

export const orDash = (v: string | undefined): string => (v ? esc(v) : '—');
