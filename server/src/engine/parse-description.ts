import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { ParseProblem } from './model';
import { LineIndex, type Range } from './text';
import { findPair, locatedList, locatedString, YamlSource } from './yaml-source';
import { validateDocument } from './schema';
import { findFrontMatter, nextLine, scanBlocks } from './markdown-blocks';
import { headingTitle } from './parse-policy';
import type { Cuec, DescriptionSection, SystemDescription } from './register-model';

export interface ParsedDescription { description: SystemDescription; problems: ParseProblem[] }

/**
 * Reads the system description: optional front matter (title, CUECs, subservice organisation ids) and
 * the Markdown sections. Unlike a policy it needs no id, so a description without front matter is fine.
 */
export function parseDescription(file: string, text: string, lines = new LineIndex(text)): ParsedDescription {
  const problems: ParseProblem[] = [];
  const fm = findFrontMatter(text);
  const description: SystemDescription = { file, frontMatterRange: lines.range(0, 0), cuecs: [], sections: [] };
  const bodyStart = fm ? nextLine(text, fm.end) : 0;
  if (!fm && /^---[ \t]*(\r\n|\n|\r)/.test(text)) {
    problems.push({ code: 'frontmatter-syntax', range: lines.lineRange(0), message: 'The front matter starts with `---` but is never closed: add a line with `---` after the last field.' });
  }
  if (fm) {
    description.frontMatterRange = lines.range(fm.start, fm.end);
    const src = new YamlSource(text.slice(fm.contentStart, fm.contentEnd), lines, fm.contentStart, 'frontmatter-syntax');
    problems.push(...src.problems);
    const doc = src.docs[0];
    const root = doc?.contents as YamlNode | null | undefined;
    if (doc && isMap(root)) {
      if (!doc.errors.length) problems.push(...validateDocument('description', src, doc));
      description.title = locatedString(src, root, 'title')?.value;
      const cuecs = findPair(root, 'cuecs');
      if (cuecs) {
        description.cuecsKey = src.nodeRange(cuecs.key as YamlNode);
        if (isSeq(cuecs.value)) {
          for (const item of cuecs.value.items) {
            if (!isMap(item)) continue;
            description.cuecs.push({
              id: locatedString(src, item, 'id')?.value,
              description: locatedString(src, item, 'description')?.value,
              criteria: locatedList(src, item, 'criteria').items,
              range: src.nodeRange(item),
            } satisfies Cuec);
          }
        }
      }
      const subs = locatedList(src, root, 'subservice_organizations');
      if (subs.keyRange) description.subserviceIds = subs.items;
    } else if (doc && root !== null && root !== undefined && !src.problems.length) {
      problems.push({ code: 'schema', range: description.frontMatterRange, message: 'The front matter should be a mapping of fields (`title: ...`, `cuecs: [...]`).' });
    }
  }
  description.sections = sectionsOf(text, bodyStart, lines);
  return { description, problems };
}

interface Heading { title: string; level: number; start: number; end: number }

function sectionsOf(text: string, from: number, lines: LineIndex): DescriptionSection[] {
  const headings: Heading[] = scanBlocks(text, from)
    .filter((b) => b.kind === 'heading')
    .map((b) => ({ title: headingTitle(text.slice(b.start, b.end)), level: ('level' in b ? b.level : undefined) ?? 1, start: b.start, end: b.end }));
  return headings.map((h, i) => {
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) if (headings[j].level <= h.level) { end = headings[j].start; break; }
    const range: Range = lines.range(h.start, h.end);
    return { title: h.title, level: h.level, range, body: text.slice(h.end, end), bodyStart: lines.position(h.end) };
  });
}
