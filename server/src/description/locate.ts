import type { Range } from '../engine/text';
import type { DescriptionSection } from '../engine/register-model';

/** The range of `length` characters at `offset` in a section's body, counted from where the body starts. */
export function rangeInSection(section: DescriptionSection, offset: number, length: number): Range {
  const at = (o: number) => {
    const before = section.body.slice(0, o);
    const nl = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const breaks = (before.match(/\r\n|\n|\r/g) ?? []).length;
    return breaks === 0
      ? { line: section.bodyStart.line, character: section.bodyStart.character + o }
      : { line: section.bodyStart.line + breaks, character: o - nl - 1 };
  };
  return { start: at(offset), end: at(offset + length) };
}
