import { isMap, type Node as YamlNode } from 'yaml';
import type { Mention, ParseProblem, Policy, Section, Sentence } from './model';
import { LineIndex, type Range } from './text';
import { locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';
import { withinDays } from './people-config';
import { validateDocument } from './schema';
import { scanBlock } from './policy-body';
import { findFrontMatter, nextLine, scanBlocks } from './markdown-blocks';

export interface ParsedPolicy { policy?: Policy; problems: ParseProblem[]; sections: Section[] }

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * remark is required on first use, not imported: only documents open in the editor go through it, and
 * loading it (unified, micromark, mdast) at start-up cost every `soc2 check` and every server start.
 */
let processor: { parse(text: string): unknown } | undefined;
function remark(): { parse(text: string): unknown } {
  if (!processor) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkFrontmatter = (require('remark-frontmatter') as typeof import('remark-frontmatter')).default;
    processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  }
  return processor;
}

export interface PolicyParseOptions {
  /**
   * `fast` (default) scans blocks in one pass (markdown-blocks.ts) and never builds a syntax tree;
   * `remark` parses with remark, for documents open in the editor. A test holds both to the same result.
   */
  markdown?: 'fast' | 'remark';
}

interface Heading { title: string; level: number; start: number; end: number }
interface Layout { frontMatter?: { start: number; end: number }; blocks: { kind: 'heading' | 'paragraph'; start: number; end: number; level?: number; title?: string }[] }

function remarkLayout(text: string): Layout {
  const tree = remark().parse(text) as MdNode;
  const children = tree.children ?? [];
  const fm = children[0]?.type === 'yaml' ? children[0] : undefined;
  const blocks: Layout['blocks'] = [];
  const walk = (node: MdNode): void => {
    const s = node.position?.start.offset, e = node.position?.end.offset;
    switch (node.type) {
      case 'yaml': case 'code': case 'html': case 'definition': return;
      case 'heading':
        if (s !== undefined && e !== undefined) blocks.push({ kind: 'heading', start: s, end: e, level: node.depth ?? 1, title: plainText(node).trim() });
        return;
      case 'paragraph':
        if (s !== undefined && e !== undefined) blocks.push({ kind: 'paragraph', start: s, end: e });
        return;
      default:
        for (const c of node.children ?? []) walk(c);
    }
  };
  walk(tree);
  return { frontMatter: fm ? { start: fm.position!.start.offset!, end: fm.position!.end.offset! } : undefined, blocks };
}

/**
 * remark recurses per container level, so thousands of nested quotes or list items overflow its stack
 * or take minutes. Real policies nest a few levels; past this the fast scanner (which does not recurse) reads it.
 */
const MAX_REMARK_NESTING = 32;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;

/**
 * remark's inline parsing grows faster than linearly with the emphasis and link openers of one block
 * (`*a *a *a … c* c*` takes seconds at a few hundred), and its whole cost with the document's size.
 */
const MAX_REMARK_DELIMITERS = 256;
const MAX_REMARK_CHARS = 1_000_000;

export function tooDeepForRemark(text: string): boolean {
  if (text.length > MAX_REMARK_CHARS) return true;
  CONTAINER_PREFIX.lastIndex = 0;
  for (let m = CONTAINER_PREFIX.exec(text); m; m = CONTAINER_PREFIX.exec(text)) {
    if (m[0].length === 0) { CONTAINER_PREFIX.lastIndex++; continue; }
    // Markers nest, and so does indentation: a list item indented 2 columns deeper is a level deeper.
    const columns = m[0].replace(/[^ \t]/g, '').replace(/\t/g, '    ').length;
    if (m[0].replace(/[^>*+\-.)]/g, '').length + Math.floor(columns / 2) > MAX_REMARK_NESTING) return true;
  }
  let delimiters = 0, blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) { if (blank) delimiters = 0; blank = true; continue; }
    if (c !== 32 && c !== 9) blank = false;
    if ((c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */) && ++delimiters > MAX_REMARK_DELIMITERS) return true;
  }
  return false;
}

function fastLayout(text: string): Layout {
  const fm = findFrontMatter(text);
  return { frontMatter: fm && { start: fm.start, end: fm.end }, blocks: scanBlocks(text, fm ? nextLine(text, fm.end) : 0) };
}

