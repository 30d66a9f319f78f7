/**
 * Unfilled template text, as patterns (`policy-placeholder`). Each has a label used in the finding.
 * Markdown links (`[text](url)`, `[text][ref]`) and task-list boxes (`[ ]`, `[x]`) are not placeholders.
 */
/** `upper`: only counts when written in capitals (`[COMPANY]`, `TODO`; not `[ref]` or "todo"). */
export const PLACEHOLDERS: readonly { label: string; pattern: string; upper?: boolean }[] = [
  // `[Company Name]`, `[person responsible for …]`, `[INSERT DATE]`: bracketed words that name what to fill in.
  { label: 'bracketed placeholder', pattern: '(?<!\\])\\[(?=[^\\]\\r\\n]{0,80}?\\b(?:company|organi[sz]ation|name|person|responsible|insert|enter|date|title|role|department|owner|number|address|e-?mail|phone|tbd|tbc|xx+|placeholder|your)\\b)[^\\]\\r\\n]{2,80}\\](?![(\\[:])' },
  { label: 'bracketed placeholder', pattern: '(?<!\\])\\[[A-Z][A-Z _-]{2,40}\\](?![(\\[:])', upper: true },
  { label: 'template variable', pattern: '\\{\\{[^}\\r\\n]{1,80}\\}\\}' },
  { label: 'template variable', pattern: '<<[^>\\r\\n]{1,80}>>' },
  { label: 'TBD', pattern: '\\b(?:TBD|TBC)\\b', upper: true },
  { label: 'TODO', pattern: '\\b(?:TODO|FIXME)\\b', upper: true },
  { label: 'lorem ipsum', pattern: '\\blorem ipsum\\b' },
];

/** A body (headings left out) with fewer words than this is a stub; "Coming soon." or "TBD." alone is far below it. */
export const STUB_WORDS = 30;
