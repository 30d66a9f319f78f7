import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { BAIL, bail, KEY_REFUSED, ordinaryKey, plainStart, quotedScalar, readBlockScalar, resolvePlain } from './yaml-fast-scalars';
import { readFlow } from './yaml-fast-flow';

/**
 * A single-pass reader for the plain subset of YAML that compliance files are written in: block mappings
 * and sequences, plain scalars (folded over lines too), one-line quoted scalars, `|`/`>` block scalars and
 * one-line flow lists and mappings of scalars.
 * It builds the very nodes the `yaml` library would (same classes, values and ranges) and, in the same pass,
 * the plain data `doc.toJS()` would give, so the engine skips the library's lexer, parser, composer and
 * toJS on the files that make up almost all of a repository.
 *
 * It never guesses: on anything outside the subset, or anything the library would report as an error or a
 * warning, it gives up at once (`undefined`) and the caller parses with the library. test/yaml-fast.test.ts
 * compares it node by node with the library over real files, hand-written cases and random mutations.
 */
export interface FastDocument {
  contents: Node;
  data: unknown;
}

/**
 * Texts read on the fast path and texts declined, for the tests' hit-rate checks; `enabled` lets a test or
 * a measurement run the engine on the library alone and compare.
 */
export const fastPath = { enabled: true, read: 0, declined: 0 };

/** Characters the fast path will not look at: tabs, CR, BOM, controls, YAML's extra line breaks. */
const REFUSED_CHAR = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const DOC_MARKER = /^(?:---|\.\.\.)(?=[ \n]|$)|^%/gm;

/**
 * The documents of `text` if it lies within the subset (an empty array for a text of only comments and
 * blank lines), else undefined.
 */
export function readFast(text: string): FastDocument[] | undefined {
  try {
    const docs = new FastReader(text).read();
    fastPath.read++;
    return docs;
  } catch (err) {
    if (err !== BAIL) throw err;
    fastPath.declined++;
    return undefined;
  }
}

/** Where the next content line starts, after blank lines and whole-line comments. */
interface Next { start: number; indent: number; first: number; comments: boolean }

interface Value { node: Node; data: unknown; next: number }

const enum Ch { LF = 10, SPACE = 32, HASH = 35, DASH = 45, COLON = 58 }

class FastReader {
  private readonly len: number;
  constructor(private readonly t: string) { this.len = t.length; }

  read(): FastDocument[] {
    const t = this.t;
    if (REFUSED_CHAR.test(t)) bail();
    let next = this.skip(0);
    DOC_MARKER.lastIndex = 0;
    let markers = 0;
    for (let m = DOC_MARKER.exec(t); m; m = DOC_MARKER.exec(t)) {
      // Only a bare `---` as the first content line: other markers mean several documents or directives.
      if (++markers > 1 || m.index !== next.start || m[0] !== '---' || t.charCodeAt(m.index + 3) !== Ch.LF) bail();
      next = this.skip(m.index + 4);
      if (next.start === this.len) bail();
    }
    if (next.start === this.len) return [];
    if (next.indent !== 0) bail();
    const v = this.block(next.first, 0);
    if (this.skip(v.next).start !== this.len) bail();
    return [{ contents: v.node, data: v.data }];
  }

  private eol(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i < 0 ? this.len : i;
  }

  /**
   * From a line start, past blank and comment lines to the next content line (start = len at the end).
   * A comment line must stand at the indentation of the content after it (column 0 at the end): there
   * the library files it with the next item, and no range changes; elsewhere it can stretch a range.
   */
  private skip(p: number): Next {
    const t = this.t;
    let comments = false, commentIndent = -1;
    while (p < this.len) {
      let q = p;
      while (t.charCodeAt(q) === Ch.SPACE) q++;
      const c = t.charCodeAt(q);
      if (q === this.len || c === Ch.LF) { p = q + 1; continue; }
      if (c === Ch.HASH) {
        if (comments && commentIndent !== q - p) bail();
        comments = true; commentIndent = q - p;
        p = this.eol(q) + 1;
        continue;
      }
      if (comments && commentIndent !== q - p) bail();
      return { start: p, indent: q - p, first: q, comments };
    }
    if (comments && commentIndent !== 0) bail();
    return { start: this.len, indent: -1, first: this.len, comments };
  }

  /** A block collection starting at `p` (its column is its indentation). */
  private block(p: number, column: number): Value {
    const c = this.t.charCodeAt(p);
    if (c === Ch.DASH && this.isBlank(p + 1)) return this.seq(p, column);
    return this.map(p, column);
  }

