/**
 * A heading as words: lower case, without numbering ("1.", "2.3", "IV.", "A)"), with "&" read as "and" and
 * punctuation as spaces. Policy sections and the system description's topics are matched on this form.
 */
export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:section\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]\s*/, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
