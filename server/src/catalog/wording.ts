/**
 * The words of policy review, as tables: wording auditors push back on (`vague-language`) and the
 * sections they expect in every policy (`policy-missing-section`). Checks, completion and docs read these.
 */

export interface VagueTerm {
  /** Matched case-insensitively as whole words; spaces match any run of white space (line breaks too). */
  phrase: string;
  /** What to write instead: the fact an auditor could test. */
  suggestion: string;
}

const HOW_OFTEN = 'say who does it and how often (e.g. "the Security Lead reviews … quarterly")';
const WHICH_STANDARD = 'say who decides and against what standard (e.g. "approved by the system owner", "AES-256", "TLS 1.2 or later")';
const WHAT_TRIGGERS = 'say what triggers it and who acts (e.g. "when a role changes, the manager requests …")';
const MAKE_IT_A_RULE = 'make it a rule, and send the cases where it cannot be done through the Exceptions process';
const DEADLINE = 'give a deadline and who meets it (e.g. "the IT Lead … within 24 hours", "within 5 business days")';
const NAME_IT = 'name the practice or benchmark itself (e.g. "CIS Benchmark level 1", "OWASP ASVS level 2")';

/** Built-in vague wording; `vague_language.words` in soc2.yaml adds to it and `vague_language.ignore` removes from it. */
export const VAGUE_TERMS: readonly VagueTerm[] = [
  // How often: an auditor samples occurrences, so the interval must be stated.
  { phrase: 'periodically', suggestion: HOW_OFTEN },
  { phrase: 'periodic', suggestion: HOW_OFTEN },
  { phrase: 'regularly', suggestion: HOW_OFTEN },
  { phrase: 'on a regular basis', suggestion: HOW_OFTEN },
  { phrase: 'at regular intervals', suggestion: HOW_OFTEN },
  { phrase: 'routinely', suggestion: HOW_OFTEN },
  { phrase: 'from time to time', suggestion: HOW_OFTEN },
  { phrase: 'occasionally', suggestion: HOW_OFTEN },
  // Judgement words: nobody can say whether "appropriate" was met.
  { phrase: 'appropriate', suggestion: WHICH_STANDARD },
  { phrase: 'appropriately', suggestion: WHICH_STANDARD },
  { phrase: 'as appropriate', suggestion: WHICH_STANDARD },
  { phrase: 'where appropriate', suggestion: WHICH_STANDARD },
  { phrase: 'when appropriate', suggestion: WHICH_STANDARD },
  { phrase: 'reasonable', suggestion: WHICH_STANDARD },
  { phrase: 'reasonably', suggestion: WHICH_STANDARD },
  { phrase: 'adequate', suggestion: WHICH_STANDARD },
  { phrase: 'adequately', suggestion: WHICH_STANDARD },
  { phrase: 'sufficient', suggestion: WHICH_STANDARD },
  { phrase: 'sufficiently', suggestion: WHICH_STANDARD },
  { phrase: 'proper', suggestion: WHICH_STANDARD },
  { phrase: 'properly', suggestion: WHICH_STANDARD },
  // Open-ended triggers.
  { phrase: 'as needed', suggestion: WHAT_TRIGGERS },
  { phrase: 'when needed', suggestion: WHAT_TRIGGERS },
  { phrase: 'if needed', suggestion: WHAT_TRIGGERS },
  { phrase: 'as necessary', suggestion: WHAT_TRIGGERS },
  { phrase: 'when necessary', suggestion: WHAT_TRIGGERS },
  { phrase: 'where necessary', suggestion: WHAT_TRIGGERS },
  { phrase: 'if necessary', suggestion: WHAT_TRIGGERS },
  // Escape hatches: they turn a rule into a wish.
  { phrase: 'where possible', suggestion: MAKE_IT_A_RULE },
  { phrase: 'wherever possible', suggestion: MAKE_IT_A_RULE },
  { phrase: 'when possible', suggestion: MAKE_IT_A_RULE },
  { phrase: 'if possible', suggestion: MAKE_IT_A_RULE },
  { phrase: 'to the extent possible', suggestion: MAKE_IT_A_RULE },
  { phrase: 'where practical', suggestion: MAKE_IT_A_RULE },
  { phrase: 'where practicable', suggestion: MAKE_IT_A_RULE },
  { phrase: 'where feasible', suggestion: MAKE_IT_A_RULE },
  { phrase: 'best effort', suggestion: MAKE_IT_A_RULE },
  { phrase: 'best efforts', suggestion: MAKE_IT_A_RULE },
  // Deadlines without a number.
  { phrase: 'timely', suggestion: DEADLINE },
  { phrase: 'in a timely manner', suggestion: DEADLINE },
  { phrase: 'promptly', suggestion: DEADLINE },
  { phrase: 'as soon as possible', suggestion: DEADLINE },
  { phrase: 'as soon as practicable', suggestion: DEADLINE },
  { phrase: 'in due course', suggestion: DEADLINE },
  // Borrowed authority with no content.
  { phrase: 'industry standard', suggestion: NAME_IT },
  { phrase: 'industry-standard', suggestion: NAME_IT },
  { phrase: 'best practice', suggestion: NAME_IT },
  { phrase: 'best practices', suggestion: NAME_IT },
];

/** The suggestion for words a repository adds through `vague_language.words`. */
export const DEFAULT_VAGUE_SUGGESTION = 'say who does what, and how often or by when';

export interface ExpectedSection {
  name: string;
  /** Other headings that serve the same purpose (compared after normalising, see policy-missing-section). */
  synonyms: readonly string[];
  /** Why an auditor looks for it, shown in the finding. */
  why: string;
  /** The policy snippet that writes it. */
  snippet: string;
}

/** The sections a policy is expected to have by default; `policy_sections` in soc2.yaml replaces the list. */
export const EXPECTED_SECTIONS: readonly ExpectedSection[] = [
  { name: 'Purpose', synonyms: ['objective', 'objectives', 'overview', 'introduction', 'intent', 'aim', 'aims'],
    why: 'it says what the policy protects and why', snippet: 'soc2-purpose' },
  { name: 'Scope', synonyms: ['applicability', 'audience', 'who this policy applies to'],
    why: 'it says which people, systems and data the policy covers', snippet: 'soc2-scope' },
  { name: 'Roles and responsibilities', synonyms: ['roles', 'responsibilities', 'ownership', 'accountability', 'raci'],
    why: 'it names who does what, which an auditor tests against', snippet: 'soc2-roles' },
  { name: 'Policy statements', synonyms: ['policy', 'policies', 'policy statement', 'statements', 'requirements', 'policy requirements',
    'policy details', 'rules', 'standards'],
    why: 'it holds the rules themselves', snippet: 'soc2-statements' },
  { name: 'Exceptions', synonyms: ['exception', 'exceptions process', 'exemptions', 'waivers', 'deviations'],
    why: 'it says how departures from the policy are requested, approved and recorded', snippet: 'soc2-exceptions' },
  { name: 'Enforcement', synonyms: ['compliance', 'policy compliance', 'non-compliance', 'noncompliance', 'violations', 'sanctions',
    'disciplinary action', 'consequences'],
    why: 'it says what happens when the policy is not followed', snippet: 'soc2-enforcement' },
  { name: 'Review and approval', synonyms: ['review', 'approval', 'approvals', 'policy review', 'revision history', 'version history',
    'document history', 'change history', 'document control', 'maintenance'],
    why: 'it shows who approves the policy and how often it is reviewed', snippet: 'soc2-review' },
];
