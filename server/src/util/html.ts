/**
 * The one HTML escaper, for the exported report (report/summary-html.ts) and the editor's webview
 * (client/src/summary-html.ts). For text and single- or double-quoted attributes; `/ = : \`` too, so no value
 * can ever read as a URL, tag or handler; and control characters, which some viewers drop or act on.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=/:\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The Content-Security-Policy of the self-contained HTML files the CLI writes (readiness report, statement of
 * applicability, description draft): their own inline styles and nothing else, no images, no form posts, no base.
 */
export const SELF_CONTAINED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";
