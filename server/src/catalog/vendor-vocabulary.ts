/** The words of the vendor register, as tables: the schema, checks, completion and hover read these. */

export const CRITICALITIES: readonly { id: string; label: string }[] = [
  { id: 'high', label: 'a failure would break our commitments to customers' },
  { id: 'medium', label: 'a failure would hurt, but we could work around it' },
  { id: 'low', label: 'a failure would be an inconvenience' },
];

export const SUBSERVICE_KINDS: readonly { id: string; label: string }[] = [
  { id: 'carve-out', label: 'our report relies on the vendor and leaves its controls out (its own report and the CSOCs cover them)' },
  { id: 'inclusive', label: "our report describes and tests the vendor's controls as part of our system" },
  { id: 'no', label: 'an ordinary vendor: our report does not rely on it' },
];

/** Subservice organisations: vendors our report relies on. */
export const SUBSERVICE_RELIED_ON: ReadonlySet<string> = new Set(['carve-out', 'inclusive']);

export const ASSURANCE_TYPES: readonly { id: string; label: string; short: string }[] = [
  { id: 'soc2-type2', label: 'SOC 2 Type 2 report: controls tested over a period', short: 'SOC 2 Type 2' },
  { id: 'soc2-type1', label: 'SOC 2 Type 1 report: controls designed as of one date', short: 'SOC 2 Type 1' },
  { id: 'iso27001', label: 'ISO/IEC 27001 certificate', short: 'ISO 27001' },
  { id: 'pentest', label: 'penetration test report', short: 'pentest' },
  { id: 'questionnaire', label: 'a security questionnaire the vendor answered', short: 'questionnaire' },
  { id: 'none', label: 'no assurance on file', short: 'none' },
];

export const ASSURANCE_LABEL: ReadonlyMap<string, string> = new Map(ASSURANCE_TYPES.map((a) => [a.id, a.short]));

/** How long an assurance report stays current after the date it speaks to, before a bridge letter is needed. */
export const ASSURANCE_FRESH_MONTHS = 12;
