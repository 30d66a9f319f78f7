/**
 * Rendering: every Markdown construct the bundled policy templates use comes out as its HTML element, headings
 * get anchors, control ids link to the control matrix, and a body with every other feature (alignment, task
 * lists, footnotes, strikethrough, quotes, code) renders as expected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type * as Mdast from 'mdast';
import { scaffold } from '../../server/src/scaffold/scaffold';
import { renderPolicyBody } from '../../server/src/publish/markdown';
import { elementsOf, siteOf, brokenLinks, type El } from './site-helpers';

/** The HTML element each Markdown node becomes (nodes that leave no element of their own are absent). */
const ELEMENT_OF: Record<string, (els: El[]) => boolean> = {
  heading: (els) => els.some((e) => /^h[1-6]$/.test(e.tag) && !!e.attrs.id),
  paragraph: (els) => els.some((e) => e.tag === 'p'),
  list: (els) => els.some((e) => e.tag === 'ul' || e.tag === 'ol'),
  listItem: (els) => els.some((e) => e.tag === 'li'),
  table: (els) => els.some((e) => e.tag === 'table'),
  tableRow: (els) => els.some((e) => e.tag === 'tr' && e.parent?.tag === 'tbody'),
  tableCell: (els) => els.some((e) => e.tag === 'td') && els.some((e) => e.tag === 'th'),
  strong: (els) => els.some((e) => e.tag === 'strong'),
  emphasis: (els) => els.some((e) => e.tag === 'em'),
  inlineCode: (els) => els.some((e) => e.tag === 'code' && e.parent?.tag !== 'pre'),
  code: (els) => els.some((e) => e.tag === 'code' && e.parent?.tag === 'pre'),
  link: (els) => els.some((e) => e.tag === 'a' && !!e.attrs.href),
  blockquote: (els) => els.some((e) => e.tag === 'blockquote'),
  thematicBreak: (els) => els.some((e) => e.tag === 'hr'),
  delete: (els) => els.some((e) => e.tag === 'del'),
  break: (els) => els.some((e) => e.tag === 'br'),
};
const NO_ELEMENT = new Set(['root', 'text', 'yaml']);

function nodeTypes(markdown: string): Set<string> {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(markdown);
  const types = new Set<string>();
  const walk = (n: Mdast.Nodes) => { types.add(n.type); if ('children' in n) n.children.forEach(walk); };
  walk(tree);
  return types;
}

test('every Markdown construct the bundled templates use renders as its element, on every template\'s page', async () => {
  const files = Object.fromEntries(scaffold({ organization: 'Render Co', reportType: 1, categories: ['security', 'availability', 'confidentiality'], owner: 'lead@render.example', today: '2026-07-15', templates: [] }));
  const all = Object.fromEntries(scaffold({ organization: 'Render Co', reportType: 1, categories: ['security', 'availability', 'confidentiality'], owner: 'lead@render.example', today: '2026-07-15', templates: TEMPLATE_NAMES }));
  assert.ok(Object.keys(all).filter((f) => f.startsWith('policies/')).length >= 13, 'all templates scaffolded');
  const site = await siteOf({ ...files, ...all });
  const used = new Set<string>();
  for (const [file, text] of Object.entries(all)) {
    if (!file.startsWith('policies/')) continue;
    const types = nodeTypes(text);
    const id = /^id: (.+)$/m.exec(text)![1];
    const pageName = [...site.keys()].find((n) => n === `policy-${id.toLowerCase()}.html`);
    assert.ok(pageName, `${file} has a page`);
    const body = elementsOf(site.get(pageName)!).filter((e) => isInBody(e));
    for (const t of types) {
      if (NO_ELEMENT.has(t)) continue;
      used.add(t);
      assert.ok(ELEMENT_OF[t], `${file} uses ${t}, which this test does not know yet`);
      assert.ok(ELEMENT_OF[t](body), `${file}: its ${t} did not render`);
    }
    // Headings carry an anchor that links to themselves.
    for (const h of body.filter((e) => /^h[1-6]$/.test(e.tag))) {
      assert.ok(body.some((a) => a.parent === h && a.tag === 'a' && a.attrs.href === `#${h.attrs.id}`), `${file}: heading "${h.text}" has no anchor`);
    }
  }
  for (const t of ['heading', 'table', 'list', 'listItem', 'link', 'inlineCode', 'strong']) assert.ok(used.has(t), `the templates use ${t}`);
  assert.deepEqual(brokenLinks(site), []);
});

function isInBody(e: El): boolean {
  for (let p: El | undefined = e; p; p = p.parent) if (p.attrs.class === 'policy-body') return true;
  return false;
}

