import { isCollection, isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex, type Range } from './text';
import type { Located, ParseProblem } from './model';
import { fastPath, readFast } from './yaml-fast';

/**
 * Aliases are refused past this count: a "billion laughs" document expands exponentially and would
 * otherwise stall the server. Compliance files have no business using many aliases.
 */
const MAX_ALIASES = 50;

const MAX_FLOW_DEPTH = 256;

/** Syntax problems listed per file; past this the rest is one summary line (a binary-ish file can yield thousands). */
const MAX_SYNTAX_PROBLEMS = 100;

/**
 * Deepest nesting of `[` and `{`; a cheap scan done before parsing. Deliberately blind to quotes and
 * comments: a guard that can be talked out of counting (a stray `'` or ` #`) is no guard, and brackets in
 * strings or comments only ever add to the count.
 */
function flowDepth(text: string): number {
  let depth = 0, max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) { if (++depth > max) max = depth; }
    else if ((c === 93 /* ] */ || c === 125 /* } */) && depth > 0) depth--;
  }
  return max;
}

/**
 * Deepest block nesting, estimated per line: the chain of ever-deeper indentations above it plus the
 * longest run of indicators it holds (`- - - a`, `key: ? ? a`). A cheap scan done before parsing, blind to
 * quotes and comments so nothing can hide a level from it: the parser recurses per level, and past a few
 * thousand levels V8 can abort the whole process.
 */
function blockDepth(text: string): number {
  const indents: number[] = [];
  let max = 0;
  // Character codes, not one-character strings: this scan runs over every YAML text the engine reads.
  const len = text.length;
  for (let i = 0; i < len;) {
    let j = i;
    for (let c = text.charCodeAt(j); c === 32 || c === 9; c = text.charCodeAt(++j));
    const indent = j - i;
    let run = 0, longest = 0, content = false;
    for (; j < len; j++) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      if (c === 32 || c === 9) continue;
      if (c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */) {
        const next = text.charCodeAt(j + 1);
        if (j + 1 >= len || next === 32 || next === 9 || next === 10 || next === 13) {
          if (++run > longest) longest = run;
        } else run = 0;
      } else run = 0;
      content = true;
    }
    if (content) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + longest > max) max = indents.length + longest;
    }
    i = j + (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1);
  }
  return max;
}

/** One parsed YAML text with helpers that turn nodes into exact ranges. */
export class YamlSource {
  readonly docs: Document.Parsed[];
  readonly problems: ParseProblem[] = [];
  /** Plain data of each document, once expanded (alias limits applied). */
  private readonly data = new Map<Document.Parsed, unknown>();
  constructor(readonly text: string, readonly lines: LineIndex, readonly base = 0, readonly syntaxCode = 'yaml-syntax') {
    // The parser recurses per level, brackets and blocks alike: refuse pathological nesting fast instead of stalling on it.
    const flow = flowDepth(text), block = blockDepth(text);
    if (flow + block > MAX_FLOW_DEPTH) {
      this.docs = [];
      this.problems.push({ code: syntaxCode, range: this.rangeOf(0, 0), message: `YAML syntax: ${flow >= block ? 'brackets' : 'blocks'} are nested more than ${MAX_FLOW_DEPTH} levels deep; this file was not read.` });
      return;
    }
    // Most compliance files lie in the plain subset the fast reader knows; it gives the library's own nodes
    // and their data, or declines (anything unusual, any error) and the library reads the text as always.
    const fast = fastPath.enabled ? readFast(text) : undefined;
    if (fast) {
      this.docs = fast.map((f) => {
        const doc = { contents: f.contents, errors: [], warnings: [] } as unknown as Document.Parsed;
        this.data.set(doc, f.data);
        return doc;
      });
      return;
    }
    // The parser breaks lines only at \n; a lone \r (old Mac files, bad merges) becomes one, same length, same offsets.
    const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    // Garbage makes the parser throw away one error object per token; their stack traces are most of its time.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      this.docs = parseAllDocuments(source, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[];
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    if (!Array.isArray(this.docs)) this.docs = [this.docs as unknown as Document.Parsed];
    let errors = 0;
    for (const doc of this.docs) {
      for (const err of doc.errors) {
        const [s, e] = err.pos;
        if (++errors === MAX_SYNTAX_PROBLEMS + 1) {
          const more = this.docs.reduce((n, d) => n + d.errors.length, 0) - MAX_SYNTAX_PROBLEMS;
          this.problems.push({ code: syntaxCode, range: this.rangeOf(s, Math.max(e, s + 1)), message: `YAML syntax: ${more.toLocaleString('en-US')} more problems from here on are not listed; fix the ones above first.` });
        }
        if (errors > MAX_SYNTAX_PROBLEMS) continue;
        this.problems.push({
          code: syntaxCode,
          range: this.rangeOf(s, Math.max(e, s + 1)),
          message: describeYamlError(err.code, err.message),
        });
      }
    }
    // Every document is expanded now (once: toData caches it), so what expanding finds (an alias bomb, a
    // collection as a key) is among the problems whichever caller asks for the data first, or if none does.
    for (const doc of this.docs) if (!doc.errors.length) this.toData(doc);
  }

