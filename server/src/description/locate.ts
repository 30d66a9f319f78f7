import { positionAfter, type Range } from '../engine/text';
import type { DescriptionSection } from '../engine/register-model';

/** The range of `length` characters at `offset` in a section's body, counted from where the body starts. */
export function rangeInSection(section: DescriptionSection, offset: number, length: number): Range {
  return { start: positionAfter(section.body, section.bodyStart, offset), end: positionAfter(section.body, section.bodyStart, offset + length) };
}
