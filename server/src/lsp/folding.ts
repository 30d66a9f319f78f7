import { FoldingRangeKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { FeatureContext } from './feature-context';
import { documentSymbols } from './document-symbols';

/**
 * Folding ranges: what the outline shows, folded — a policy's front matter and each section (to the line
 * before the next heading of its level), each control or risk and its multi-line fields, soc2.yaml's
 * blocks. Single-line items do not fold.
 */
export function foldingRanges(ctx: FeatureContext): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (symbols: DocumentSymbol[] | undefined) => {
    for (const s of symbols ?? []) {
      const { start, end } = s.range;
      // A range that ends at column 0 ends with the line before (a section up to the next heading).
      let last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
      // Trailing blank lines stay visible below a folded block.
      while (last > start.line && !ctx.document.getText({ start: { line: last, character: 0 }, end: { line: last + 1, character: 0 } }).trim()) last--;
      if (last > start.line) out.push({ startLine: start.line, endLine: last, ...(s.name === 'front matter' ? { kind: FoldingRangeKind.Region } : {}) });
      walk(s.children);
    }
  };
  walk(documentSymbols(ctx));
  const seen = new Set<string>();
  return out.filter((r) => { const k = `${r.startLine}:${r.endLine}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