  rangeOf(start: number, end: number): Range {
    return this.lines.range(this.base + start, this.base + Math.min(end, this.text.length));
  }

  nodeRange(node: Node | null | undefined, fallback?: Range): Range {
    const r = node?.range;
    if (!r) return fallback ?? this.rangeOf(0, 0);
    return this.rangeOf(r[0], r[1]);
  }

  pairRange(pair: Pair): Range {
    const k = pair.key as Node | null;
    const v = pair.value as Node | null;
    const start = k?.range?.[0] ?? v?.range?.[0] ?? 0;
    const end = v?.range?.[1] ?? k?.range?.[1] ?? start;
    return this.rangeOf(start, end);
  }

  /** Converts a document to plain data for schema validation, tolerating alias bombs already refused. */
  toData(doc: Document.Parsed): unknown {
    if (doc.errors.length) return undefined;
    if (this.data.has(doc)) return this.data.get(doc);
    let data: unknown;
    // A list or mapping used as a key (`? [a]: b`) is never valid here, and expanding it stringifies it whole at
    // every level: nested ones take minutes. Say so and leave the document unexpanded.
    const key = COMPLEX_KEY_HINT.test(this.text) ? collectionKey(doc) : undefined;
    if (key) {
      this.problems.push({ code: 'schema', range: this.nodeRange(key), message: 'This key is a list or a mapping; keys here are plain names such as `owner` or `criteria`.' });
      this.data.set(doc, undefined);
      return undefined;
    }
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      const message = /alias/i.test((err as Error).message)
        ? `YAML syntax: its aliases (\`*name\`) would expand past the limit of ${MAX_ALIASES} (a "billion laughs" document); they were not expanded.`
        : `YAML syntax: this YAML cannot be expanded: ${(err as Error).message}`;
      this.problems.push({ code: this.syntaxCode, range: this.nodeRange(doc.contents as Node), message });
    }
    this.data.set(doc, data);
    return data;
  }

  /** The node at a schema instance path (`/controls/0/criteria/1`), or the nearest existing parent. */
  nodeAtPath(doc: Document.Parsed, path: readonly (string | number)[]): { node: Node | undefined; keyNode?: Node; depth: number } {
    let node: Node | undefined = doc.contents as Node | undefined;
    let keyNode: Node | undefined;
    let depth = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = findPair(node, String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? undefined;
        if (!node) { depth++; break; }
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as Node | undefined;
        if (!item) break;
        node = item;
        keyNode = undefined;
      } else break;
      depth++;
    }
    return { node, keyNode, depth };
  }
}

/** Only texts with an explicit key (`? `) or a bracket before a colon can have a collection as a key. */
const COMPLEX_KEY_HINT = /\?(?:\s|$)|[\]}]\s*:/;

function collectionKey(doc: Document.Parsed): Node | undefined {
  let found: Node | undefined;
  visit(doc, { Pair(_key, pair) { if (isCollection(pair.key)) { found = pair.key as Node; return visit.BREAK; } return undefined; } });
  return found;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    const k = item.key as unknown;
    const name = isScalar(k) ? String(k.value) : typeof k === 'string' ? k : undefined;
    if (name === key) return item as Pair;
  }
  return undefined;
}

/** Reads `key` of a mapping as a located string (numbers and booleans are stringified). */
export function locatedString(src: YamlSource, map: YAMLMap, key: string): Located<string> | undefined {
  const pair = findPair(map, key);
  if (!pair) return undefined;
  const v = pair.value as Node | null;
  if (isScalar(v) && v.value !== null && v.value !== undefined && typeof v.value !== 'object') {
    return { value: String(v.value), range: src.nodeRange(v) };
  }
  return undefined;
}

export function locatedScalar(src: YamlSource, map: YAMLMap, key: string): Located<string | number> | undefined {
  const pair = findPair(map, key);
  const v = pair?.value as Node | null;
  if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')) return { value: v.value, range: src.nodeRange(v) };
  return undefined;
}

/** Reads a list of scalars; a single scalar is accepted as a list of one (the schema check flags it). */
export function locatedList(src: YamlSource, map: YAMLMap, key: string): { items: Located<string>[]; keyRange?: Range } {
  const pair = findPair(map, key);
  if (!pair) return { items: [] };
  const keyRange = src.nodeRange(pair.key as Node);
  const v = pair.value as Node | null;
  const items: Located<string>[] = [];
  if (isSeq(v)) {
    for (const item of v.items) {
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') items.push({ value: String(item.value), range: src.nodeRange(item as Node) });
    }
  } else if (isScalar(v) && typeof v.value === 'string' && v.value.trim()) {
    items.push({ value: v.value, range: src.nodeRange(v) });
  }
  return { items, keyRange };
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const hints: Record<string, string> = {
    DUPLICATE_KEY: 'This key appears twice in the same mapping; only one value can count.',
    TAB_AS_INDENT: 'YAML does not allow tabs for indentation; use spaces.',
    BAD_INDENT: 'The indentation here does not line up with the surrounding block.',
  };
  return `YAML syntax: ${hints[code] ?? first}`;
}
