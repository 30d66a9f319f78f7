import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSummaryHtml, escapeHtml, makeNonce, contentSecurityPolicy, MAX_LIST } from '../client/src/summary-html';
import { PAYLOADS, benignRoot, hostileRoot, resultOf } from './helpers/summary-fixture';
import type { Diagnostic } from '../server/src/engine/model';

const NONCE = 'TestNonce0123456789_-abc';

/** Tags and attributes the page may contain; anything else means markup leaked in. */
const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'h1', 'h2', 'h3', 'p', 'div', 'span', 'button', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'ol', 'ul', 'li', 'script']);
const ATTRS = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'nonce', 'class', 'type', 'data-root', 'data-file', 'data-line', 'title', 'aria-label', 'aria-hidden', 'colspan', 'role', 'viewBox', 'preserveAspectRatio', 'x', 'y', 'width', 'height']);

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

/** Every tag outside the style and script bodies, with its attributes. */
function tags(html: string): { name: string; attrs: [string, string | undefined][] }[] {
  const body = html.replace(/(<style[^>]*>)[\s\S]*?(<\/style>)/g, '$1$2').replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');
  const out: { name: string; attrs: [string, string | undefined][] }[] = [];
  for (const m of body.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>|<!DOCTYPE html>/g)) {
    if (!m[1]) continue;
    const attrs = [...(m[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2]] as [string, string | undefined]);
    out.push({ name: m[1], attrs });
  }
  return out;
}

test('escapeHtml escapes markup, quotes and URL punctuation', () => {
  assert.equal(escapeHtml(`<a href="x">&'/=\`:`), '&#60;a href&#61;&#34;x&#34;&#62;&#38;&#39;&#47;&#61;&#96;&#58;');
  assert.equal(escapeHtml('CC6.1 Dana Lee'), 'CC6.1 Dana Lee');
});

test('makeNonce gives distinct base64url nonces of 144 bits', () => {
  const a = makeNonce(), b = makeNonce();
  assert.match(a, /^[A-Za-z0-9_-]{24}$/);
  assert.notEqual(a, b);
});

test('a malformed nonce is refused rather than written into the CSP', () => {
  assert.throws(() => renderSummaryHtml(undefined, `abc'; script-src *`), /invalid nonce/);
  assert.throws(() => renderSummaryHtml(undefined, 'short'), /invalid nonce/);
});

test('hostile summary: no payload survives unescaped', () => {
  const { root } = hostileRoot();
  const html = renderSummaryHtml(resultOf(root), NONCE);
  for (const [name, p] of Object.entries(PAYLOADS)) assert.equal(html.includes(p), false, `payload ${name} appears raw`);
  assert.equal(/<img|<svg\/|on(error|load)=/i.test(html), false);
  assert.equal(html.includes('alert(4)'), false, 'an unknown status is not rendered at all');
  // The payloads are shown (escaped), not dropped.
  assert.ok(html.includes('&#60;script&#62;alert(1)&#60;&#47;script&#62;'));
  assert.ok(html.includes('&#34;&#62;&#60;img src&#61;x onerror&#61;alert(1)&#62;'));
  assert.ok(html.includes('javascript&#58;alert(1)'));
  assert.ok(html.includes('https&#58;&#47;&#47;evil.example&#47;x.js'));
});

test('hostile summary: one script and one style, both with the nonce, and the exact CSP', () => {
  const html = renderSummaryHtml(resultOf(hostileRoot().root), NONCE);
  assert.deepEqual(html.match(/<script[^>]*>/gi), [`<script nonce="${NONCE}">`]);
  assert.deepEqual(html.match(/<style[^>]*>/gi), [`<style nonce="${NONCE}">`]);
  const csp = `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; base-uri 'none'; form-action 'none'`;
  assert.equal(contentSecurityPolicy(NONCE), csp);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  assert.equal(html.indexOf('<meta http-equiv="Content-Security-Policy"') < html.indexOf('<style'), true, 'CSP comes before any style or script');
});

