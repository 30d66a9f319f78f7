/**
 * Markdown for hovers and documentation. Titles, owners and ids come from the repo, so they are
 * escaped: a `*`, `[` or `<` in a title must show as itself, never as formatting, a link or HTML.
 */
export function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => `\\${c}`);
}

/** A bullet line `- **Label:** value`; the value is already Markdown. */
export function field(label: string, value: string): string {
  return `- **${label}:** ${value}`;
}
