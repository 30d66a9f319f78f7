/**
 * Policy text is untrusted: the robustness suite's XSS payloads in policy bodies, front matter, ids, titles,
 * owners and file names, plus the Markdown ways of smuggling a script or a remote load, end up inert in every
 * page of the published site. Checked by parsing each page as a browser would (parse5), not by searching text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostileRepo, PAYLOADS, XSS_PAYLOADS } from '../hostile-fixture';
import { brokenLinks, elementsOf, siteOf, type El } from './site-helpers';

const X = XSS_PAYLOADS;
const q = (s: string) => JSON.stringify(s);

/** Every way a Markdown body commonly carries a script, a handler or a remote load. */
const MARKDOWN_ATTACKS = [
  '[js](javascript:alert(11))', '[JS](JaVaScRiPt:alert(12))', '[tab](java\tscript:alert(13))', '[ent](java&#x09;script:alert(14))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNSk8L3NjcmlwdD4=)', '[vb](vbscript:msgbox(16))', '[file](file:///etc/passwd)',
  '[proto-relative](//evil.example/17)', '[backslash](\\\\evil.example\\18)', '[ref link][r]', '<javascript:alert(19)>',
  '<a href="javascript:alert(20)">raw anchor</a>', '<iframe src="https://evil.example/21"></iframe>', '![pixel](https://evil.example/22.png)',
  '<img src=x onerror=alert(23)>', '<svg><script>alert(24)</script></svg>', '<details open ontoggle=alert(25)>x</details>',
  '<style>body{background:url(https://evil.example/26)}</style>', '<math><mtext><table><mglyph><style><img src=x onerror=alert(27)>',
  '[titled](https://ok.example/28 "\\" onmouseover=alert(28) x=\\"")', '<form action="https://evil.example/29"><button>go</button></form>',
  '<base href="https://evil.example/">', '<meta http-equiv="refresh" content="0;url=https://evil.example/30">', '<!-- <script>alert(31)</script> -->',
  'A note[^x].', '[up](../../../etc/passwd)', '[repo file](../controls/access.yaml)', '[good](https://example.com/ok)', '[mail](mailto:security@example.com)',
];

function hostileSite(): Record<string, string> {
  const body = [`# ${X.style}`, '', `${X.script} is reviewed quarterly (${X.img}). ${X.link}`, '', ...Object.values(X).map((v) => `- ${v}`), '',
    ...MARKDOWN_ATTACKS.map((a) => `${a}\n`), '[r]: javascript:alert(32)', '', `[^x]: ${X.img} ${X.svg}`, ''].join('\n');
  return {
    ...hostileRepo(),
    'policies/payloads.md': `---\nid: ${q(X.svg)}\ntitle: ${q(X.link)}\nowner: ${q(X.script)}\napprover: ${q(X.img)}\napproved_on: 2026-01-01\nversion: ${q(X.style)}\nreview_cycle: ${q(X.js)}\nlast_reviewed: 2026-01-01\ncriteria: [${q(X.formula)}, CC6.1]\ncontrols: [${q(X.img)}, ${q(X.js)}]\n---\n${body}`,
    'policies/escapes.md': `---\nid: POL-ESC\ntitle: ${q(X.esc)}\nowner: ${q(X.at)}\n---\n# ${X.esc}\n\n${MARKDOWN_ATTACKS.join(' ')}\n`,
  };
}

const ALLOWED_TAGS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'nav', 'span', 'a', 'div', 'main', 'article', 'header', 'footer', 'section', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'code', 'pre', 'em', 'strong', 'del', 'blockquote', 'hr', 'br', 'sup', 'small', 'input']);
const ALLOWED_ATTRS = new Set(['href', 'id', 'class', 'align', 'start', 'type', 'disabled', 'checked', 'rel', 'charset', 'http-equiv', 'content', 'name', 'lang', 'aria-hidden']);

function assertInert(page: string, html: string): void {
  const els = elementsOf(html);
  const where = (e: El) => `${page}: <${e.tag} ${JSON.stringify(e.attrs)}>`;
  for (const e of els) {
    assert.ok(ALLOWED_TAGS.has(e.tag), `${where(e)} is not an element the site emits`);
    for (const [name, value] of Object.entries(e.attrs)) {
      assert.ok(ALLOWED_ATTRS.has(name), `${where(e)}: attribute ${name}`);
      assert.doesNotMatch(value, /javascript:|vbscript:|data:/i, where(e));
    }
    if (e.tag === 'a' && e.attrs.href !== undefined) {
      assert.match(e.attrs.href, /^(https?:\/\/[^/\\]|mailto:|[a-z0-9-]+\.html(#[A-Za-z0-9_.-]+)?$|#[A-Za-z0-9_-]+$)/, where(e));
      assert.doesNotMatch(e.attrs.href, /evil\.example|passwd/, `${where(e)}: an attacker's link survived`);
    }
    if (e.tag === 'link') assert.deepEqual(e.attrs, { rel: 'stylesheet', href: 'style.css' }, where(e));
    if (e.tag === 'meta' && e.attrs['http-equiv']) assert.equal(e.attrs['http-equiv'], 'Content-Security-Policy', where(e));
    if (e.tag === 'input') assert.deepEqual(e.attrs, { type: 'checkbox', disabled: '' }, where(e));
  }
  const csp = els.find((e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
  assert.match(csp?.attrs.content ?? '', /^default-src 'none'; style-src 'self';/, `${page}: no CSP`);
}

test('the published site of a hostile repo is inert on every page, and the payloads are shown as text', async () => {
  const site = await siteOf(hostileSite());
  const pages = [...site.keys()].filter((n) => n.endsWith('.html'));
  assert.ok(pages.length >= 7, pages.join(' '));
  for (const name of pages) {
    assert.match(name, /^(index|controls|criteria|handbook|policy-[a-z0-9-]+)\.html$/, 'page names use a closed alphabet');
    assertInert(name, site.get(name)!);
  }
  const page = site.get('policy-svg-onload-alert-3.html')!;
  const text = elementsOf(page).find((e) => e.tag === 'body')!.text;
  for (const shown of ['<script>alert(1)</script>', '<img src=x onerror=alert(23)>', '<a href="javascript:alert(20)">', '[image: pixel]', 'proto-relative', X.link]) assert.ok(text.includes(shown), `"${shown}" is shown as text`);
  for (const dropped of ['alert(31)', '22.png', 'alert(11)']) assert.ok(!text.includes(dropped), `"${dropped}" is not in the page`);
  assert.deepEqual(brokenLinks(site), []);
});

test('external links appear only where a policy wrote them as links', async () => {
  const files = hostileSite();
  const site = await siteOf(files);
  const written = new Set(['https://example.com/ok', 'mailto:security@example.com', 'https://ok.example/28']);
  for (const [name, html] of site) {
    if (!name.endsWith('.html')) continue;
    for (const e of elementsOf(html)) {
      const href = e.attrs.href;
      if (href && /^[a-z]+:/i.test(href)) assert.ok(written.has(href), `${name}: external reference ${href}`);
    }
  }
  // The payload URL in an owner field is text, never a link.
  assert.ok([...site.values()].some((html) => html.includes(PAYLOADS.url.replace(/&/g, '&#38;').replace('?', '?'))));
});
