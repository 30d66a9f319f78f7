import { EXPECTED_SECTIONS } from '../catalog/wording';
import type { Policy } from '../engine/model';
import type { Range } from '../engine/text';
import type { Check } from './types';

/**
 * Headings are compared after normalising: case, numbering ("1.", "2.3", "IV.", "A)"), punctuation,
 * "&" for "and", and a leading "policy" or "the" ("Policy Exceptions" is the Exceptions section).
 */
function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:section\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]\s*/, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every name a heading can stand for: itself, without a leading "policy"/"the", and each part of "A and B". */
function headingKeys(title: string): string[] {
  const whole = normaliseHeading(title);
  const keys = [whole, whole.replace(/^(?:the|policy) /, '')];
  const parts = whole.split(/\s*(?:,|\band\b|\/)\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) keys.push(...parts, ...parts.map((p) => p.replace(/^(?:the|policy) /, '')));
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

/** Where a policy-level finding goes: its title heading (the first level-1 heading), else its id. */
function anchor(policy: Policy): Range {
  return policy.sections.find((s) => s.level === 1)?.range ?? policy.idRange;
}

export const policyMissingSection: Check = {
  code: 'policy-missing-section',
  severity: 'info',
  doc: 'A policy lacks an expected section (Purpose, Scope, Roles and responsibilities, … or the `policy_sections` of soc2.yaml).',
  appliesTo: ['policy'],
  run(file, project, report) {
    const policy = file.policy;
    if (!policy) return;
    const present = new Set(policy.sections.flatMap((s) => headingKeys(s.title)));
    const range = anchor(policy);
    for (const want of wantedSections(project.config.policySections)) {
      if ([...want.accepts].some((a) => present.has(a))) continue;
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