const TEMPLATE_NAMES = ['acceptable-use', 'access-control', 'business-continuity', 'change-management', 'data-classification', 'data-retention', 'encryption', 'incident-response', 'information-security', 'logging-and-monitoring', 'risk-assessment', 'security-awareness', 'vendor-management'];

const EVERYTHING = `---
id: POL-X
---
# Everything Policy

## Lists and tables

1. First, see AC-01
2. Second
   - nested *emphasis* and **strong**
   - nested \`inline code AC-01\` keeps the id as code

- [ ] open task
- [x] done task

| Left | Centre | Right |
|:-----|:------:|------:|
| a    | b      | AC-02 |

## Quotes, code and notes

> A quote with [a web link](https://example.com/policy) and [mail](mailto:sec@example.com).

\`\`\`yaml
id: AC-01
\`\`\`

~~struck~~ and a note[^n].

---

### Deeper [back to top](#everything-policy)

[^n]: The note's text.
`;

test('a body with every feature: elements, alignment, tasks, footnotes, code ids left alone, links kept', () => {
  const { html, headings } = renderPolicyBody(EVERYTHING, {
    file: 'policies/x.md', controlHref: (id) => (id === 'AC-01' || id === 'AC-02' ? `controls.html#control-${id}` : undefined),
    fileHref: () => undefined, isSiteHref: (h) => h.startsWith('controls.html#'),
  });
  const els = elementsOf(html);
  const tags = (t: string) => els.filter((e) => e.tag === t);
  assert.deepEqual(headings.map((h) => [h.depth, h.id]), [[1, 'everything-policy'], [2, 'lists-and-tables'], [2, 'quotes-code-and-notes'], [3, 'deeper-back-to-top']]);
  assert.equal(tags('ol')[0].parent?.tag, 'body');
  assert.ok(tags('ul').some((u) => u.parent?.tag === 'li'), 'a nested list');
  assert.deepEqual(tags('th').map((t) => t.attrs.align), ['left', 'center', 'right']);
  assert.deepEqual(tags('input').map((i) => [i.attrs.type, 'disabled' in i.attrs, 'checked' in i.attrs]), [['checkbox', true, false], ['checkbox', true, true]]);
  assert.equal(tags('blockquote').length, 1);
  assert.equal(tags('del')[0].text, 'struck');
  assert.equal(tags('hr').length, 1);
  assert.equal(tags('pre').length, 1);
  assert.equal(els.find((e) => e.tag === 'code' && e.parent?.tag === 'pre')?.attrs.class, 'language-yaml');
  const links = tags('a').map((a) => [a.text, a.attrs.href]);
  // Control ids link to the matrix in prose and tables, never inside code.
  assert.deepEqual(links.filter(([, h]) => h?.startsWith('controls.html')), [['AC-01', 'controls.html#control-AC-01'], ['AC-02', 'controls.html#control-AC-02']]);
  assert.ok(links.some(([t, h]) => t === 'a web link' && h === 'https://example.com/policy'));
  assert.ok(links.some(([t, h]) => t === 'mail' && h === 'mailto:sec@example.com'));
  assert.ok(links.some(([t, h]) => t === 'back to top' && h === '#everything-policy'));
  // The footnote reference and its back-reference point at ids that exist.
  const ids = new Set(els.map((e) => e.attrs.id).filter(Boolean));
  for (const [, h] of links) if (h?.startsWith('#')) assert.ok(ids.has(h.slice(1)), `${h} resolves`);
  assert.ok(els.some((e) => e.tag === 'sup'), 'a footnote call');
});

test('the handbook prefixes each policy\'s ids, so two policies with the same headings keep distinct anchors', async () => {
  const base = { 'soc2.yaml': 'organization: Twin Co\nreport: { type: 1 }\nscope: { categories: [security] }\n' };
  const pol = (id: string) => `---\nid: ${id}\ntitle: ${id}\n---\n# ${id}\n\n## Purpose\n\nSee [the other](other.md) and [purpose](#purpose).\n`;
  const site = await siteOf({ ...base, 'policies/one.md': pol('POL-1'), 'policies/other.md': pol('POL-2') });
  const ids = elementsOf(site.get('handbook.html')!).map((e) => e.attrs.id).filter(Boolean);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(' ')}`);
  assert.ok(ids.includes('p1-purpose') && ids.includes('p2-purpose'));
  const one = elementsOf(site.get('policy-pol-1.html')!).filter((e) => e.tag === 'a').map((a) => [a.text, a.attrs.href]);
  assert.ok(one.some(([t, h]) => t === 'the other' && h === 'policy-pol-2.html'), 'a link to another policy file goes to its page');
  assert.deepEqual(brokenLinks(site), []);
});
