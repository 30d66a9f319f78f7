/**
 * The one reader of policy Markdown: a single pass over the lines that finds front matter, headings,
 * paragraphs (in lists and quotes too) and tables, and skips fenced, indented-code and HTML blocks.
 * `soc2 check`, the indexer and the editor all call it, so they cannot read a policy differently. It
 * follows CommonMark (plus GitHub tables) for the blocks policies use, and it never builds a syntax tree.
 * A property test holds it to remark on thousands of generated documents (test/markdown-property.test.ts);
 * where it deliberately differs, it reads more: indented blocks that are pandoc list items or mkdocs
 * admonition bodies are prose here, not code, and pandoc grid tables are tables.
 */

import { GRID_BORDER, gridTable, opensPipeTable, pipeCells, type TableBlock } from './markdown-tables';

export type { TableBlock, TableRowBlock, Span } from './markdown-tables';
/** `item` marks the paragraph that opens a list item (the text right after its marker): how deep the item is, 1 for a top-level item. */
export interface TextBlock { kind: 'heading' | 'paragraph'; start: number; end: number; level?: number; item?: number }
export interface FrontMatter { start: number; end: number; contentStart: number; contentEnd: number }

const FENCE_LINE = /^---[ \t]*$/;

/** Front matter as remark-frontmatter sees it: `---` on the first line, closed by the next `---` line. */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const firstEnd = lineEnd(text, 0);
  if (!FENCE_LINE.test(text.slice(0, firstEnd))) return undefined;
  let ls = nextLine(text, firstEnd);
  const contentStart = ls;
  while (ls < text.length || ls === text.length) {
    const le = lineEnd(text, ls);
    if (FENCE_LINE.test(text.slice(ls, le))) return { start: 0, end: le, contentStart, contentEnd: ls };
    if (le >= text.length) return undefined;
    ls = nextLine(text, le);
  }
  return undefined;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^([-*+])([ \t]+|$)/;
const ORDERED = /^(\d{1,9})([.)])([ \t]+|$)/;
const DEFINITION = /^\[[^\]]+\]:/;
const HTML_RAW = /^<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_BLOCK_TAG = /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|\/>|$)/i;
const HTML_OTHER = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

type HtmlEnd = 'blank' | '-->' | '?>' | '>' | ']]>' | RegExp;

/**
 * Indented blocks that are prose, not code: pandoc writes lettered and roman list items four spaces deep
 * (`    a. Each month, IT and HR review …`), and mkdocs indents admonition bodies (`!!! note`). CommonMark
 * would make both indented code, so their rules would go unread. A block is read as prose when it starts
 * with a list marker (or follows an admonition line) and no line of it looks like code.
 */
const PROSE_MARKER = /^(?:[-*+]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxlcIVXLC]{2,6}[.)]|\([a-zA-Z0-9]{1,6}\))[ \t]+\S/;
const CODE_LIKE = /[{};][ \t]*$|^[ \t]*(?:\$ |#!|>>>|\/\/|<\/?[A-Za-z][^>]*>[ \t]*$)|=>|==|!=|:=|\w\(\)|\b\w+\([\w"'$]*[,)]/;
/** A pandoc lettered or roman item marker (`a.`, `iv)`, `(b)`), read as a list item inside such blocks. */
const LETTERED = /^(?:(?:[a-zA-Z]|[ivxlcIVXLC]{2,6})[.)]|\([a-zA-Z]{1,6}\)|\(\d{1,3}\))([ \t]+|$)/;
/** A mkdocs / Python-Markdown admonition line: `!!! note`, `??? warning "Title"`, `???+ tip`. */
const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]*[A-Za-z][\w-]*(?:[ \t]+"[^"]*")?[ \t]*$/;

export type Block = TextBlock | TableBlock;

/**
 * Headings, paragraphs and tables of the Markdown body from `from` on, in document order. This is the
 * only reader of policy Markdown: the CLI, the indexer and the editor all call it, so they cannot disagree.
 */
