/**
 * The word lists behind practice matching, as data: what a policy sentence's activity is made of, and which
 * wording states how often an activity happens. Adding a word here changes matching; no logic lives here.
 */

/** Words that never name an activity: grammar, and the boilerplate every policy and control repeats. */
export const STOP_WORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto',
  'as', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'it', 'its', 'this', 'that', 'these', 'those', 'there',
  'their', 'they', 'them', 'we', 'our', 'us', 'you', 'your', 'he', 'she', 'his', 'her', 'who', 'whom', 'whose', 'which',
  'what', 'when', 'where', 'why', 'how', 'all', 'any', 'each', 'every', 'both', 'either', 'neither', 'some', 'such',
  'no', 'not', 'only', 'own', 'same', 'so', 'than', 'too', 'very', 'can', 'will', 'shall', 'must', 'should', 'may',
  'might', 'would', 'could', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'having', 'if', 'then', 'else', 'also',
  'per', 'via', 'upon', 'about', 'after', 'before', 'during', 'within', 'without', 'under', 'over', 'between', 'through',
  'least', 'most', 'more', 'less', 'once', 'twice', 'one', 'two', 'three', 'four', 'six', 'twelve', 'first', 'new',
  'other', 'others', 'out', 'up', 'down', 'off', 'again', 'further', 'here', 'while', 'until', 'basis', 'time', 'times',
  'minimum', 'maximum', 'e', 'g', 'i', 'etc', 'including', 'include', 'includes', 'ensure', 'ensures', 'ensured',
  'perform', 'performed', 'performs', 'performing', 'conduct', 'conducted', 'conducts', 'carried', 'carry', 'carries',
  'complete', 'completed', 'completes', 'run', 'runs', 'done', 'take', 'taken', 'takes', 'place', 'make', 'made',
  'appropriate', 'applicable', 'relevant', 'necessary', 'required', 'requires', 'require', 'need', 'needs',
  'company', 'organization', 'organisation', 'acme', 'inc', 'team', 'teams', 'staff', 'personnel', 'employee',
  'employees', 'member', 'members', 'responsible', 'responsibility', 'owner', 'owners', 'documented', 'document',
  'accordance', 'according', 'based', 'following', 'follow', 'regular', 'regularly',
  // frequency words: they say how often, never what
  'daily', 'day', 'days', 'weekly', 'week', 'weeks', 'monthly', 'month', 'months', 'quarterly', 'quarter', 'quarters',
  'annually', 'annual', 'yearly', 'year', 'years', 'semiannual', 'semiannually', 'semi', 'biannual', 'biannually',
  'bi', 'half', 'nightly', 'night', 'continuous', 'continuously', 'calendar', 'period', 'periodic', 'periodically',
];

/**
 * Words many controls share, so a shared one says little about which activity a sentence is about. Their weight
 * is cut (GENERIC_WEIGHT); the inverse document frequency over the policy's linked controls does the rest.
 */
export const GENERIC_TERMS: readonly string[] = [
  'security', 'secure', 'process', 'policy', 'policies', 'procedure', 'procedures', 'control', 'controls', 'system',
  'systems', 'data', 'information', 'management', 'manage', 'managed', 'program', 'programme', 'compliance',
  'review', 'reviews', 'reviewed', 'check', 'checks', 'requirement', 'requirements', 'activity', 'activities',
  'service', 'services', 'operation', 'operations', 'environment', 'production', 'record', 'records', 'report',
  'reports', 'reporting', 'standard', 'standards', 'protection', 'protect', 'update', 'updates', 'updated',
  'approve', 'approved', 'approval', 'ensure', 'maintain', 'maintained', 'business', 'customer', 'customers',
  // roles say who, not what
  'head', 'lead', 'chief', 'officer', 'engineer', 'engineers', 'engineering', 'manager', 'managers', 'director',
  'ceo', 'cto', 'coo', 'cfo', 'ciso', 'vp', 'it', 'hr', 'people', 'leadership', 'department',
];
export const GENERIC_WEIGHT = 0.35;

