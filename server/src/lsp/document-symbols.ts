import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { LineIndex, type Range } from '../engine/text';
import { findPair, YamlSource } from '../engine/yaml-source';
import type { Policy, Section } from '../engine/model';
import type { FeatureContext } from './feature-context';

/**
 * The outline: a policy's front matter and its sections nested by heading level; a controls file's
 * controls and a risk register's risks (with their fields); soc2.yaml's keys. Built from the document's
 * current text.
 */
export function documentSymbols(ctx: FeatureContext): DocumentSymbol[] {
  const kind = ctx.project.kindOf(ctx.path);
  const text = ctx.document.getText();
  const lines = new LineIndex(text);
  if (kind === 'policy') return policySymbols(ctx.project.file(ctx.path)?.policy, text, lines);
  if (kind === 'controls') return itemSymbols(new YamlSource(text, lines), 'controls');
  if (kind === 'risks') return itemSymbols(new YamlSource(text, lines), 'risks');
  if (kind === 'config') {
    const src = new YamlSource(text, lines);
    const root = src.docs[0]?.contents as Node | null | undefined;
    return isMap(root) ? pairSymbols(src, root, 1) : [];
  }
  return [];
}

/** One symbol per control (or risk): a document's mapping, or each item of its `controls:` (`risks:`) list. */
function itemSymbols(src: YamlSource, listKey: 'controls' | 'risks'): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of src.docs) {
    const root = doc.contents as Node | null;
    if (!isMap(root)) continue;
    const list = findPair(root, listKey)?.value;
    const maps = isSeq(list) ? list.items.filter((i): i is YAMLMap => isMap(i)) : findPair(root, listKey) ? [] : [root];
    for (const map of maps) {
      const id = findPair(map, 'id');
      const title = findPair(map, 'title')?.value;
      const range = src.nodeRange(map);
      out.push({
        name: scalarText(id?.value) || `(${listKey === 'controls' ? 'control' : 'risk'} without id)`,
        ...(isScalar(title) && title.value ? { detail: String(title.value) } : {}),
        kind: listKey === 'controls' ? SymbolKind.Object : SymbolKind.Event,
        range,
        selectionRange: id?.value ? src.nodeRange(id.value as Node) : range,
        children: pairSymbols(src, map, 0),
      });
    }
  }
  return out;
}

/** One symbol per key of a mapping; nested mappings down to `depth` more levels. */
function pairSymbols(src: YamlSource, map: YAMLMap, depth: number): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const pair of map.items as Pair[]) {
    const name = scalarText(pair.key);
    if (!name) continue;
    const value = pair.value as Node | null;
    const symbol: DocumentSymbol = {
      name,
      kind: isSeq(value) ? SymbolKind.Array : isMap(value) ? SymbolKind.Module : SymbolKind.Property,
      range: src.pairRange(pair),
      selectionRange: src.nodeRange(pair.key as Node),
    };
    const detail = isScalar(value) ? scalarText(value) : isSeq(value) ? `${value.items.length} item${value.items.length === 1 ? '' : 's'}` : '';
    if (detail) symbol.detail = detail;
    if (isMap(value) && depth > 0) symbol.children = pairSymbols(src, value, depth - 1);
    out.push(symbol);
  }
  return out;
}

function scalarText(node: unknown): string {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : '';
}

function policySymbols(policy: Policy | undefined, text: string, lines: LineIndex): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (policy?.hasFrontMatter) {
    const r = policy.frontMatterRange;
    const start = lines.lineStart(r.start.line + 1), end = lines.lineStart(r.end.line);
    const src = new YamlSource(text.slice(start, Math.max(start, end)), lines, start);
    const root = src.docs[0]?.contents as Node | null | undefined;
    out.push({
      name: 'front matter', detail: policy.id, kind: SymbolKind.Namespace, range: r, selectionRange: lines.lineRange(r.start.line),
      children: isMap(root) ? pairSymbols(src, root, 0) : [],
    });
  }
  const sections = policy ? policy.sections : scanHeadings(text, lines);
  // Nest by level: a section's children are the following deeper sections up to the next of its level.
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const s of sections) {
    const symbol: DocumentSymbol = { name: s.title || '(untitled)', detail: '#'.repeat(s.level), kind: SymbolKind.String, range: s.fullRange, selectionRange: s.range, children: [] };
    while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children! : out).push(symbol);
    stack.push({ level: s.level, symbol });
  }
  return out;
}

/** ATX headings outside fenced code, for a policy the engine could not model (no front matter id). */
function scanHeadings(text: string, lines: LineIndex): Section[] {
  const heads: { title: string; level: number; range: Range }[] = [];
  let fence: string | undefined;
  for (let n = 0; n < lines.lineCount; n++) {
    const t = text.slice(lines.lineStart(n), lines.lineEnd(n));
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(t);
    if (f) { fence = !fence ? f[1] : f[1][0] === fence[0] && f[1].length >= fence.length ? undefined : fence; continue; }
    const h = fence ? null : /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(t);
    if (h) heads.push({ title: h[2], level: h[1].length, range: lines.lineRange(n) });
  }
  return heads.map((h, i) => {
    const next = heads.slice(i + 1).find((x) => x.level <= h.level);
    const end = next ? lines.position(lines.lineStart(next.range.start.line)) : lines.position(text.length);
    return { title: h.title, level: h.level, range: h.range, fullRange: { start: h.range.start, end } };
  });
}
