import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type * as Mdast from 'mdast';
import type * as Hast from 'hast';
import { ID_TOKEN } from '../engine/policy-body';
import { POLICY_SCHEMA } from './sanitize-schema';
import { slug } from './names';
import { classifyHref } from './links';

/**
 * A policy body (Markdown, front matter ignored) as HTML for the published site. Policy text is untrusted:
 * raw HTML is shown as text, images are replaced by their description, the result goes through rehype-sanitize with a strict
 * schema, and every link that survives is narrowed to http(s), mailto or a page of the site itself.
 */

export interface RenderOptions {
  /** The policy's path in the repo, `/`-separated; relative links are resolved against its folder. */
  file: string;
  /** Prefixed to every id this body defines, so several policies can share one page (the handbook). */
  idPrefix?: string;
  /** The site link of a control id, or undefined when the repo has no such control. */
  controlHref(id: string): string | undefined;
  /** The site link of a repo file (another policy), or undefined when it is not published. */
  fileHref(repoPath: string): string | undefined;
  /** Whether a relative link already names a page (and anchor) of the site, as `controls.html#control-AC-01`. */
  isSiteHref(href: string): boolean;
}

export interface RenderedBody {
  html: string;
  headings: { depth: number; text: string; id: string }[];
}

export function renderPolicyBody(markdown: string, options: RenderOptions): RenderedBody {
  const headings: RenderedBody['headings'] = [];
  const prefix = options.idPrefix ?? '';
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(() => (tree: Mdast.Root, file) => { neutraliseMdast(tree, String(file.value), options); })
    .use(remarkRehype, { clobberPrefix: `${prefix}note-`, footnoteLabel: 'Notes', footnoteBackLabel: 'Back to the text' })
    .use(rehypeSanitize, POLICY_SCHEMA)
    .use(() => (tree: Hast.Root) => { anchorHeadings(tree, prefix, headings); narrowLinks(tree, options, prefix); })
    .use(rehypeStringify);
  const html = String(processor.processSync(markdown.replace(/^\uFEFF/, '')));
  return { html, headings };
}

// ---- Markdown tree -----------------------------------------------------------------------------

type MdParent = Mdast.Parent;

/** Raw HTML becomes visible text (comments disappear); images their description; control ids links. */
function neutraliseMdast(tree: Mdast.Root, source: string, options: RenderOptions): void {
  const walk = (parent: MdParent, inLink: boolean) => {
    const out: Mdast.RootContent[] = [];
    const block = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' || parent.type === 'footnoteDefinition';
    for (const node of parent.children as Mdast.RootContent[]) {
      if (node.type === 'yaml' || (node.type as string) === 'toml') continue;
      if (node.type === 'html') {
        if (/^\s*<!--[\s\S]*?-->\s*$/.test(node.value)) continue;
        const text: Mdast.Text = { type: 'text', value: node.value };
        out.push(block ? { type: 'paragraph', children: [text] } : text);
        continue;
      }
      // An image would be fetched when the page opens; the site loads nothing, so only its description is shown.
      if (node.type === 'image' || node.type === 'imageReference') {
        if (node.alt) out.push({ type: 'text', value: `[image: ${node.alt}]` });
        continue;
      }
      // A bare address GFM turns into a link (`www.x.example`) stays text: only what the author wrote as a link is one.
      if (node.type === 'link' && !/^[[<]/.test(source.charAt(node.position?.start.offset ?? 0))) {
        out.push({ type: 'text', value: source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0) });
        continue;
      }
      if (node.type === 'text' && !inLink) {
        out.push(...linkControlIds(node.value, options));
        continue;
      }
      if ('children' in node) walk(node as MdParent, inLink || node.type === 'link' || node.type === 'linkReference');
      out.push(node);
    }
    parent.children = out as typeof parent.children;
  };
  walk(tree, false);
}

/** Splits a text node so each known control id in it links to its row of the control matrix. */
function linkControlIds(text: string, options: RenderOptions): Mdast.PhrasingContent[] {
  const out: Mdast.PhrasingContent[] = [];
  const re = new RegExp(ID_TOKEN.source, 'g');
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const href = options.controlHref(m[0]);
    if (!href) continue;
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push({ type: 'link', url: href, title: null, children: [{ type: 'text', value: m[0] }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

// ---- HTML tree (after sanitising) --------------------------------------------------------------

function isElement(n: Hast.Node): n is Hast.Element { return n.type === 'element'; }

function textOf(n: Hast.Node): string {
  if (n.type === 'text') return (n as Hast.Text).value;
  return 'children' in n ? (n as Hast.Parent).children.map(textOf).join('') : '';
}

function* elements(n: Hast.Parent): Generator<Hast.Element> {
  for (const c of n.children) {
    if (!isElement(c)) continue;
    yield c;
    yield* elements(c);
  }
}

/** Every heading gets an id from its text (unique on the page) and a link to itself. */
function anchorHeadings(tree: Hast.Root, prefix: string, headings: RenderedBody['headings']): void {
  const used = new Set<string>();
  for (const el of elements(tree)) {
    const id = el.properties?.id;
    if (typeof id === 'string') used.add(id);
  }
  for (const el of elements(tree)) {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (!m || el.properties?.id) continue;
    const text = textOf(el).trim();
    const base = `${prefix}${slug(text, 'section')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    el.properties = { ...el.properties, id };
    el.children.push({ type: 'element', tagName: 'a', properties: { className: ['anchor'], href: `#${id}`, ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] });
    headings.push({ depth: Number(m[1]), text, id });
  }
}

/**
 * Keeps a link only when it goes to http(s), mailto, an id on this page, another published policy or a
 * control in the matrix; any other link is unwrapped to its text. Ids the sanitiser let through are
 * checked against the same closed alphabet the site's own ids use.
 */
function narrowLinks(tree: Hast.Root, options: RenderOptions, prefix: string): void {
  const ids = new Set<string>();
  for (const el of elements(tree)) {
    let id = el.properties?.id;
    if (id === undefined) continue;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) { delete el.properties.id; continue; }
    // Ids the Markdown converter set itself (the notes' heading) are prefixed like the rest.
    if (!id.startsWith(prefix)) el.properties.id = id = prefix + id;
    ids.add(id);
  }
  const visit = (parent: Hast.Parent) => {
    const out: Hast.RootContent[] = [];
    for (const node of parent.children as Hast.RootContent[]) {
      if (isElement(node)) visit(node);
      if (!isElement(node) || node.tagName !== 'a') { out.push(node); continue; }
      const raw = node.properties?.href;
      if (raw === undefined && node.properties?.id) { out.push(node); continue; } // a footnote's back-reference target
      const href = typeof raw === 'string' ? classifyHref(raw, { ...options, prefix, ids }) : undefined;
      if (href === undefined) { out.push(...(node.children as Hast.RootContent[])); continue; }
      node.properties = { ...node.properties, href };
      if (/^(https?|mailto):/i.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
      out.push(node);
    }
    parent.children = out as typeof parent.children;
  };
  visit(tree);
}
