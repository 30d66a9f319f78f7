import { EXPECTED_SECTIONS, NOT_A_SECTION_IN_PART, NOT_REQUIREMENT_SECTIONS, PURPOSE_STATEMENT } from '../catalog/wording';
import type { Policy } from '../engine/model';
import { rangeContains, type Range } from '../engine/text';
import type { Check, ProjectView } from './types';
import { normaliseHeading } from '../util/headings';

const NOT_ALONE = new Set(NOT_A_SECTION_IN_PART);
const stripLead = (k: string) => k.replace(/^(?:the|policy) /, '');

/**
 * Every name a heading can stand for: itself, without a leading "policy"/"the", and each part of
 * "A, B and C", "A/B" or "A & B" that means a section on its own ("Roles, Responsibilities and Training"
 * is the roles section; in "Audit & Review", "review" is about the audit, not the policy's review).
 */
function headingParts(title: string): string[] {
  const numbered = title.toLowerCase().replace(/^\s*(?:section\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]\s+/, '');
  const parts = numbered.split(/\s*(?:,|\/|&|\band\b)\s*/).map(normaliseHeading).filter(Boolean);
  return parts.length > 1 ? parts : [];
}

export function headingKeys(title: string): string[] {
  const whole = normaliseHeading(title);
  const keys = [whole, stripLead(whole)];
  for (const p of headingParts(title)) if (!NOT_ALONE.has(stripLead(p))) keys.push(p, stripLead(p));
  return keys;
}

interface Wanted { name: string; accepts: Set<string>; why?: string; snippet?: string }

function wantedSections(configured: readonly string[] | undefined): Wanted[] {
  const byName = new Map(EXPECTED_SECTIONS.map((s) => [normaliseHeading(s.name), s]));
  const names = configured ?? EXPECTED_SECTIONS.map((s) => s.name);
  return names.map((name) => {
    // A configured name that is a built-in section keeps that section's synonyms and explanation.
    const known = byName.get(normaliseHeading(name));
    const accepts = new Set([normaliseHeading(name), ...(known?.synonyms ?? []).map(normaliseHeading)]);
    return { name, accepts, why: known?.why, snippet: known?.snippet };
  });
}

/** Where a policy-level finding goes: the heading that carries its title, else its `title:`, else the first title heading, else its id. */
export function titleAnchor(policy: Policy): Range {
  const title = policy.title ? normaliseHeading(policy.title.value) : undefined;
  const titled = title ? policy.sections.find((s) => normaliseHeading(s.title) === title) : undefined;
  return titled?.range ?? policy.title?.range ?? policy.sections.find((s) => s.level === 1)?.range ?? policy.idRange;
}

/** Emphasised labels that open a paragraph or list item (`a. *Exceptions*.`, `**Scope:**`) name sections too. */
const LABEL = /^(?:\*\*|__|\*|_)([^*_\r\n]{2,60}?)[.:]?(?:\*\*|__|\*|_)[.:]?(?:\s|$)/;
const PURPOSE_RE = new RegExp(PURPOSE_STATEMENT, 'i');
const NON_REQUIREMENT = new Set(NOT_REQUIREMENT_SECTIONS.map(normaliseHeading));

/** The section names a policy has: headings, emphasised labels, and what its content and front matter show. */
function presentKeys(policy: Policy, wanted: readonly Wanted[]): Set<string> {
  const present = new Set(policy.sections.flatMap((s) => headingKeys(s.title)));
  const headingLines = new Set(policy.sections.map((s) => s.range.start.line));
  for (const sentence of policy.sentences) {
    // A heading's own text is read by headingKeys, not as a label (a setext heading "_Scope_ of work" is not a Scope section).
    if (headingLines.has(sentence.range.start.line)) continue;
    const label = LABEL.exec(sentence.text);
    if (label) for (const k of headingKeys(label[1])) present.add(k);
  }
  const anyAccepts = (name: string) => wanted.find((w) => normaliseHeading(w.name) === normaliseHeading(name))?.accepts;
  // An untitled opening paragraph that says what the policy is for is its Purpose.
  const firstSub = policy.sections.find((s) => s.level > 1);
  // Stryker disable next-line EqualityOperator: a sentence on the first subsection's line is on a heading line, already left out
  const openers = policy.sentences.filter((s) => !headingLines.has(s.range.start.line) && (!firstSub || s.range.start.line < firstSub.range.start.line));
  if (openers.some((s) => PURPOSE_RE.test(s.text))) present.add('purpose');
  // Rules under topic headings ("## Password Requirements") are policy statements.
  const others = new Set(wanted.filter((w) => normaliseHeading(w.name) !== 'policy statements').flatMap((w) => [...w.accepts]));
  const known = (k: string) => others.has(k) || NON_REQUIREMENT.has(k) || others.has(stripLead(k));
  const topical = policy.sections.some((sec) => sec.level > 1
    && (!headingKeys(sec.title).some(known) || headingParts(sec.title).some((p) => !known(p)))
    && policy.sentences.some((s) => !headingLines.has(s.range.start.line) && rangeContains(sec.fullRange, s.range.start)));
  if (topical) present.add('policy statements');
  // Review and approval recorded in the front matter.
  const review = anyAccepts('Review and approval');
  if (review && (policy.approver || policy.reviewCycle || policy.lastReviewed || policy.approvedOn)) for (const k of review) present.add(k);
  return present;
}

/** Whether soc2.yaml names another, existing policy that states this section for every policy. */
function sharedElsewhere(name: string, policy: Policy, project: ProjectView): boolean {
  const shared = project.config.sharedSections;
  if (!shared) return false;
  const owner = Object.entries(shared).find(([section]) => normaliseHeading(section) === normaliseHeading(name))?.[1];
  return !!owner && owner !== policy.id && project.policies(owner).length > 0;
}

export const policyMissingSection: Check = {
  code: 'policy-missing-section',
  severity: 'info',
  doc: 'A policy lacks an expected section (Purpose, Scope, Roles and responsibilities, … or the `policy_sections` of soc2.yaml).',
  appliesTo: ['policy'],
  crossFile: true,
  run(file, project, report) {
    const policy = file.policy;
    if (!policy) return;
    const wanted = wantedSections(project.config.policySections);
    const present = presentKeys(policy, wanted);
    const range = titleAnchor(policy);
    for (const want of wanted) {
      if ([...want.accepts].some((a) => present.has(a))) continue;
      if (sharedElsewhere(want.name, policy, project)) continue;
      const why = want.why ? `: ${want.why}` : '';
      const how = want.snippet ? ` (snippet \`${want.snippet}\`)` : '';
      report({
        range,
        message: `Policy ${policy.id} has no "${want.name}" section${why}. Add a "## ${want.name}" heading${how}.`,
        data: { section: want.name },
      });
    }
  },
};
