/** What a control counts for in readiness. */
export type Credit = 'implemented' | 'partial' | 'planned' | 'none';

/**
 * The readiness rule, one place for the summary, hover, tree, status bar, exports and unmapped-criterion:
 * `implemented` covers a criterion, `partial` earns half credit, and a plan is not a control: `planned` earns
 * nothing and is shown as "planned" beside the gap. A control without `status` is taken as planned (README,
 * "Readiness"); `not-applicable` does not count at all.
 */
export function creditOf(status: string | undefined): Credit {
  if (status === 'implemented' || status === 'partial') return status;
  if (status === 'not-applicable') return 'none';
  return 'planned';
}

/** Whether a control of this status covers the criteria it maps (for unmapped-criterion and the index's counts). */
export function covers(status: string | undefined): boolean {
  const credit = creditOf(status);
  return credit === 'implemented' || credit === 'partial';
}