/** Spellings of one activity folded to one word before stemming (`backed up` reads as `backup`). */
export const SYNONYMS: readonly [RegExp, string][] = [
  [/\bback(?:ed|ing|s)?[\s-]+up\b/gi, 'backup'],
  [/\bback-ups?\b/gi, 'backup'],
  [/\bsuppliers?\b|\bthird[\s-]part(?:y|ies)\b|\bsub-?processors?\b/gi, 'vendor'],
  [/\bpen[\s-]?tests?\b|\bpenetration[\s-]+test(?:s|ing)?\b/gi, 'pentest'],
  [/\banti[\s-]?(?:virus|malware)\b|\bmalware\b/gi, 'antimalware'],
  [/\bmulti[\s-]?factor\b|\b(?:mfa|2fa|two[\s-]factor)\b/gi, 'mfa'],
  [/\bdisaster[\s-]+recovery\b|\bbusiness[\s-]+continuity\b|\b(?:bcp|drp?)\b/gi, 'continuity'],
  [/\btable[\s-]?top\b/gi, 'tabletop'],
  [/\blog[\s-]?ins?\b/gi, 'login'],
  [/\bre-?certif(?:y|ied|ication)\b/gi, 'review'],
  [/\bboard of directors\b/gi, 'board'],
  [/\b(?:admins?|administrators?|administrative|superusers?|root accounts?|elevated (?:access|rights|privileges?))\b/gi, 'privileged'],
  [/\bnew (?:hires?|joiners?|starters?|employees?)\b|\bjoiners?\b/gi, 'onboarding'],
  [/\bBIA\b/g, 'impact analysis'],
  [/\bovers(?:ee|ees|eeing|een|aw)\b/gi, 'oversight'],
  [/\b(?:offboard(?:ing)?|leavers?|departures?|terminat(?:e|es|ed|ion|ions))\b/gi, 'offboarding'],
];

/**
 * Suffix rules of the stemmer, tried longest first; `min` is the shortest stem left behind. A light stemmer in
 * the spirit of Porter's: it only has to make "reviews", "reviewed" and "reviewing" one word.
 */
export const SUFFIXES: readonly { suffix: string; replace: string; min: number }[] = [
  { suffix: 'ization', replace: 'ize', min: 3 }, { suffix: 'isation', replace: 'ize', min: 3 },
  { suffix: 'ational', replace: 'ate', min: 3 }, { suffix: 'fulness', replace: 'ful', min: 3 },
  { suffix: 'iveness', replace: 'ive', min: 3 }, { suffix: 'ication', replace: 'ic', min: 3 },
  { suffix: 'ations', replace: 'ate', min: 3 }, { suffix: 'ation', replace: 'ate', min: 3 },
  { suffix: 'ements', replace: '', min: 4 }, { suffix: 'ement', replace: '', min: 4 },
  { suffix: 'ments', replace: '', min: 4 }, { suffix: 'ment', replace: '', min: 4 },
  { suffix: 'ities', replace: '', min: 4 }, { suffix: 'ity', replace: '', min: 4 },
  { suffix: 'ness', replace: '', min: 4 }, { suffix: 'ions', replace: '', min: 4 }, { suffix: 'ion', replace: '', min: 4 },
  { suffix: 'ings', replace: '', min: 3 }, { suffix: 'ing', replace: '', min: 3 },
  { suffix: 'ies', replace: 'y', min: 3 }, { suffix: 'ied', replace: 'y', min: 3 },
  { suffix: 'ers', replace: '', min: 4 }, { suffix: 'er', replace: '', min: 4 },
  { suffix: 'ed', replace: '', min: 3 }, { suffix: 'ly', replace: '', min: 4 }, { suffix: 'al', replace: '', min: 4 },
  { suffix: 'es', replace: '', min: 4 }, { suffix: 's', replace: '', min: 3 },
];
/** Endings the plural rule must leave alone (`access`, `status`, `analysis`). */
export const KEEP_FINAL_S: readonly string[] = ['ss', 'us', 'is'];

