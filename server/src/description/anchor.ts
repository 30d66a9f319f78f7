import type { Range } from '../engine/text';
import type { SystemDescription } from '../engine/register-model';

/** Where a finding about the whole description lands: its first level-1 heading, else its front matter, else the top. */
export function descriptionAnchor(d: SystemDescription): Range {
  return d.sections.find((s) => s.level === 1)?.range ?? d.sections[0]?.range ?? d.frontMatterRange;
}
