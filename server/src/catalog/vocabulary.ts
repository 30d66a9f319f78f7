/** The words of the formats, as tables: every check, completion and hover reads these. */

export type Frequency = 'continuous' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'on-event';
export type ControlStatus = 'implemented' | 'partial' | 'planned' | 'not-applicable';
export type RiskTreatment = 'mitigate' | 'accept' | 'transfer' | 'avoid';
export type ReviewCycleName = 'monthly' | 'quarterly' | 'semiannual' | 'annual';

export interface FrequencyInfo {
  id: Frequency;
  label: string;
  /** Nominal days between occurrences; undefined when there is no periodic expectation. */
  intervalDays?: number;
  /** How the observation period is cut into intervals for evidence-gap. */
  interval?: { months: number } | { days: number };
  /** Phrases in policy prose that state this frequency (matched case-insensitively as whole words). */
  phrases: readonly string[];
  /**
   * The wording a quick fix may put in a policy sentence instead of another frequency; absent when no single
   * phrase fits every sentence (an event-driven control: "upon termination" only suits terminations).
   */
  reword?: string;
}

export const FREQUENCIES: readonly FrequencyInfo[] = [
  { id: 'continuous', reword: 'continuously', label: 'continuously (automated, always on)',
    phrases: ['continuously', 'continuous', 'in real time', 'real-time', 'at all times', 'around the clock', '24/7'] },
  { id: 'daily', reword: 'daily', label: 'every day', intervalDays: 1, interval: { days: 1 },
    phrases: ['daily', 'every day', 'each day', 'once a day', 'once per day', 'nightly', 'every night', 'each night', 'on a daily basis'] },
  { id: 'weekly', reword: 'weekly', label: 'every week', intervalDays: 7, interval: { days: 7 },
    phrases: ['weekly', 'every week', 'each week', 'once a week', 'once per week', 'on a weekly basis'] },
  { id: 'monthly', reword: 'monthly', label: 'every month', intervalDays: 30, interval: { months: 1 },
    phrases: ['monthly', 'every month', 'each month', 'once a month', 'once per month', 'every calendar month', 'on a monthly basis'] },
  { id: 'quarterly', reword: 'quarterly', label: 'every quarter', intervalDays: 91, interval: { months: 3 },
    phrases: ['quarterly', 'every quarter', 'each quarter', 'once a quarter', 'once per quarter', 'every three months', 'every 3 months', 'on a quarterly basis', 'every calendar quarter'] },
  { id: 'semiannual', reword: 'semiannually', label: 'twice a year', intervalDays: 182, interval: { months: 6 },
    phrases: ['semiannually', 'semi-annually', 'semiannual', 'semi-annual', 'twice a year', 'twice yearly', 'every six months',
      'every 6 months', 'half-yearly', 'half yearly', 'twice per year', 'twice each year', 'twice annually', 'two times a year',
      'two times per year', 'on a semiannual basis', 'on a semi-annual basis'] },
  { id: 'annual', reword: 'annually', label: 'every year', intervalDays: 365, interval: { months: 12 },
    phrases: ['annually', 'annual', 'yearly', 'every year', 'each year', 'once a year', 'once per year', 'every twelve months',
      'every 12 months', 'on an annual basis', 'on a yearly basis', 'each calendar year', 'every calendar year'] },
  { id: 'on-event', label: 'when a triggering event occurs',
    phrases: ['upon termination', 'on termination', 'upon hire', 'upon hiring', 'at hire', 'on hire', 'upon request',
      'on request', 'upon departure', 'upon role change', 'on role change', 'upon change', 'for every change', 'for each change',
      'on every change', 'before each release', 'for each release', 'for every release', 'upon detection', 'as incidents occur',
      'for each incident', 'for every incident', 'within 24 hours of termination', 'on the last working day', 'at onboarding',
      'during onboarding', 'at offboarding', 'during offboarding'] },
];

export const FREQUENCY_BY_ID: ReadonlyMap<string, FrequencyInfo> = new Map(FREQUENCIES.map((f) => [f.id, f]));

export const CONTROL_STATUSES: readonly { id: ControlStatus; label: string }[] = [
  { id: 'implemented', label: 'operating; evidence is expected' },
  { id: 'partial', label: 'partly in place' },
  { id: 'planned', label: 'designed, not yet operating' },
  { id: 'not-applicable', label: 'does not apply to this system' },
];

export const REVIEW_CYCLES: readonly { id: ReviewCycleName; months: number }[] = [
  { id: 'monthly', months: 1 },
  { id: 'quarterly', months: 3 },
  { id: 'semiannual', months: 6 },
  { id: 'annual', months: 12 },
];

/** A risk's `treatment`: what was decided about it (the risks schema holds the same list). */
export const RISK_TREATMENTS: readonly { id: RiskTreatment; label: string }[] = [
  { id: 'mitigate', label: 'reduce it with the listed controls' },
  { id: 'accept', label: 'live with it until its next review' },
  { id: 'transfer', label: 'insurance or a contract carries the cost' },
  { id: 'avoid', label: 'stop the activity that causes it' },
];

/** The words for a risk's 1–5 `likelihood` and `impact`, lowest first. */
export const RISK_RATINGS: { readonly likelihood: readonly string[]; readonly impact: readonly string[] } = {
  likelihood: ['rare', 'unlikely', 'possible', 'likely', 'almost certain'],
  impact: ['negligible', 'minor', 'moderate', 'major', 'severe'],
};


/** Phrases that contain a frequency word but state no frequency ("continuous integration"). */
export const NOT_FREQUENCY_PHRASES: readonly string[] = [
  'continuous integration', 'continuous delivery', 'continuous deployment', 'continuous improvement',
  'annual leave', 'annual report', 'annual revenue', 'annual budget', 'daily standup', 'daily stand-up',
  'continuous improvements', 'continuously improve', 'continuously improves', 'continuously improving', 'continuous process',
  'continuous processes', 'continuous education', 'continuous learning', 'daily operations', 'daily operation',
  'daily operational', 'day-to-day', 'day to day', 'daily work', 'daily business', 'daily duties', 'daily activities',
  'daily life', 'annual contract', 'annual contracts', 'annual subscription', 'annual fee', 'annual fees', 'monthly fee',
  'monthly fees', 'monthly invoice', 'annual salary',
];
