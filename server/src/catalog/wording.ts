/**
 * The words of policy review, as tables: wording auditors push back on (`vague-language`) and the
 * sections they expect in every policy (`policy-missing-section`). Checks, completion and docs read these.
 */

/** What a vague phrase leaves open; the same sentence (or the list it introduces) may answer it. */
export type VagueKind = 'frequency' | 'judgement' | 'trigger' | 'escape' | 'deadline' | 'authority';

export interface VagueTerm {
  /** Matched case-insensitively as whole words; spaces match any run of white space (line breaks too). */
  phrase: string;
  /** What to write instead: the fact an auditor could test. */
  suggestion: string;
  /** What it leaves open (decides which wording nearby answers it); judgement when absent. */
  kind?: VagueKind;
}

const HOW_OFTEN = 'say who does it and how often (e.g. "the Security Lead reviews … quarterly")';
const WHICH_STANDARD = 'say who decides and against what standard (e.g. "approved by the system owner", "AES-256", "TLS 1.2 or later")';
const WHAT_TRIGGERS = 'say what triggers it and who acts (e.g. "when a role changes, the manager requests …")';
const MAKE_IT_A_RULE = 'make it a rule, and send the cases where it cannot be done through the Exceptions process';
const DEADLINE = 'give a deadline and who meets it (e.g. "the IT Lead … within 24 hours", "within 5 business days")';
const NAME_IT = 'name the practice or benchmark itself (e.g. "CIS Benchmark level 1", "OWASP ASVS level 2")';
const WHICH_CASES = 'say which systems or cases it covers (e.g. "on every system that stores customer data"), and send the rest through the Exceptions process';
const WHO_DECIDES = 'state the criteria and who decides (e.g. "the CISO approves, using the risk rating")';
const STATE_THE_TIME = 'state the timeframe itself (e.g. "within 90 days"), or name the table that sets it';
const HOW_LONG = 'state how long it is kept, or the event that ends it (e.g. "deleted 90 days after the contract ends")';

