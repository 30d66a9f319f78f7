/**
 * Scalars for the YAML fast path (yaml-fast.ts): plain values resolved under the YAML 1.2 core schema exactly
 * as the `yaml` library resolves them, one-line quoted scalars and `|`/`>` block scalars. Each reader gives
 * up (throws BAIL) on anything it does not read exactly as the library would.
 */

import { Scalar } from 'yaml';

/** Thrown to abandon the fast path; caught in readFast only. */
export const BAIL = Symbol('bail');
export function bail(): never { throw BAIL; }

const LF = 10, SPACE = 32, DASH = 45;

/** A single- or double-quoted scalar at `p`, closed before `lineEnd`; `end` is past the closing quote. */
export function readQuoted(t: string, p: number, lineEnd: number): { value: string; end: number; double: boolean } {
  let out = '';
  let i = p + 1;
  if (t.charCodeAt(p) === 39) {
    for (;;) {
      const close = t.indexOf("'", i);
      if (close < 0 || close > lineEnd) bail();
      out += t.slice(i, close);
      if (t.charCodeAt(close + 1) !== 39) return { value: out, end: close + 1, double: false };
      out += "'";
      i = close + 2;
    }
  }
  for (;;) {
    if (i >= lineEnd) bail();
    const k = t.charCodeAt(i);
    if (k === 34) return { value: out, end: i + 1, double: true };
    if (k === 92 /* \ */) {
      const e = t[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) { out += simple; i += 2; continue; }
      const width = e === 'x' ? 2 : e === 'u' ? 4 : 0;
      const hex = t.slice(i + 2, i + 2 + width);
      if (!width || hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) bail();
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) bail();
      out += String.fromCharCode(code);
      i += 2 + width;
      continue;
    }
    out += t[i];
    i++;
  }
}

/** readQuoted as a Scalar node of the library's quote type (its range is the caller's to set). */
export function quotedScalar(t: string, p: number, lineEnd: number): { node: Scalar; end: number } {
  const q = readQuoted(t, p, lineEnd);
  const node = new Scalar(q.value);
  node.type = q.double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
  return { node, end: q.end };
}

/**
 * A block scalar whose header is at `p`, in a collection at indentation `n`. `end` is past its last content
 * line (past the kept blank lines for `+`); `keptFrom` is where kept blank lines start, if any.
 */
export function readBlockScalar(t: string, p: number, n: number): { value: string; end: number; folded: boolean; keptFrom?: number } {
  const len = t.length;
  const folded = t.charCodeAt(p) === 62;
  let i = p + 1;
  const chomp = t[i] === '-' || t[i] === '+' ? t[i++] : '';
  while (t.charCodeAt(i) === SPACE) i++;
  if (i < len && t.charCodeAt(i) !== LF) bail();
  const lines: string[] = [];
  let indent = -1, lastContentEnd = -1, trailing = 0;
  let line = i + 1;
  while (line < len) {
    let lineEnd = t.indexOf('\n', line);
    if (lineEnd < 0) lineEnd = len;
    let q = line;
    while (q < lineEnd && t.charCodeAt(q) === SPACE) q++;
    if (q === lineEnd) {
      // Blank: only spaces within the indentation (deeper ones would be content, or an error, there).
      if (indent < 0 ? q > line : q - line > indent) bail();
      lines.push('');
      trailing++;
      line = lineEnd + 1;
      continue;
    }
    if (indent < 0) {
      indent = q - line;
      if (indent <= n) bail();
    }
    if (q - line < indent) break;
    if (folded && q - line > indent) bail();
    lines.push(t.slice(line + indent, lineEnd));
    lastContentEnd = Math.min(lineEnd + 1, len);
    trailing = 0;
    line = lineEnd + 1;
  }
  if (indent < 0) bail();
  const body = lines.slice(0, lines.length - trailing);
  let value = folded ? fold(body) : body.join('\n');
  if (chomp === '') value += '\n';
  else if (chomp === '+') value += '\n' + '\n'.repeat(trailing);
  if (chomp !== '+') return { value, end: lastContentEnd, folded };
  return { value, end: Math.min(line, len), folded, keptFrom: trailing ? lastContentEnd : undefined };
}

/** Characters that never start a plain scalar here (indicators, or `-`/`?`/`:` before a space). */
export function plainStart(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  if (START_REFUSED.has(c)) return false;
  // `-` before a space, a line end or a flow indicator is an indicator (`[-]` is a list in a list).
  if (c === DASH) { const d = t.charCodeAt(p + 1); return p + 1 < t.length && d !== SPACE && d !== LF && !FLOW_INDICATOR.has(d); }
  return p < t.length && c !== LF && c !== SPACE;
}

const FLOW_INDICATOR = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));
const START_REFUSED = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
export const KEY_REFUSED = new Set([...',[]{}&*!|>\'"%@`\\'].map((c) => c.charCodeAt(0)));

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', ' ': ' ' };

/** `>` folding of lines at the block's own indentation: single breaks become spaces, blank lines breaks. */
function fold(lines: string[]): string {
  let out = '';
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') { blanks++; continue; }
    if (i > 0 && out !== '') out += blanks ? '\n'.repeat(blanks) : ' ';
    else if (blanks) out += '\n'.repeat(blanks);
    out += line;
    blanks = 0;
  }
  return out;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tested in the order the library tests its tags. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most values start with a letter no core tag can match: strings, without a regex.
  if ((c >= 97 && c <= 122 && c !== 110 && c !== 116 && c !== 102) || (c >= 65 && c <= 90 && c !== 78 && c !== 84 && c !== 70)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/**
 * A key the library would store as given: not repeated (an error there), not `__proto__` (which toJS defines
 * specially) and not `<<` (a merge key under some options), however quoted.
 */
export function ordinaryKey(name: string, data: Record<string, unknown>): boolean {
  return name !== '__proto__' && name !== '<<' && !Object.prototype.hasOwnProperty.call(data, name);
}
