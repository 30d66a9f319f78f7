import { stringify } from 'yaml';
import { EXPECTED_SECTIONS } from '../catalog/wording';
import type { ScaffoldOptions } from './types';

/** A string as one YAML scalar (quoted only when it must be), for values the user typed. */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** One line of text safe inside a `#` comment. */
function oneLine(s: string): string { return s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim(); }

/** soc2.yaml for a new repo, commented so a newcomer learns the format from it. */
export function configText(o: ScaffoldOptions, categories: readonly string[]): string {
  const report = o.reportType === 2 && o.period
    ? [
      'report:',
      '  # Type 2: the auditor tests that controls operated over the whole observation',
      '  # period, so evidence is expected in every interval of it (every month for a',
      '  # monthly control, every quarter for a quarterly one, and so on).',
      '  type: 2',
      `  period: { start: ${o.period.start}, end: ${o.period.end} }`,
    ]
    : [
      'report:',
      '  # Type 1: the auditor tests that controls are designed and in place on one',
      '  # date. For a Type 2 report, set `type: 2` and add the observation period:',
      '  #   period: { start: YYYY-MM-DD, end: YYYY-MM-DD }',
      '  type: 1',
    ];
  return [
    `# soc2.yaml: the root of ${oneLine(o.organization)}'s compliance repo, created by \`soc2 init\` on ${o.today}.`,
    '#',
    '# `soc2 check` and the editor extension read this file first. It says what the',
    '# coming audit covers (report type, observation period, Trust Services',
    '# Categories) and where policies, controls and evidence live. Everything else',
    '# in the repo is checked against it.',
    '',
    `organization: ${yamlScalar(o.organization)}`,
    '',
    ...report,
    '',
    'scope:',
    '  # Security (the common criteria, CC1-CC9) is always in scope. Add availability,',
    '  # confidentiality, processing-integrity or privacy when your commitments to',
    '  # customers cover them; criteria of the other categories are out of scope.',
    `  categories: [${categories.join(', ')}]`,
    '  # Criteria carved out of the audit, each with the reason the auditor will read.',
    '  # A product hosted entirely on a cloud provider usually carves out physical',
    '  # security to the provider:',
    '  # exclusions:',
    '  #   - criterion: CC6.4',
    '  #     reason: Physical security of the production facilities is carved out to our cloud provider, whose SOC 2 report covers it.',
    '',
    ...frameworksText(o.frameworks ?? []),
    'paths:',
    '  # These are the defaults, written out so a newcomer can see where things go.',
    '  policies: ["policies/**/*.md"]',
    '  controls: ["controls/**/*.yaml", "controls/**/*.yml"]',
    '  evidence: evidence   # evidence `path` values in controls are relative to this folder',
    '',
    'review:',
    '  # Policies and controls without their own `review_cycle` are due one year',
    '  # after their `last_reviewed` date.',
    '  default_cycle: annual',
    '  # Reviews falling due within this many days are flagged (as info).',
    '  due_soon_days: 30',
    '',
    '# Optional settings, shown with examples:',
    '#',
    '# Switch a check off, or change its severity:',
    '# checks:',
    '#   one-sided-link: off',
    '#',
    '# Wording the vague-language check flags in policies, beyond its built-in list:',
    '# vague_language:',
    '#   words: [robust]',
    '#   ignore: [periodically]',
    '#',
    '# The sections every policy is expected to have (policy-missing-section):',
    `# policy_sections: [${EXPECTED_SECTIONS.map((s) => s.name).join(', ')}]`,
    '',
  ].join('\n');
}

/** `frameworks:` in scope besides SOC 2, or a commented example when none was chosen. */
function frameworksText(frameworks: readonly string[]): string[] {
  const intro = [
    '# Frameworks besides SOC 2 that the same controls are mapped to (`frameworks:` in',
    '# each control). Each requirement no implemented control maps is reported, unless',
    '# it is excluded here with the reason (for ISO 27001: the Statement of Applicability).',
  ];
  if (!frameworks.length) return [...intro, '# frameworks:', '#   - id: iso27001-2022', '#     exclusions:', '#       - requirement: A.7.4', '#         reason: We have no premises of our own; the cloud provider monitors its data centres.', ''];
  return [...intro, 'frameworks:', ...frameworks.map((f) => `  - id: ${f}`), ''];
}
