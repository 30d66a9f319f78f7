import type { DescriptionSection } from '../engine/register-model';
import { normaliseHeading } from '../util/headings';

/**
 * What a system description covers, after the description criteria, in our own words. A heading
 * stands for a topic when, normalised (see normaliseHeading), it contains one of the topic's phrases
 * as whole words. The table is data: the missing-section check, the mismatch checks and the export read it.
 */
export interface DescriptionTopic {
  key: 'services' | 'commitments' | 'components' | 'incidents' | 'criteria' | 'cuecs' | 'subservice' | 'not-applicable' | 'changes';
  /** The heading a template uses. */
  heading: string;
  why: string;
  phrases: readonly string[];
}

export const DESCRIPTION_TOPICS: readonly DescriptionTopic[] = [
  { key: 'services', heading: 'Services provided', why: 'what the company offers its customers, and who they are',
    phrases: ['services provided', 'service provided', 'overview of services', 'services overview', 'service overview', 'our services', 'company overview', 'overview of operations', 'types of services'] },
  { key: 'commitments', heading: 'Service commitments and system requirements', why: 'the promises made to customers (contracts, service levels, security terms) and what the system must do to keep them',
    phrases: ['commitments', 'commitment', 'system requirements'] },
  { key: 'components', heading: 'System components', why: 'the infrastructure, software, people, procedures and data the system is made of',
    phrases: ['components', 'component', 'infrastructure'] },
  { key: 'incidents', heading: 'System incidents', why: 'incidents during the period that stopped the company meeting a commitment, or say there were none',
    phrases: ['incidents', 'incident'] },
  { key: 'criteria', heading: 'Applicable criteria and controls', why: 'which criteria apply and the controls that address them',
    phrases: ['applicable criteria', 'applicable trust services criteria', 'criteria and related controls', 'criteria and controls', 'controls', 'control environment'] },
  { key: 'cuecs', heading: 'Complementary user entity controls', why: 'what customers must do themselves for the controls to work',
    phrases: ['user entity controls', 'user entity', 'cuecs', 'cuec', 'customer responsibilities', 'user responsibilities'] },
  { key: 'subservice', heading: 'Subservice organisations', why: 'the vendors the system relies on, whether each is carved out or included, and the controls expected of them',
    phrases: ['subservice', 'sub service', 'csocs', 'csoc'] },
  { key: 'not-applicable', heading: 'Criteria not applicable', why: 'the criteria that do not apply to the system, with the reason for each',
    phrases: ['not applicable', 'not relevant', 'excluded criteria', 'exclusions', 'criteria excluded', 'omitted criteria'] },
  { key: 'changes', heading: 'Significant changes during the period', why: 'changes to the system during the period that a reader should know of, or say there were none',
    phrases: ['significant changes', 'changes during the period', 'system changes', 'changes to the system', 'changes'] },
];

/**
 * The topics a heading stands for. A heading can stand for several ("Complementary subservice
 * organisation controls" is about subservice organisations; "Criteria and controls not applicable"
 * only about exclusions, so a more specific topic wins over the generic "controls").
 */
export function topicsOf(title: string): Set<DescriptionTopic['key']> {
  const words = ` ${normaliseHeading(title).replace(/-/g, ' ')} `;
  const found = new Set<DescriptionTopic['key']>();
  for (const t of DESCRIPTION_TOPICS) if (t.phrases.some((p) => words.includes(` ${p} `))) found.add(t.key);
  if (found.has('criteria') && (found.has('not-applicable') || found.has('cuecs') || found.has('subservice'))) found.delete('criteria');
  return found;
}

/** The sections about one topic, outermost first. */
export function sectionsAbout(sections: readonly DescriptionSection[], key: DescriptionTopic['key']): DescriptionSection[] {
  return sections.filter((s) => topicsOf(s.title).has(key));
}

