/** A seeded generator of policy-like Markdown for the reader's property test (test/markdown-property.test.ts). */

// ---- a seeded generator of policy-like Markdown ---------------------------------------------------

export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  constructor(private readonly rnd: () => number) {}
  int(n: number): number { return Math.floor(this.rnd() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  chance(p: number): boolean { return this.rnd() < p; }

  words(): string {
    const w = ['access', 'reviews', 'the', 'owner', 'AC-01', 'CM-12', 'quarterly', 'every three months', 'annually',
      'periodically', 'as needed', 'appropriate', 'e.g.', 'CC6.1', '`AC-03`', '[AC-04](#ac-04)', '**must**', '_data_', 'logs',
      'SHA-256', 'A-130', '(IR-02)', 'monthly;', 'and', 'within 24 hours', 'upon termination', '<b>x</b>', 'etc.'];
    const n = 2 + this.int(8);
    return Array.from({ length: n }, () => this.pick(w)).join(' ');
  }
  sentence(): string { return `${this.pick(['Staff', 'The CISO', 'Each owner', 'IT'])} ${this.words()}${this.pick(['.', '.', '!', ':', ''])}`; }
  paragraph(indent: string, lazy: boolean): string[] {
    const n = 1 + this.int(3);
    return Array.from({ length: n }, (_, i) => (i > 0 && lazy && this.chance(0.3) ? '' : i > 0 ? indent : '') + this.sentence());
  }

  block(depth: number, indent: string): string[] {
    // Tables are generated at the top level, after a blank line or a paragraph: micromark (the oracle) keeps
    // an odd state after a table in a list item and misreads the next ordered item.
    // Block quotes are generated at the top level only: the reader strips `>` at the start of a line, and
    // does not follow a quote opened inside a list item (policies do not write those).
    const kinds = depth > 2 ? ['para', 'para', 'fence'] : ['para', 'para', 'heading', 'bullets', 'ordered', ...(indent === '' && depth === 0 ? ['quote'] : []), 'fence', 'indented', 'html', ...(depth === 0 ? ['table'] : []), 'break', 'definition', 'setext'];
    switch (this.pick(kinds)) {
      case 'heading': return [`${'#'.repeat(1 + this.int(3))} ${this.words()}${this.chance(0.2) ? ' ##' : ''}`];
      case 'setext': return [...this.paragraph(indent, false), this.pick(['===', '---', '-----'])];
      case 'bullets': return this.list(depth, indent, false);
      case 'ordered': return this.list(depth, indent, true);
      case 'quote': {
        const inner = this.block(depth + 1, '');
        return inner.map((l) => (l ? `> ${l}` : '>'));
      }
      case 'fence': { const f = this.pick(['```', '~~~', '````']); return [f + this.pick(['', 'yaml', 'text']), 'id: AC-09', 'freq: quarterly', f]; }
      // Always followed by a paragraph: micromark (the oracle) wrongly refuses an ordered item that starts
      // at 5 after indented code, even past a blank line (markdown-it and the CommonMark spec make it an item).
      case 'indented': return ['    result = review(AC-07);', '    if (ok) { close(); }', '', 'Code ends here.'];
      case 'html': return this.pick([['<div>', 'AC-08 hidden periodically', '</div>'], ['<!-- note AC-06', 'more -->'], ['<details>', '<summary>x</summary>', '', 'Inside details AC-05.', '</details>']]);
      case 'table': return this.table();
      case 'break': return [this.pick(['***', '---', '___', '* * *'])];
      case 'definition': return [`[ref${this.int(9)}]: https://example.com/AC-0${this.int(9)} "AC title"`];
      default: return this.paragraph(indent, true);
    }
  }

  table(): string[] {
    const cols = 1 + this.int(3);
    const pipes = cols === 1 || this.chance(0.7);
    const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const cell = () => this.pick(['AC-01', 'quarterly', 'Access review', 'as needed', '`x|y`', 'Owner', 'a \\| b', '']);
    const out = [row(Array.from({ length: cols }, () => this.pick(['Control', 'Frequency', 'Owner', 'Term']))),
      row(Array.from({ length: cols }, () => this.pick(['---', ':--', ':-:', '--:'])))];
    const n = this.int(4);
    for (let i = 0; i < n; i++) out.push(row(Array.from({ length: cols + (this.chance(0.1) ? 1 : 0) }, cell)));
    if (this.chance(0.15)) out.push(this.sentence());
    // A table ends at a blank line here; what a table swallows without one is GFM's corner, not policies'.
    out.push('');
    return out;
  }

  list(depth: number, indent: string, ordered: boolean): string[] {
    const out: string[] = [];
    const n = 1 + this.int(3);
    const bullet = this.pick(['-', '*', '+']);
    // Ordered items are all numbered 1 (a common style): micromark (the oracle) departs from the CommonMark
    // reference (commonmark.js, markdown-it) on an item numbered 2 or more that follows indented code or the
    // paragraph of a nested item it closes, and reads it as text.
    const start = 1;
    const delim = this.pick(['.', ')']);
    const spaces = this.pick([' ', ' ', '  ', '   ']);
    const loose = this.chance(0.4);
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${start}${delim}` : bullet;
      const content = ' '.repeat(marker.length + spaces.length);
      const para = this.paragraph(content, true);
      out.push(`${marker}${spaces}${para[0]}`, ...para.slice(1));
      const extra = this.int(3);
      for (let k = 0; k < extra; k++) {
        const nested = this.chance(0.5) && depth < 2;
        const inner = nested ? this.list(depth + 1, '', this.chance(0.5)) : this.block(depth + 1, '');
        // A nested list that starts at 3 cannot interrupt the item's paragraph; its content would then become
        // indented code, after which micromark (the oracle) misreads the next ordered item (see 'indented').
        if (this.chance(0.5) || loose || (nested && /^\d+[.)]/.test(inner[0]) && !/^1[.)]/.test(inner[0]))) out.push('');
        out.push(...inner.map((l) => (l ? content + l : '')));
      }
      if (loose && i < n - 1) out.push('');
    }
    return out;
  }

  document(): string {
    const lines = ['---', 'id: POL-X', 'title: Generated', '---', ''];
    if (this.chance(0.7)) lines.push(`# ${this.words()}`, '');
    const n = 1 + this.int(5);
    for (let i = 0; i < n; i++) {
      lines.push(...this.block(0, ''));
      lines.push(...(this.chance(0.8) ? [''] : []));
    }
    const eol = this.chance(0.1) ? '\r\n' : '\n';
    return lines.join(eol) + (this.chance(0.9) ? eol : '');
  }
}