export function scanBlocks(text: string, from = 0, options: { strict?: boolean } = {}): Block[] {
  // `strict` turns off the readings that go beyond CommonMark (prose-looking indented blocks, admonitions,
  // grid tables), so tests can hold the rest to a CommonMark parser exactly.
  const extended = !options.strict;
  const blocks: Block[] = [];
  let para: { start: number; end: number; lastStart: number; prevEnd: number; depth: number; item?: number; lastLazy?: boolean; level: number; hidden?: boolean; defStart?: number } | undefined;
  let table: { block: TableBlock; base: number } | undefined;
  let fence: { char: string; len: number; indent: number } | undefined;
  let html: HtmlEnd | undefined;
  /** The content indent of the list item an open fence or HTML block sits in (0 outside lists). */
  let leafContainer = 0;
  let leafDepth = 0;
  /** Content indents of the open list items (and prose blocks), innermost last. */
  const containers: Container[] = [];
  let previousBlank = true;
  let admonition = false;
  const closePara = () => { if (para) { if (!para.hidden) blocks.push({ kind: 'paragraph', start: para.start, end: para.end, ...(para.item ? { item: para.item } : {}) }); para = undefined; } };
  const closeTable = () => { if (table) { blocks.push(table.block); table = undefined; } };

  for (let ls = from; ls < text.length;) {
    const le = lineEnd(text, ls);
    const next = nextLine(text, le);
    const line = text.slice(ls, le);

    // A fence or HTML block inside a list item ends with the item: at a non-blank line less indented than it.
    // A fence or HTML block inside a block quote ends with the quote.
    const q = fence || html !== undefined ? stripQuotes(line) : NO_QUOTE;
    if ((fence || html !== undefined) && ((line.trim() && indentWidth(q.rest) < leafContainer) || q.depth < leafDepth)) { fence = undefined; html = undefined; }
    if (fence) {
      const m = /^( {0,3})(`{3,}|~{3,})[ \t]*$/.exec(q.rest.slice(Math.min(fence.indent, leadingSpaces(q.rest))));
      if (m && m[2][0] === fence.char && m[2].length >= fence.len) fence = undefined;
      ls = next; continue;
    }
    if (html !== undefined) {
      const blankHere = leafDepth === 0 ? !line.trim() : !q.rest.trim();
      if (html === 'blank' ? blankHere : typeof html === 'string' ? line.includes(html) : html.test(line)) html = undefined;
      if (blankHere) previousBlank = true;
      ls = next; continue;
    }
    if (!line.trim()) {
      // A line without `>` ends every block quote, and the list items inside them.
      closePara(); closeTable(); previousBlank = true;
      while (containers.length && containers[containers.length - 1].depth > 0) containers.pop();
      ls = next; continue;
    }

    const { rest, offset, quoted, depth } = stripQuotes(line);
    if (!rest.trim()) { closePara(); closeTable(); previousBlank = true; ls = next; continue; } // `>` alone: a blank line in a quote
    // A deeper quote starts a new block quote, which ends the paragraph; a shallower one can only be a
    // lazy continuation of it (never a setext underline).
    if (para && depth > para.depth) closePara();
    const lazyQuote = !!para && depth < para.depth;
    const indent = indentWidth(rest);
    const body = rest.slice(leadingWhitespace(rest));
    const cs = ls + offset + leadingWhitespace(rest);
    const contentEnd = ls + trimEndLength(line);
    const inPandoc = containers.length > 0 && containers[containers.length - 1].pandoc;
    const bullet = BULLET.exec(body);
    const ordered = bullet ? undefined : ORDERED.exec(body);
    const lettered = bullet || ordered || !inPandoc || !extended ? undefined : LETTERED.exec(body);
    const marker = bullet ?? ordered ?? lettered;
    // A list item interrupts a paragraph when the line closes the item the paragraph is in (the paragraph
    // then ends there, and the new item starts outside it), or when it is a non-empty bullet or starts at 1
    // (CommonMark's rule for a list item that interrupts a paragraph).
    // Whether the line lies outside a container: a quote it is not in, or an item it is not indented into
    // (a `>` left of an item's content column is outside the item; inside a quote, columns count after `>`).
    const quoteColumn = quoted ? leadingSpaces(line) : 0;
    const closesItem = containers.length > 0 && outsideOf(containers[containers.length - 1], depth, indent, quoteColumn);
    // Only a paragraph or a table can be interrupted; otherwise the answer does not matter (and costs regexes).
    const interrupts = (!!para || !!table || !!marker) && (startsBlock(body) || (!!marker && (closesItem || ((!!bullet || ordered?.[1] === '1' || !!lettered) && body.length > marker[0].length))));

    if (table) {
      if (indent >= table.base && !interrupts) {
        table.block.rows.push({ start: cs, end: contentEnd, cells: pipeCells(text.slice(cs, contentEnd), cs) });
        table.block.end = contentEnd;
        previousBlank = false; ls = next; continue;
      }
      closeTable();
    }

    // A lazy continuation line keeps the paragraph (and its list items) open; otherwise a line less
    // indented than an item's content closes that item.
    const lazy = !!para && !previousBlank && !interrupts;
    const lazyLine = lazy && containers.length > 0 && outsideOf(containers[containers.length - 1], depth, indent, quoteColumn);
    if (!lazy) while (containers.length && outsideOf(containers[containers.length - 1], depth, indent, quoteColumn)) containers.pop();
    if (para && containers.length < para.level) closePara(); // its list item has ended
    const base = containers.length && containers[containers.length - 1].depth === depth ? containers[containers.length - 1].indent : 0;

    if (indent >= base + 4 && para && !previousBlank) { extend(para, cs, contentEnd, lazyLine || lazyQuote); ls = next; continue; }
    if (indent >= base + 4 && !para && quoted) { previousBlank = false; ls = next; continue; } // indented code in a quote
    if (indent >= base + 4 && !para) {
      const blockEnd = indentedBlockEnd(text, ls, base + 4);
      if (extended && indentedBlockIsProse(text, ls, blockEnd, admonition)) {
        containers.push({ indent: base + 4, pandoc: true, depth });
        admonition = false;
        continue; // read the same line again, now inside the prose block
      }
      closePara(); admonition = false; previousBlank = false; ls = blockEnd; continue; // indented code
    }
    admonition = false;

    if (para && (body[0] === '|' || body[0] === '-' || body[0] === ':') && !para.hidden && !lazyQuote && !lazyLine && !para.lastLazy && !previousBlank && opensPipeTable(text.slice(para.lastStart, para.end), body)) {
      if (para.lastStart > para.start) blocks.push({ kind: 'paragraph', start: para.start, end: para.prevEnd, ...(para.item ? { item: para.item } : {}) });
      const header = pipeCells(text.slice(para.lastStart, para.end), para.lastStart);
      table = { block: { kind: 'table', start: para.lastStart, end: contentEnd, header, rows: [] }, base };
      para = undefined; previousBlank = false; ls = next; continue;
    }
    if (extended && !para && GRID_BORDER.test(body)) {
      const grid = gridLines(text, ls);
      if (grid) { closeTable(); blocks.push(gridTable(text, grid.lines)); previousBlank = false; ls = grid.next; continue; }
    }
    if (extended && !para && ADMONITION.test(body)) { admonition = true; previousBlank = false; ls = next; continue; }

    const fm = FENCE_OPEN.exec(body);
    if (fm && !(fm[1][0] === '`' && fm[2].includes('`'))) {
      closePara(); fence = { char: fm[1][0], len: fm[1].length, indent }; leafContainer = base; leafDepth = depth; previousBlank = false; ls = next; continue;
    }
    if (ATX.test(body)) {
      closePara();
      blocks.push({ kind: 'heading', start: cs, end: contentEnd, level: /^#+/.exec(body)![0].length });
      previousBlank = false; ls = next; continue;
    }
    if (para && !para.hidden && !lazyQuote && !lazyLine && SETEXT.test(body) && indent < base + 4 && !previousBlank) {
      // A setext heading keeps the definitions above its text as text (micromark and remark agree).
      blocks.push({ kind: 'heading', start: para.defStart ?? para.start, end: contentEnd, level: body[0] === '=' ? 1 : 2 });
      para = undefined; previousBlank = false; ls = next; continue;
    }
    if (THEMATIC.test(body)) { closePara(); previousBlank = false; ls = next; continue; }
    const htmlEnd = htmlStart(body, !!para);
    if (htmlEnd !== undefined) {
      closePara();
      const endsHere = htmlEnd !== 'blank' && (typeof htmlEnd === 'string' ? body.slice(1).includes(htmlEnd) : htmlEnd.test(body));
      if (!endsHere) { html = htmlEnd; leafContainer = base; leafDepth = depth; }
      previousBlank = false; ls = next; continue;
    }
    // An ordered item interrupts a paragraph only when it starts at 1; an empty item never does.
    // (Inside a list, a sibling item may carry any number.)
    if (marker && (!para || interrupts)) {
      closePara();
      const markerLen = marker[0].length - marker[marker.length - 1].length;
      const spaces = marker[marker.length - 1].length;
      const contentIndent = indent + markerLen + (spaces >= 5 || spaces === 0 ? 1 : spaces);
      containers.push({ indent: contentIndent, pandoc: !!lettered || inPandoc, depth });
      const contentStart = cs + markerLen + spaces;
      if (contentStart < contentEnd) {
        const inner = text.slice(contentStart, contentEnd);
        if (ATX.test(inner)) blocks.push({ kind: 'heading', start: contentStart, end: contentEnd, level: /^#+/.exec(inner)![0].length });
        else if (!FENCE_OPEN.test(inner) && !THEMATIC.test(inner)) para = { start: contentStart, end: contentEnd, lastStart: contentStart, prevEnd: contentStart, depth, item: containers.length, level: containers.length };
        else if (FENCE_OPEN.test(inner)) { const f = FENCE_OPEN.exec(inner)!; fence = { char: f[1][0], len: f[1].length, indent: contentIndent }; leafContainer = contentIndent; leafDepth = depth; }
      }
      previousBlank = false; ls = next; continue;
    }
    // A link reference definition is a paragraph that shows nothing; the lines after it continue that
    // paragraph (lazily, or indented as they like) and are what it shows.
    if ((!para || para.hidden) && DEFINITION.test(body)) {
      if (!para) para = { start: cs, end: contentEnd, lastStart: cs, prevEnd: cs, depth, level: containers.length, hidden: true, defStart: cs };
      previousBlank = false; ls = next; continue;
    }
    if (para) extend(para, cs, contentEnd, lazyLine || lazyQuote);
    else para = { start: cs, end: contentEnd, lastStart: cs, prevEnd: cs, depth, level: containers.length };
    previousBlank = false;
    ls = next;
  }
  closePara();
  closeTable();
  return blocks;
}

interface Container { indent: number; pandoc: boolean; depth: number }
function outsideOf(c: Container, depth: number, indent: number, quoteColumn: number): boolean {
  return c.depth > depth || (c.depth === depth ? indent < c.indent : quoteColumn < c.indent);
}
interface Para { start: number; end: number; lastStart: number; prevEnd: number; lastLazy?: boolean; hidden?: boolean }

/** Adds a line to a paragraph; the first line after a definition is where the visible paragraph starts. */
function extend(para: Para, cs: number, contentEnd: number, lazy: boolean): void {
  if (para.hidden) { para.hidden = false; para.start = cs; para.lastStart = cs; para.prevEnd = cs; para.end = contentEnd; para.lastLazy = lazy; return; }
  para.prevEnd = para.end; para.lastStart = cs; para.end = contentEnd; para.lastLazy = lazy;
}

/** Whether a line starts a block that ends a paragraph or table (list items are decided by the caller). */
function startsBlock(body: string): boolean {
  if (ATX.test(body) || THEMATIC.test(body)) return true;
  const fm = FENCE_OPEN.exec(body);
  if (fm && !(fm[1][0] === '`' && fm[2].includes('`'))) return true;
  return htmlStart(body, true) !== undefined;
}

/** Offset of the first line after the indented block that starts at `ls` (blank lines inside it included). */
function indentedBlockEnd(text: string, ls: number, minIndent: number): number {
  let end = ls;
  for (let at = ls; at < text.length;) {
    const le = lineEnd(text, at);
    const line = text.slice(at, le);
    if (line.trim() && indentWidth(line) < minIndent) break;
    at = nextLine(text, le);
    if (line.trim()) end = at;
  }
  return end;
}

function indentedBlockIsProse(text: string, ls: number, end: number, afterAdmonition: boolean): boolean {
  const lines = text.slice(ls, Math.min(end, text.length)).split(/\r\n|\n|\r/);
  if (lines.some((l) => CODE_LIKE.test(l))) return false;
  return afterAdmonition || PROSE_MARKER.test(lines[0].trim());
}

/** The lines of a grid table starting at `ls`: every line up to a blank one starts with `+` or `|`. */
function gridLines(text: string, ls: number): { lines: { start: number; end: number; indent: number }[]; next: number } | undefined {
  const lines: { start: number; end: number; indent: number }[] = [];
  let at = ls;
  while (at < text.length) {
    const le = lineEnd(text, at);
    const line = text.slice(at, le);
    if (!line.trim()) break;
    const indent = leadingWhitespace(line);
    if (line[indent] !== '+' && line[indent] !== '|') return undefined;
    lines.push({ start: at, end: at + trimEndLength(line), indent });
    at = nextLine(text, le);
  }
  const last = lines[lines.length - 1];
  if (lines.length < 3 || !GRID_BORDER.test(text.slice(last.start + last.indent, last.end))) return undefined;
  return { lines, next: at };
}

function htmlStart(body: string, inParagraph: boolean): HtmlEnd | undefined {
  if (body[0] !== '<') return undefined;
  const raw = HTML_RAW.exec(body);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  if (body.startsWith('<!--')) return '-->';
  if (body.startsWith('<?')) return '?>';
  if (body.startsWith('<![CDATA[')) return ']]>';
  if (/^<![A-Za-z]/.test(body)) return '>';
  if (HTML_BLOCK_TAG.test(body)) return 'blank';
  if (!inParagraph && HTML_OTHER.test(body)) return 'blank';
  return undefined;
}

/** Drops block quote markers (`> `) from a line; returns how many characters they took. */
function stripQuotes(line: string): { rest: string; offset: number; quoted: boolean; depth: number } {
  let offset = 0;
  let depth = 0;
  for (;;) {
    let i = offset;
    while (i - offset < 3 && line.charCodeAt(i) === 32) i++;
    if (line.charCodeAt(i) !== 62 /* > */) break;
    offset = i + 1;
    if (line.charCodeAt(offset) === 32) offset++;
    depth++;
  }
  return { rest: depth ? line.slice(offset) : line, offset, quoted: depth > 0, depth };
}

function indentWidth(s: string): number {
  let w = 0;
  for (const c of s) {
    if (c === ' ') w++;
    else if (c === '\t') w += 4 - (w % 4);
    else break;
  }
  return w;
}

function leadingSpaces(s: string): number { let i = 0; while (s.charCodeAt(i) === 32) i++; return i; }
const NO_QUOTE = { rest: '', offset: 0, quoted: false, depth: 0 };
function leadingWhitespace(s: string): number { return s.length - s.trimStart().length; }
function trimEndLength(s: string): number { return s.trimEnd().length; }

export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

export function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length + 1;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