test('hostile summary: no URL of any scheme and no navigating attribute', () => {
  const html = renderSummaryHtml(resultOf(hostileRoot().root), NONCE);
  assert.equal(/https?:/i.test(html), false);
  assert.equal(/javascript:/i.test(html), false);
  assert.equal(/\burl\(/i.test(html), false);
  assert.equal(/@import/i.test(html), false);
});

test('hostile summary: only known tags and attributes, no event handlers or inline styles', () => {
  const all = tags(renderSummaryHtml(resultOf(hostileRoot().root), NONCE));
  assert.ok(all.length > 100);
  for (const t of all) {
    assert.ok(TAGS.has(t.name), `unexpected tag <${t.name}>`);
    for (const [name] of t.attrs) assert.ok(ATTRS.has(name), `unexpected attribute ${name} on <${t.name}>`);
  }
  const cellClasses = all.flatMap((t) => t.attrs.filter(([n, v]) => n === 'class' && v?.startsWith('cell ')).map(([, v]) => v));
  assert.deepEqual(cellClasses, ['cell st-covered', 'cell st-partial', 'cell st-excluded']);
});

test('hostile summary: link targets round-trip exactly to the files and roots the summary names', () => {
  const { root, files } = hostileRoot();
  const all = tags(renderSummaryHtml(resultOf(root), NONCE));
  const attr = (n: string) => all.flatMap((t) => t.attrs.filter(([a]) => a === n).map(([, v]) => decode(v ?? '')));
  assert.deepEqual([...new Set(attr('data-file'))].sort(), ['soc2.yaml', ...files].sort());
  assert.deepEqual([...new Set(attr('data-root'))], [root.root]);
  assert.ok(attr('data-line').every((l) => /^[1-9]\d*$/.test(l)));
  // The prototype-named id has no location, so it is plain text, not a link.
  const hostile = hostileRoot().root;
  hostile.summary.owners = [{ owner: 'x', controls: ['constructor', '__proto__'], policies: [] }];
  const html = renderSummaryHtml(resultOf(hostile), NONCE);
  assert.ok(html.includes('<span>constructor</span>, <span>__proto__</span>'));
});

test('benign summary: grid, bars, gaps, findings and owners with their links', () => {
  const root = benignRoot();
  const html = renderSummaryHtml(resultOf(root), NONCE);
  const cells = html.match(/class="cell st-[a-z]+"/g) ?? [];
  assert.deepEqual(cells.map((c) => c.slice(15, -1)), ['covered', 'covered', 'excluded', 'partial', 'gap', 'gap']);
  // Out-of-scope criteria are not in the grid.
  assert.equal(html.includes('P1.1'), false);
  // A covered criterion opens its first control; a gap opens soc2.yaml.
  assert.ok(html.includes('data-file="controls&#47;access.yaml" data-line="3" title="CC6.1 (CC6 series)&#58; Summary of CC6.1'));
  assert.ok(/data-file="soc2.yaml" data-line="1" title="A1.1 \(A1 series\)&#58; Summary of A1.1\ngap; controls&#58; none; policies&#58; none">/.test(html));
  // Security: 2 covered, 1 partial, 1 excluded of 4.
  assert.ok(html.includes('<rect class="covered" x="0.00" y="0" width="50.00" height="10"></rect><rect class="partial" x="50.00" y="0" width="25.00" height="10"></rect><rect class="excluded" x="75.00" y="0" width="25.00" height="10"></rect>'));
  assert.ok(html.includes('<span class="pct">58%</span>'));
  assert.ok(html.includes('2 covered, 1 partial, 2 gap of 5 criteria in scope; 1 excluded.'));
  assert.ok(html.includes('<td>Privacy</td><td colspan="5" class="muted">not in scope</td>'));
  const gapIds = [...html.matchAll(/<li><button type="button" class="link" data-root="[^"]*" data-file="soc2.yaml" data-line="1">([^<]+)<\/button> <span class="status-(gap|partial)">/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(gapIds, ['A1.1:gap', 'A1.2:gap', 'CC7.2:partial']);
  assert.ok(html.includes('<h2>Reviews (1)</h2>'));
  assert.ok(html.includes('data-file="policies&#47;access-control.md" data-line="6">policies&#47;access-control.md:6</button> Review overdue since 2026-03-01. <span class="code">[stale-review]</span>'));
  assert.ok(html.includes('<h2>Policy and practice (0)</h2><p class="muted">Where a policy and its controls disagree.</p><p>None.</p>'));
  assert.ok(html.includes('data-file="controls&#47;access.yaml" data-line="20">controls&#47;access.yaml:20</button>'));
  assert.equal(html.includes('<h2>Errors'), false);
  assert.ok(html.includes('<tr><td>Dana Lee</td><td><button type="button" class="link" data-root="file&#58;&#47;&#47;&#47;work&#47;acme" data-file="controls&#47;access.yaml" data-line="3"'));
});

test('long finding lists are capped with a pointer to the Problems panel', () => {
  const root = benignRoot();
  const d = root.summary.findings.evidence[0]!;
  root.summary.findings.evidence = Array.from({ length: MAX_LIST + 7 }, (): Diagnostic => ({ ...d }));
  const html = renderSummaryHtml(resultOf(root), NONCE);
  assert.ok(html.includes(`<h2>Evidence (${MAX_LIST + 7})</h2>`));
  assert.equal(html.match(/\[evidence-gap\]/g)?.length, MAX_LIST);
  assert.ok(html.includes('And 7 more: see the Problems panel.'));
});

test('empty states: loading, no soc2.yaml, server error (escaped), still indexing', () => {
  assert.ok(renderSummaryHtml(undefined, NONCE).includes('Reading policies and controls…'));
  assert.ok(renderSummaryHtml(resultOf(), NONCE).includes('No soc2.yaml was found in this workspace.'));
  const err = renderSummaryHtml(undefined, NONCE, { error: PAYLOADS.script });
  assert.ok(err.includes('could not compute the summary: &#60;script&#62;alert(1)&#60;&#47;script&#62;</p>'));
  assert.equal(err.includes(PAYLOADS.script), false);
  const indexing = renderSummaryHtml({ roots: [benignRoot()], indexing: true }, NONCE);
  assert.ok(indexing.includes('Still reading the workspace'));
});

test('two roots render two sections, each linking into its own root', () => {
  const html = renderSummaryHtml(resultOf(benignRoot('file:///work/a'), benignRoot('file:///work/b')), NONCE);
  assert.equal(html.match(/<section class="root"/g)?.length, 2);
  const roots = [...html.matchAll(/data-root="([^"]*)"/g)].map((m) => decode(m[1]!));
  assert.deepEqual([...new Set(roots)], ['file:///work/a', 'file:///work/b']);
});

test('the webview and the exported report share one escaper, which also escapes control characters', async () => {
  const report = await import('../server/src/report/summary-html');
  assert.equal(escapeHtml, report.escapeHtml);
  assert.equal(escapeHtml('a\u0000b\u001bc\u007f'), 'a&#0;b&#27;c&#127;');
  assert.equal(escapeHtml('tab\tand\nnewline'), 'tab\tand\nnewline');
});
