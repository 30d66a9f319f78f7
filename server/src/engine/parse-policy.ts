import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { isMap, type Node as YamlNode } from 'yaml';
import type { Mention, ParseProblem, Policy, Section, Sentence } from './model';
import { LineIndex, type Range } from './text';
import { locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';
import { validateDocument } from './schema';
import { scanBlock } from './policy-body';

export interface ParsedPolicy { policy?: Policy; problems: ParseProblem[]; sections: Section[] }

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parses a policy: YAML front matter for its fields, the Markdown body for sections, sentences and mentions. */
export function parsePolicy(file: string, text: string, lines = new LineIndex(text)): ParsedPolicy {
  const problems: ParseProblem[] = [];
  const tree = processor.parse(text) as MdNode;
  const children = tree.children ?? [];
  const fm = children[0]?.type === 'yaml' ? children[0] : undefined;

  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const headings: { title: string; level: number; start: number; end: number }[] = [];
  const walk = (node: MdNode): void => {
    const s = node.position?.start.offset, e = node.position?.end.offset;
    switch (node.type) {
      case 'yaml': case 'code': case 'html': return;
      case 'heading':
        if (s !== undefined && e !== undefined) {
          headings.push({ title: plainText(node).trim(), level: node.depth ?? 1, start: s, end: e });
          scanBlock(text, s, e, lines, sentences, mentions);
        }
        return;
      case 'paragraph': case 'tableRow':
        if (s !== undefined && e !== undefined) scanBlock(text, s, e, lines, sentences, mentions);
        return;
      default:
        for (const c of node.children ?? []) walk(c);
    }
  };
  walk(tree);
  const sections = buildSections(headings, text.length, lines);

  if (!fm) {
    const unterminated = /^---[ \t]*(\r\n|\n|\r)/.test(text);
    problems.push(unterminated
      ? { code: 'frontmatter-syntax', range: lines.lineRange(0), message: 'The front matter starts with `---` but is never closed: add a line with `---` after the last field.' }
      : { code: 'schema', range: lines.lineRange(0), message: 'This policy has no front matter: start the file with a `---` block giving at least its `id`.' });
    return { problems, sections };
  }

  const fmStart = fm.position!.start.offset!;
  const fmEnd = fm.position!.end.offset!;
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

function plainText(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

function buildSections(headings: { title: string; level: number; start: number; end: number }[], textEnd: number, lines: LineIndex): Section[] {
  return headings.map((h, i) => {
    let end = textEnd;
    for (let j = i + 1; j < headings.length; j++) if (headings[j].level <= h.level) { end = headings[j].start; break; }
    return { title: h.title, level: h.level, range: lines.range(h.start, h.end), fullRange: lines.range(h.start, end) };
  });
}