  /** Whether `p` is a space, a line end or the end of the text. */
  private isBlank(p: number): boolean {
    const c = this.t.charCodeAt(p);
    return p >= this.len || c === Ch.SPACE || c === Ch.LF;
  }

  private seq(p: number, n: number): Value {
    // Whether whole-line comments stand before this item (they change an empty item's range); those before
    // the first item belong to the key or document above.
    let commented = false;
    const seq = new YAMLSeq();
    const data: unknown[] = [];
    const start = p;
    let end = p;
    for (;;) {
      const v = this.value(p + 1, n, false, commented);
      seq.items.push(v.node);
      data.push(v.data);
      end = (v.node.range as [number, number, number])[2];
      const next = this.skip(v.next);
      if (next.indent > n) bail();
      if (next.indent < n || !(this.t.charCodeAt(next.first) === Ch.DASH && this.isBlank(next.first + 1))) {
        // A list at its key's indentation, ended by the next key: comments at that indentation close the list.
        if (next.indent === n && next.comments) bail();
        seq.range = [start, end, end];
        // From before the blank and comment lines: the caller must see those comments too.
        return { node: seq, data, next: v.next };
      }
      p = next.first;
      commented = next.comments;
    }
  }

  private map(p: number, n: number): Value {
    const map = new YAMLMap();
    const data: Record<string, unknown> = {};
    const start = p;
    for (;;) {
      const key = this.key(p);
      if (!key) bail();
      const name = key.node.value as string;
      if (!ordinaryKey(name, data)) bail();
      const v = this.value(key.colon + 1, n, true);
      map.items.push(new Pair(key.node, v.node));
      data[name] = v.data;
      const end = (v.node.range as [number, number, number])[2];
      const next = this.skip(v.next);
      if (next.indent > n) bail();
      if (next.indent < n) {
        map.range = [start, end, end];
        return { node: map, data, next: v.next };
      }
      p = next.first;
      // A list at the key's own indentation belongs to the key above; anything else there is an error.
      if (this.t.charCodeAt(p) === Ch.DASH && this.isBlank(p + 1)) bail();
    }
  }

