import { isMap, type Node as YamlNode } from 'yaml';
import type { Mention, ParseProblem, Policy, Section, Sentence, TableCell, TableRow } from './model';
import { LineIndex, type Range } from './text';
import { locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';
import { withinDays } from './people-config';
import { validateDocument } from './schema';
import { addSentence, scanBlock } from './policy-body';
import { findFrontMatter, nextLine, scanBlocks, type Block, type Span } from './markdown-blocks';

export interface ParsedPolicy { policy?: Policy; problems: ParseProblem[]; sections: Section[] }

export interface PolicyParseOptions {
  /**
   * @deprecated Ignored. Policies were once read by remark in the editor and by a fast scanner elsewhere,
   * and the two could disagree; every caller now gets the one scanner (markdown-blocks.ts).
   */
  markdown?: 'fast' | 'remark';
}

interface Heading { title: string; level: number; start: number; end: number }

export interface PolicyBody { sentences: Sentence[]; mentions: Mention[]; tableRows: TableRow[]; sections: Section[] }

/** Turns the body's blocks (markdown-blocks.ts) into the sentences, mentions, table rows and sections of the model. */
export function readBody(text: string, blocks: readonly Block[], lines: LineIndex): PolicyBody {
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const headings: Heading[] = [];
  const tableRows: TableRow[] = [];
  const cell = (c: Span): TableCell => ({ text: c.text ?? text.slice(c.start, c.end), range: lines.range(c.start, c.end) });
  let tables = 0;
  for (const b of blocks) {
    if (b.kind === 'table') {
      const header = b.header.map(cell);
      const section = headings.length ? headings[headings.length - 1].title : undefined;
      for (const r of b.rows) {
        if (r.end <= r.start) continue;
        const sentence = addSentence(text, r.start, r.end, lines, sentences, mentions);
        sentence.row = tableRows.length;
        tableRows.push({ table: tables, header, cells: r.cells.map(cell), range: lines.range(r.start, r.end), sentence: sentences.length - 1, section });
      }
      tables++;
      continue;
    }
    if (b.kind === 'heading') headings.push({ title: headingTitle(text.slice(b.start, b.end)), level: b.level ?? 1, start: b.start, end: b.end });
    const first = sentences.length;
    scanBlock(text, b.start, b.end, lines, sentences, mentions);
    if (b.item) for (let i = first; i < sentences.length; i++) sentences[i].listDepth = b.item;
  }
  return { sentences, mentions, tableRows, sections: buildSections(headings, text.length, lines) };
}

/** Parses a policy: YAML front matter for its fields, the Markdown body for sections, sentences and mentions. */
export function parsePolicy(file: string, text: string, lines = new LineIndex(text), _options: PolicyParseOptions = {}): ParsedPolicy {
  const problems: ParseProblem[] = [];
  const fm = findFrontMatter(text);
  const blocks = scanBlocks(text, fm ? nextLine(text, fm.end) : 0);

  const { sentences, mentions, tableRows, sections } = readBody(text, blocks, lines);

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
    tableRows,
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

function buildSections(headings: Heading[], textEnd: number, lines: LineIndex): Section[] {
  return headings.map((h, i) => {
    let end = textEnd;
    for (let j = i + 1; j < headings.length; j++) if (headings[j].level <= h.level) { end = headings[j].start; break; }
    return { title: h.title, level: h.level, range: lines.range(h.start, h.end), fullRange: lines.range(h.start, end) };
  });
}
