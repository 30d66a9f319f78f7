/**
 * The one rule for what in a sentence is prose an auditor reads as a rule, shared by every check that
 * reads wording (vague-language, frequency detection): inline code, HTML comments, link destinations
 * and autolinks are blanked. Blanking keeps every offset, so a match in the masked text is at the same
 * place in the source. (Control-id mentions deliberately still read link targets: `[x](#AC-01)` names AC-01.)
 */
export function maskNonProse(text: string): string {
  // Most sentences hold none of it; skip the regular expressions then (a policy can hold 100,000 sentences).
  if (!/[`<\]]|https?:/i.test(text)) return text;
  const blank = (m: string) => m.replace(/[^\r\n]/g, ' ');
  return text
    .replace(/(`+)[\s\S]*?\1/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\]\([^)]*\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank)
    .replace(/\bhttps?:\/\/[^\s)>\]]+/gi, blank);
}
