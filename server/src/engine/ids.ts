/** The prefix of a control id (`AC` for `AC-02`), used to tell a mistyped id from ordinary words. */
export function prefixOf(id: string): string {
  const i = id.lastIndexOf('-');
  return i > 0 ? id.slice(0, i) : id;
}
