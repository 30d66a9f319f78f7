/** The prefix of a control id (`AC` for `AC-02`), used to tell a mistyped id from ordinary words. */
export function prefixOf(id: string): string {
  const i = id.lastIndexOf('-');
  return i > 0 ? id.slice(0, i) : id;
}

/** A control id's shape: its prefix and how many digits follow (`AC#2` for `AC-02`); prose words are ids only in a shape the repo uses. */
export function idShape(id: string): string {
  return `${prefixOf(id)}#${/(\d+)[A-Za-z]?$/.exec(id)?.[1].length ?? 0}`;
}