/** Wording before a frequency that makes it a floor: the practice may be more frequent ("at least quarterly"). */
export const FLOOR_BEFORE: readonly string[] = [
  'at least', 'as least', 'at the least', 'no less than', 'not less than', 'no less often than', 'not less often than',
  'at a minimum', 'at minimum', 'a minimum of', 'minimum of', 'no fewer than', 'not fewer than',
];
/** Wording after a frequency that makes it a floor ("quarterly or more often"). */
export const FLOOR_AFTER: readonly string[] = [
  'or more often', 'or more frequently', 'or sooner', 'at a minimum', 'at minimum', 'at the least', 'at least',
  'or as needed', 'or more', 'or earlier',
];
/** Wording before a frequency that takes it back ("not annually, but monthly"). */
export const NEGATION_BEFORE: readonly string[] = ['not', 'rather than', 'instead of', 'no longer', 'never', 'in place of', 'not only'];
/** Wording before a frequency that makes it a ceiling or a deadline, not how often something happens. */
export const NOT_A_RATE_BEFORE: readonly string[] = ['at most', 'no more than', 'not more than', 'up to', 'within', 'older than', 'longer than'];

/** Phrases that describe a state ("escorted at all times", "secured 24/7"), not how often an activity runs. */
export const STATE_PHRASES: readonly string[] = ['at all times', '24/7', '24x7', '24 x 7', 'around the clock', 'in real time', 'real-time', 'real time'];

/** Phrases whose frequency is unclear: "bi-annual" means twice a year to some readers and every two years to others. */
export const AMBIGUOUS_PHRASES: readonly string[] = ['bi-annual', 'bi-annually', 'biannual', 'biannually', 'bi-yearly', 'biyearly', 'bi-monthly', 'bimonthly', 'bi-weekly', 'biweekly'];

/** "every 90 days", "once every 12 months": the number of units, mapped to a frequency when it is a usual one. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, twelve: 12, thirty: 30, ninety: 90,
  'one hundred eighty': 180, 'one hundred and eighty': 180, 'three hundred sixty-five': 365,
};
/** For each unit, the counts that make a usual frequency. Other counts ("every 2 years") state none we compare. */
export const EVERY_N: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  day: { 1: 'daily', 7: 'weekly', 30: 'monthly', 31: 'monthly', 90: 'quarterly', 91: 'quarterly', 92: 'quarterly', 180: 'semiannual', 182: 'semiannual', 183: 'semiannual', 365: 'annual', 366: 'annual' },
  week: { 1: 'weekly', 4: 'monthly', 13: 'quarterly', 26: 'semiannual', 52: 'annual' },
  month: { 1: 'monthly', 3: 'quarterly', 6: 'semiannual', 12: 'annual' },
  year: { 1: 'annual' },
};

/**
 * Frequencies in order of how often they happen; `on-event` has no place in it. Practice later in the list than
 * the policy's promise is less frequent.
 */
export const FREQUENCY_ORDER: readonly string[] = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'];

/** Table headers that name a frequency column: a schedule table's "Frequency", "How often", "Cadence"… */
export const FREQUENCY_HEADERS: readonly string[] = ['frequency', 'how often', 'cadence', 'periodicity', 'schedule', 'timing', 'interval', 'when', 'cycle', 'performed'];

/** Wording of a triggering event beside (or instead of) a period: "annually or after significant changes". */
export const EVENT_PATTERNS: readonly RegExp[] = [
  /\b(?:after|upon|following|on|when(?:ever)?|with|in case of|in the event of)\s+(?:any|a|each|every|all)?\s*(?:significant|major|material|substantial|relevant|large|important)\s+(?:\w+\s+)?(?:changes?|updates?|events?|incidents?|modifications?)\b/gi,
  /\bwhen(?:ever)?\s+(?:significant|major|material)?\s*changes?\s+(?:occur|are made|happen)\b/gi,
];

/**
 * A sentence about the policy document itself ("the CISO reviews this policy once a year") states how often the
 * document is maintained, not how often a control's activity runs.
 */
export const DOCUMENT_SELF_REFERENCE = /\b(?:this|these)\s+(?:policy|policies|document|documents|standard|standards|procedure|procedures|programme|program)\b/i;
/** Sections about maintaining the document (their sentences are about the document, as above). */
export const DOCUMENT_SECTIONS = /\b(?:review and approval|approval and review|document (?:control|history|owner)|revision history|version history|change log|policy (?:review|maintenance)|review cycle)\b/i;