/** Parses a policy: YAML front matter for its fields, the Markdown body for sections, sentences and mentions. */
export function parsePolicy(file: string, text: string, lines = new LineIndex(text), options: PolicyParseOptions = {}): ParsedPolicy {
  const problems: ParseProblem[] = [];
  const layout = options.markdown === 'remark' && !tooDeepForRemark(text) ? remarkLayout(text) : fastLayout(text);
  const fm = layout.frontMatter;

  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const headings: Heading[] = [];
  for (const b of layout.blocks) {
    if (b.kind === 'heading') headings.push({ title: b.title ?? headingTitle(text.slice(b.start, b.end)), level: b.level ?? 1, start: b.start, end: b.end });
    scanBlock(text, b.start, b.end, lines, sentences, mentions);
  }
  const sections = buildSections(headings, text.length, lines);

  if (!fm) {
    const unterminated = /^---[ \t]*(\r\n|\n|\r)/.test(text);
    problems.push(unterminated
      ? { code: 'frontmatter-syntax', range: lines.lineRange(0), message: 'The front matter starts with `---` but is never closed: add a line with `---` after the last field.' }
      : { code: 'schema', range: lines.lineRange(0), message: 'This policy has no front matter: start the file with a `---` block giving at least its `id`.' });
    return { problems, sections };
  }

  const fmStart = fm.start;
  const fmEnd = fm.end;
  const openLine = lines.position(fmStart).line;
  const contentStart = lines.lineStart(openLine + 1);
  const closeLine = lines.position(fmEnd).line;
  const contentEnd = Math.max(contentStart, lines.lineStart(closeLine));
  const src = new YamlSource(text.slice(contentStart, contentEnd), lines, contentStart, 'frontmatter-syntax');
  problems.push(...src.problems);
  const doc = src.docs[0];
  const root = doc?.contents as YamlNode | null | undefined;
  const frontMatterRange: Range = lines.range(fmStart, fmEnd);
  if (!doc || !isMap(root)) {
    if (!src.problems.length) problems.push({ code: 'schema', range: frontMatterRange, message: 'The front matter should be a mapping of fields (`id: POL-AC`, `owner: ...`).' });
    return { problems, sections };
  }
  if (!doc.errors.length) problems.push(...validateDocument('policy', src, doc));
  const id = locatedString(src, root, 'id');
  if (!id || !id.value.trim()) return { problems, sections };
  const criteria = locatedList(src, root, 'criteria');
  const controls = locatedList(src, root, 'controls');
  const owner = locatedString(src, root, 'owner');
  const policy: Policy = {
    kind: 'policy',
    id: id.value.trim(),
    idRange: id.range,
    file,
    frontMatterRange,
    hasFrontMatter: true,
    title: locatedString(src, root, 'title'),
    owner: owner && owner.value.trim() ? owner : undefined,
    approver: locatedString(src, root, 'approver'),
    approvedOn: locatedString(src, root, 'approved_on'),
    version: locatedString(src, root, 'version'),
    lastReviewed: locatedString(src, root, 'last_reviewed'),
    reviewCycle: locatedScalar(src, root, 'review_cycle'),
    acknowledgeWithinDays: withinDays(src, root, 'acknowledge'),
    criteria: criteria.items,
    criteriaKey: criteria.keyRange,
    controls: controls.items,
    controlsKey: controls.keyRange,
    mentions,
    sentences,
    sections,
  };
  return { policy, problems, sections };
}

/** A heading's text without its markers and inline markup (`## **Scope**` → `Scope`). */
export function headingTitle(raw: string): string {
  const firstLines = raw.split(/\r\n|\n|\r/);
  const setext = firstLines.length > 1 && /^\s*(=+|-+)\s*$/.test(firstLines[firstLines.length - 1]);
  let t = setext ? firstLines.slice(0, -1).map((l) => l.trim()).join(' ') : raw.replace(/^\s*#{1,6}/, '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^[ \t]*#+[ \t]*$/, '');
  t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\\(.)/g, '$1');
  return t.trim();
}

function plainText(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

function buildSections(headings: Heading[], textEnd: number, lines: LineIndex): Section[] {
  return headings.map((h, i) => {
    let end = textEnd;
    for (let j = i + 1; j < headings.length; j++) if (headings[j].level <= h.level) { end = headings[j].start; break; }
    return { title: h.title, level: h.level, range: lines.range(h.start, h.end), fullRange: lines.range(h.start, end) };
  });
}
