/** Go template variables comply documents use, and what fills each. Only the organisation's name is known. */
const ORGANIZATION_VARIABLES = ['.Name', '.Organization.Name', '.Company', '.CompanyName'];

export interface FilledText { text: string; left: { line: number; variable: string }[]; filled: number }

/**
 * Replaces `{{.Name}}` (and its spellings above) with the organisation's name when it is known; every
 * other `{{…}}` is left as written and listed with its line, so `policy-placeholder` and the report flag it.
 */
export function fillTemplateVariables(text: string, organization: string | undefined, firstLine = 1): FilledText {
  const left: FilledText['left'] = [];
  let filled = 0;
  const lines = text.split('\n').map((line, i) => line.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, inner: string) => {
    if (organization && ORGANIZATION_VARIABLES.includes(inner)) { filled++; return organization; }
    left.push({ line: firstLine + i, variable: whole });
    return whole;
  }));
  return { text: lines.join('\n'), left, filled };
}