/** Built-in vague wording; `vague_language.words` in soc2.yaml adds to it and `vague_language.ignore` removes from it. */
export const VAGUE_TERMS: readonly VagueTerm[] = [
  // How often: an auditor samples occurrences, so the interval must be stated.
  { phrase: 'periodically', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'periodic', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'regularly', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'on a regular basis', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'at regular intervals', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'routinely', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'from time to time', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'occasionally', suggestion: HOW_OFTEN, kind: 'frequency' },
  // Judgement words: nobody can say whether "appropriate" was met.
  { phrase: 'appropriate', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'appropriately', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'as appropriate', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'where appropriate', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'when appropriate', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'reasonable', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'reasonably', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'adequate', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'adequately', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'sufficient', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'sufficiently', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'proper', suggestion: WHICH_STANDARD, kind: 'judgement' },
  { phrase: 'properly', suggestion: WHICH_STANDARD, kind: 'judgement' },
  // Open-ended triggers.
  { phrase: 'as needed', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  { phrase: 'when needed', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  { phrase: 'if needed', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  { phrase: 'as necessary', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  { phrase: 'when necessary', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  { phrase: 'where necessary', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  { phrase: 'if necessary', suggestion: WHAT_TRIGGERS, kind: 'trigger' },
  // Escape hatches: they turn a rule into a wish.
  { phrase: 'where possible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'wherever possible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'when possible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'if possible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'to the extent possible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'where practical', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'where practicable', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'where feasible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'best effort', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'best efforts', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  // Deadlines without a number.
  { phrase: 'timely', suggestion: DEADLINE, kind: 'deadline' },
  { phrase: 'in a timely manner', suggestion: DEADLINE, kind: 'deadline' },
  { phrase: 'promptly', suggestion: DEADLINE, kind: 'deadline' },
  { phrase: 'as soon as possible', suggestion: DEADLINE, kind: 'deadline' },
  { phrase: 'as soon as practicable', suggestion: DEADLINE, kind: 'deadline' },
  { phrase: 'in due course', suggestion: DEADLINE, kind: 'deadline' },
  // Borrowed authority with no content.
  { phrase: 'industry standard', suggestion: NAME_IT, kind: 'authority' },
  { phrase: 'industry-standard', suggestion: NAME_IT, kind: 'authority' },
  { phrase: 'best practice', suggestion: NAME_IT, kind: 'authority' },
  { phrase: 'best practices', suggestion: NAME_IT, kind: 'authority' },
  // Added after reading real policies (issue 11).
  { phrase: 'regular', suggestion: HOW_OFTEN, kind: 'frequency' },
  { phrase: 'whenever possible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'if feasible', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'make every effort', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'makes every effort', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'endeavour', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'endeavor', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'try to', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'tries to', suggestion: MAKE_IT_A_RULE, kind: 'escape' },
  { phrase: 'as applicable', suggestion: WHICH_CASES, kind: 'escape' },
  { phrase: 'when applicable', suggestion: WHICH_CASES, kind: 'escape' },
  { phrase: 'where applicable', suggestion: WHICH_CASES, kind: 'escape' },
  { phrase: 'if applicable', suggestion: WHICH_CASES, kind: 'escape' },
  { phrase: 'where supported', suggestion: WHICH_CASES, kind: 'escape' },
  { phrase: 'if supported', suggestion: WHICH_CASES, kind: 'escape' },
  { phrase: 'case-by-case', suggestion: WHO_DECIDES, kind: 'judgement' },
  { phrase: 'case by case', suggestion: WHO_DECIDES, kind: 'judgement' },
  { phrase: 'within the defined timeframe', suggestion: STATE_THE_TIME, kind: 'deadline' },
  { phrase: 'within the established timeframe', suggestion: STATE_THE_TIME, kind: 'deadline' },
  { phrase: 'within the predetermined timeframe', suggestion: STATE_THE_TIME, kind: 'deadline' },
  { phrase: 'within the defined time frame', suggestion: STATE_THE_TIME, kind: 'deadline' },
  { phrase: 'within the established time frame', suggestion: STATE_THE_TIME, kind: 'deadline' },
  { phrase: 'within the predetermined time frame', suggestion: STATE_THE_TIME, kind: 'deadline' },
  { phrase: 'no longer needed', suggestion: HOW_LONG, kind: 'trigger' },
];

/**
 * Where vague words carry no vagueness, as patterns (case-insensitive; `\\s+` between words). A match
 * inside one of these is not reported.
 */
export const NOT_VAGUE: readonly { pattern: string; why: string }[] = [
  // Ordinary meaning, not a quality judgement.
  { pattern: 'regular (?:expressions?|employees?|staff|users?|user accounts?|accounts?|business hours|working hours|hours|mail|season|meetings? of the board)', why: 'ordinary meaning' },
  { pattern: 'the appropriate (?:user|account|user account|group|person|people|team|owner|manager|role|authority|authorities|channel|queue|form|ticket|department|individual|personnel|party|parties|contact|level|category|label|classification|system|data owner|system owner|approver|regulator|regulators)s?', why: 'names whoever fits the case' },
  { pattern: 'proper (?:\\w+ )?use', why: 'ordinary meaning' },
  { pattern: '(?:no|not|never|without)(?: \\w+)? (?:periodic|regular|periodically|regularly)', why: 'negated' },
  // Legal and regulatory terms of art.
  { pattern: 'reasonable (?:diligence|assurance|belief|grounds|suspicion|cause|person|expectation of privacy)', why: 'a legal term' },
  { pattern: 'reasonably (?:anticipated|foreseeable|believes?|believed|expected|linked|likely|necessary)', why: 'a legal term' },
  { pattern: '(?:could|would|can) reasonably', why: 'a legal term' },
];

/**
 * What answers a vague phrase when it stands in the same sentence, or in the list the sentence introduces
 * (a sentence ending with `:`): a frequency, a deadline, examples, a reference to where it is defined.
 * Patterns are case-insensitive.
 */
const A_NUMBER = '(?:\\d+|one|two|three|four|five|six|seven|ten|twelve|fifteen|thirty|sixty|ninety)';
const A_DURATION = `(?:within|every|each|at least every|no later than|no more than|after|before) ${A_NUMBER}(?: business| working| calendar)? (?:minutes?|hours?|days?|weeks?|months?|years?)`;
const EXAMPLES = '(?:such as|including|e\\.g\\.|for example|for instance|i\\.e\\.|namely)';
const REFERENCE = '(?:in accordance with|according to|as defined (?:in|by)|as described in|as specified in|as documented in|as set out in|as listed in|per the|listed in|defined in)';
const PURPOSE = '(?:sufficient|enough|adequate)(?: \\w+){0,3} to (?:identify|determine|reconstruct|trace|show|establish|support|allow|enable|tell)';
export const ANSWERED_BY: Readonly<Record<VagueKind, readonly string[]>> = {
  frequency: ['@frequency', A_DURATION, 'at least (?:once|twice|every|annually|quarterly|monthly|weekly|daily)'],
  deadline: ['@frequency', A_DURATION, '(?:the )?same (?:day|business day)', 'at once', 'immediately'],
  judgement: [EXAMPLES, REFERENCE, PURPOSE, ':\\s*$'],
  trigger: [EXAMPLES, '@frequency', A_DURATION, REFERENCE],
  escape: ['exceptions?(?: process| register)?'],
  authority: [EXAMPLES, REFERENCE, '\\b(?:CIS|NIST|OWASP|ISO|SANS|PCI)\\b'],
};

/**
 * Sections whose sentences are not requirements (headings compared after normalising, as
 * policy-missing-section does), and openings that introduce a policy rather than state a rule.
 */
export const NOT_REQUIREMENT_SECTIONS: readonly string[] = ['purpose', 'purposes', 'objective', 'objectives', 'overview', 'introduction',
  'background', 'context', 'definitions', 'definition', 'glossary', 'terms', 'terms and definitions', 'key terms', 'acronyms',
  'references', 'related documents', 'revision history', 'version history', 'document history', 'change history', 'contents',
  'table of contents', 'about this policy', 'intent', 'aim', 'aims'];
export const NOT_REQUIREMENT_OPENINGS: readonly string[] = ['the purpose of this', 'the objective of this', 'the goal of this',
  'this (?:policy|standard|procedure|document) (?:sets|establishes|describes|defines|explains|outlines|provides|exists|is intended|aims|covers|applies)'];
/** Table headers that mark a table of definitions: its rows define words, they do not set rules. */
export const DEFINITION_TABLE_HEADERS: readonly string[] = ['term', 'terms', 'definition', 'definitions', 'meaning', 'acronym', 'abbreviation', 'glossary', 'word'];

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

/**
 * Words that name a section only when they are the whole heading: inside "Audit & Review" or "Privilege
 * Elevation & Approval", "review" and "approval" are about something else than the policy's own review.
 */
export const NOT_A_SECTION_IN_PART: readonly string[] = ['review', 'approval', 'approvals', 'compliance', 'policy', 'policies',
  'standards', 'rules', 'maintenance', 'statements', 'requirements', 'audience', 'overview', 'introduction', 'intent', 'aim', 'aims'];

/** An opening sentence (before any section) that says what the policy is for stands for its Purpose section. */
export const PURPOSE_STATEMENT = '\\b(?:this (?:policy|standard|document)|purpose|is intended to|aims? to|exists to|so that|in order to)\\b';