  /** A mapping key at `p` followed by `:` and a space or line end, and the colon's offset; else undefined. */
  private key(p: number): { node: Scalar; colon: number } | undefined {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const { node, end } = this.quoted(p);
      let i = end;
      while (t.charCodeAt(i) === Ch.SPACE) i++;
      if (t.charCodeAt(i) !== Ch.COLON || !this.isBlank(i + 1)) return undefined;
      node.range = [p, end, end];
      return { node, colon: i };
    }
    if (!plainStart(t, p)) return undefined;
    const lineEnd = this.eol(p);
    let i = p;
    for (; i < lineEnd; i++) {
      const k = t.charCodeAt(i);
      if (k === Ch.COLON && (i + 1 === lineEnd || t.charCodeAt(i + 1) === Ch.SPACE)) break;
      if (k === Ch.HASH && t.charCodeAt(i - 1) === Ch.SPACE) return undefined;
    }
    if (i >= lineEnd) return undefined;
    let end = i;
    while (t.charCodeAt(end - 1) === Ch.SPACE) end--;
    if (end - p > 1000) bail();
    for (let j = p; j < end; j++) if (KEY_REFUSED.has(t.charCodeAt(j))) bail();
    const text = t.slice(p, end);
    if (typeof resolvePlain(text) !== 'string') bail();
    const node = new Scalar(text);
    node.type = Scalar.PLAIN;
    node.range = [p, end, end];
    return { node, colon: i };
  }

  /**
   * The value after a `:` or `-` at `p`, of a collection at indentation `n`: inline, nested below, or empty.
   */
  private value(p: number, n: number, inMap: boolean, commented = false): Value {
    const t = this.t;
    while (t.charCodeAt(p) === Ch.SPACE) p++;
    const c = t.charCodeAt(p);
    if (p >= this.len || c === Ch.LF || c === Ch.HASH) {
      const lineEnd = this.eol(p);
      const after = Math.min(lineEnd + 1, this.len);
      const next = this.skip(after);
      if (next.indent > n || (inMap && next.indent === n && t.charCodeAt(next.first) === Ch.DASH && this.isBlank(next.first + 1))) {
        return this.block(next.first, next.indent);
      }
      if (next.comments) bail();
      // A comment after the indicator, or an empty list item after a comment line, stretches the empty value
      // up to the next content, indentation included; across blank lines the library's rule is murkier.
      const stretch = c === Ch.HASH || (commented && !inMap);
      if (stretch && next.start !== after) bail();
      const empty = new Scalar(null);
      empty.type = Scalar.PLAIN;
      empty.range = [p, p, stretch ? next.first : p];
      return { node: empty, data: null, next: after };
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(p, n);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const f = readFlow(this.t, p);
      return this.trail(f.node, f.data, f.end);
    }
    if (!inMap && c === Ch.DASH && this.isBlank(p + 1)) return this.seq(p, p - this.lineStart(p));
    if (!inMap && this.key(p)) return this.map(p, p - this.lineStart(p));
    if (c === 34 || c === 39) {
      const q = this.quoted(p);
      q.node.range = [p, q.end, q.end];
      return this.trail(q.node, q.node.value, q.end);
    }
    const s = this.plain(p, n);
    return this.trail(s.node, s.node.value, s.end);
  }

  private lineStart(p: number): number {
    return this.t.lastIndexOf('\n', p - 1) + 1;
  }

  /** After a one-line value ending at `end`: spaces, an optional comment, the line end. */
  private trail(node: Node, data: unknown, end: number): Value {
    const t = this.t;
    let i = end;
    while (t.charCodeAt(i) === Ch.SPACE) i++;
    if (i < this.len && t.charCodeAt(i) !== Ch.LF) {
      if (t.charCodeAt(i) !== Ch.HASH || i === end) bail();
      i = this.eol(i);
    }
    const after = Math.min(i + 1, this.len);
    node.range = [(node.range as [number, number, number])[0], end, after];
    return { node, data, next: after };
  }

  /**
   * A plain scalar in block context, in a collection at indentation `n`: one line, or folded over the
   * deeper-indented lines after it (line breaks become spaces, blank lines breaks).
   */
  private plain(p: number, n: number): { node: Scalar; end: number } {
    const t = this.t;
    if (!plainStart(t, p)) bail();
    let end = this.plainLine(p);
    let text = t.slice(p, end);
    // Continuation lines: deeper than the collection, not blank. A comment ends the scalar (and what follows it
    // there would be an error); the line that ends the scalar is the collection's business.
    if (!this.continuesWithComment(end)) {
      let line = this.eol(p) + 1, blanks = 0;
      while (line < this.len) {
        let q = line;
        while (t.charCodeAt(q) === Ch.SPACE) q++;
        const c = t.charCodeAt(q);
        if (q >= this.len || c === Ch.LF) { blanks++; line = q + 1; continue; }
        if (q - line <= n || c === Ch.HASH) break;
        // Indicators at a continuation's start, or a `: ` in it, the library may read otherwise: decline.
        if (!plainStart(t, q) || t.charCodeAt(q) === Ch.DASH) bail();
        const e = this.plainLine(q);
        if (this.continuesWithComment(e)) bail();
        text += blanks ? '\n'.repeat(blanks) : ' ';
        text += t.slice(q, e);
        end = e;
        blanks = 0;
        line = this.eol(q) + 1;
      }
    }
    const node = new Scalar(resolvePlain(text));
    node.type = Scalar.PLAIN;
    node.range = [p, end, end];
    return { node, end };
  }

  /** Whether a comment follows `e` on its line (after a continuation line the library may call it an error). */
  private continuesWithComment(e: number): boolean {
    let i = e;
    while (this.t.charCodeAt(i) === Ch.SPACE) i++;
    return this.t.charCodeAt(i) === Ch.HASH;
  }

  /** The end (trailing spaces dropped) of one line of a plain scalar from `p`; a `: ` in it is declined. */
  private plainLine(p: number): number {
    const t = this.t;
    const lineEnd = this.eol(p);
    let i = p;
    for (; i < lineEnd; i++) {
      const k = t.charCodeAt(i);
      if (k === Ch.HASH && t.charCodeAt(i - 1) === Ch.SPACE) break;
      if (k === Ch.COLON && (i + 1 === lineEnd || t.charCodeAt(i + 1) === Ch.SPACE)) bail();
    }
    let end = i;
    while (t.charCodeAt(end - 1) === Ch.SPACE) end--;
    return end;
  }

  /** A single- or double-quoted scalar closed on its own line. */
  private quoted(p: number): { node: Scalar; end: number } {
    return quotedScalar(this.t, p, this.eol(p));
  }

  /** `|` or `>` with optional `-`/`+` chomping, then lines indented deeper than the collection at `n`. */
  private blockScalar(p: number, n: number): Value {
    const b = readBlockScalar(this.t, p, n);
    // Kept blank lines run up to the next content; a comment line among them the library files elsewhere.
    if (b.keptFrom !== undefined && this.skip(b.keptFrom).comments) bail();
    const node = new Scalar(b.value);
    node.type = b.folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    node.range = [p, b.end, b.end];
    return { node, data: b.value, next: b.end };
  }
}
