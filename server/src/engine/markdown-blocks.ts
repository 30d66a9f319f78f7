/**
 * A single-pass scanner for the Markdown block structure the checks need: front matter, headings and
 * paragraphs (in lists and quotes too), with fenced, indented and HTML blocks skipped. It follows
 * CommonMark closely enough to give the same blocks as remark on real policies (a test compares the
 * two on every Markdown file we ship), at a fraction of the cost: indexing a large repo never builds a
 * syntax tree. Open documents still go through remark.
 */

export interface TextBlock { kind: 'heading' | 'paragraph'; start: number; end: number; level?: number }
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

/** Headings and paragraphs of the Markdown body from `from` on, in document order. */
export function scanBlocks(text: string, from = 0): TextBlock[] {
  const blocks: TextBlock[] = [];
  let para: { start: number; end: number } | undefined;
  let fence: { char: string; len: number; indent: number } | undefined;
  let html: HtmlEnd | undefined;
  let listIndent: number | undefined;
  let previousBlank = true;
  const closePara = () => { if (para) { blocks.push({ kind: 'paragraph', start: para.start, end: para.end }); para = undefined; } };

  for (let ls = from; ls < text.length;) {
    const le = lineEnd(text, ls);
    const next = nextLine(text, le);
    const line = text.slice(ls, le);

    if (fence) {
      const m = /^( {0,3})(`{3,}|~{3,})[ \t]*$/.exec(stripQuotes(line).rest);
      if (m && m[2][0] === fence.char && m[2].length >= fence.len) fence = undefined;
      ls = next; continue;
    }
    if (html !== undefined) {
      if (html === 'blank' ? !line.trim() : typeof html === 'string' ? line.includes(html) : html.test(line)) html = undefined;
      if (!line.trim()) previousBlank = true;
      ls = next; continue;
    }
    if (!line.trim()) { closePara(); previousBlank = true; ls = next; continue; }

    const { rest, offset, quoted } = stripQuotes(line);
    const indent = indentWidth(rest);
    const body = rest.slice(leadingWhitespace(rest));
    const cs = ls + offset + leadingWhitespace(rest);
    const contentEnd = ls + trimEndLength(line);

    // Leaving a list: a line less indented than the item's content, after a blank line, that is not an item.
    if (listIndent !== undefined && previousBlank && indent < listIndent && !BULLET.test(body) && !ORDERED.test(body)) listIndent = undefined;
    const base = listIndent ?? 0;

    if (indent >= base + 4 && !para && !quoted) { previousBlank = false; ls = next; continue; } // indented code
    if (indent >= base + 4 && para) { para.end = contentEnd; previousBlank = false; ls = next; continue; } // lazy continuation

    const fm = FENCE_OPEN.exec(body);
    if (fm && !(fm[1][0] === '`' && fm[2].includes('`'))) {
      closePara(); fence = { char: fm[1][0], len: fm[1].length, indent }; previousBlank = false; ls = next; continue;
    }
    if (ATX.test(body)) {
      closePara();
      blocks.push({ kind: 'heading', start: cs, end: contentEnd, level: /^#+/.exec(body)![0].length });
      previousBlank = false; ls = next; continue;
    }
    if (para && SETEXT.test(body) && indent < 4) {
      blocks.push({ kind: 'heading', start: para.start, end: contentEnd, level: body[0] === '=' ? 1 : 2 });
      para = undefined; previousBlank = false; ls = next; continue;
    }
    if (THEMATIC.test(body)) { closePara(); previousBlank = false; ls = next; continue; }
    const htmlEnd = htmlStart(body, !!para);
    if (htmlEnd !== undefined) {
      closePara();
      const endsHere = htmlEnd !== 'blank' && (typeof htmlEnd === 'string' ? body.slice(1).includes(htmlEnd) : htmlEnd.test(body));
      if (!endsHere) html = htmlEnd;
      previousBlank = false; ls = next; continue;
    }
    const bullet = BULLET.exec(body);
    const ordered = bullet ? undefined : ORDERED.exec(body);
    const marker = bullet ?? ordered;
    // An ordered item interrupts a paragraph only when it starts at 1; an empty item never does.
    // (Inside a list, a sibling item may carry any number.)
    const startsItem = marker && (!para || listIndent !== undefined || ((bullet || ordered![1] === '1') && body.length > marker[0].length));
    if (marker && startsItem) {
      closePara();
      const markerLen = bullet ? 1 : ordered![1].length + 1;
      const spaces = marker[bullet ? 2 : 3].length;
      listIndent = indent + markerLen + (spaces >= 5 || spaces === 0 ? 1 : spaces);
      const contentStart = cs + markerLen + spaces;
      if (contentStart < contentEnd) {
        const inner = text.slice(contentStart, contentEnd);
        if (ATX.test(inner)) blocks.push({ kind: 'heading', start: contentStart, end: contentEnd, level: /^#+/.exec(inner)![0].length });
        else if (!FENCE_OPEN.test(inner) && !THEMATIC.test(inner)) para = { start: contentStart, end: contentEnd };
        else if (FENCE_OPEN.test(inner)) { const f = FENCE_OPEN.exec(inner)!; fence = { char: f[1][0], len: f[1].length, indent: listIndent }; }
      }
      previousBlank = false; ls = next; continue;
    }
    if (!para && DEFINITION.test(body)) { previousBlank = false; ls = next; continue; }
    if (para) para.end = contentEnd;
    else para = { start: cs, end: contentEnd };
    previousBlank = false;
    ls = next;
  }
  closePara();
  return blocks;
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
function stripQuotes(line: string): { rest: string; offset: number; quoted: boolean } {
  let offset = 0;
  let quoted = false;
  for (;;) {
    const m = /^ {0,3}> ?/.exec(line.slice(offset));
    if (!m) break;
    offset += m[0].length;
    quoted = true;
  }
  return { rest: line.slice(offset), offset, quoted };
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
