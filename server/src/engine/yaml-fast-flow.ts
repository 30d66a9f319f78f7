import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { bail, ordinaryKey, plainStart, quotedScalar, resolvePlain } from './yaml-fast-scalars';

/**
 * One-line flow collections of scalars for the YAML fast path (yaml-fast.ts): `[CC6.1, "CC6.2"]` and
 * `{ start: 2026-01-01, end: 2026-06-30 }`, with the library's nodes, ranges and `flow` flag. Nested
 * collections, empty entries, a trailing comma or a second line are declined.
 */
export function readFlow(t: string, p: number): { node: YAMLSeq | YAMLMap; data: unknown; end: number } {
  const eol = t.indexOf('\n', p);
  const reader = new FlowReader(t, eol < 0 ? t.length : eol);
  return t.charCodeAt(p) === 91 /* [ */ ? reader.seq(p) : reader.map(p);
}

const LF = 10, SPACE = 32, HASH = 35, COLON = 58;

class FlowReader {
  private pos = 0;
  /** Quoted scalars must close before it: the whole collection is on this one line. */
  constructor(private readonly t: string, private readonly lineEnd: number) {}

  /** `[a, "b"]` on one line; returns the offset after `]`. */
  seq(p: number): { node: YAMLSeq; data: unknown[]; end: number } {
    const seq = new YAMLSeq();
    seq.flow = true;
    const data: unknown[] = [];
    const end = this.items(p, 93 /* ] */, () => {
      const v = this.scalar(this.pos, false);
      seq.items.push(v);
      data.push(v.value);
    });
    seq.range = [p, end, end];
    return { node: seq, data, end };
  }

  /** `{ a: 1, b: x }` on one line; returns the offset after `}`. */
  map(p: number): { node: YAMLMap; data: Record<string, unknown>; end: number } {
    const map = new YAMLMap();
    map.flow = true;
    const data: Record<string, unknown> = {};
    const end = this.items(p, 125 /* } */, () => {
      const k = this.scalar(this.pos, true);
      const name = k.value;
      if (typeof name !== 'string' || !ordinaryKey(name, data)) bail();
      if (this.t.charCodeAt(this.pos) !== COLON || this.t.charCodeAt(this.pos + 1) !== SPACE) bail();
      const v = this.scalar(this.pos + 1, false);
      map.items.push(new Pair(k, v));
      data[name] = v.value;
    });
    map.range = [p, end, end];
    return { node: map, data, end };
  }

  /** Items between `p`'s bracket and `close`, comma-separated, all on one line; no trailing comma. */
  private items(p: number, close: number, item: () => void): number {
    const t = this.t;
    let i = p + 1;
    while (t.charCodeAt(i) === SPACE) i++;
    if (t.charCodeAt(i) === close) return i + 1;
    for (;;) {
      this.pos = i;
      item();
      i = this.pos;
      const c = t.charCodeAt(i);
      if (c === close) return i + 1;
      if (c !== 44 /* , */) bail();
      i++;
      while (t.charCodeAt(i) === SPACE) i++;
    }
  }

  /** A scalar inside `[]`/`{}`; sets `pos` past it (and past the spaces after a value, which its range keeps). */
  private scalar(p: number, isKey: boolean): Scalar {
    const t = this.t;
    while (t.charCodeAt(p) === SPACE) p++;
    const c = t.charCodeAt(p);
    let node: Scalar, end: number;
    if (c === 34 || c === 39) {
      ({ node, end } = quotedScalar(t, p, this.lineEnd));
    } else {
      if (!plainStart(t, p)) bail();
      let i = p;
      for (; i < t.length; i++) {
        const k = t.charCodeAt(i);
        if (k === 44 || k === 93 || k === 125 || k === LF) break;
        if (k === 91 || k === 123 || k === COLON || k === HASH) {
          if (isKey && k === COLON) break;
          bail();
        }
      }
      end = i;
      while (t.charCodeAt(end - 1) === SPACE) end--;
      if (end === p) bail();
      const text = t.slice(p, end);
      node = new Scalar(resolvePlain(text));
      node.type = Scalar.PLAIN;
    }
    let after = end;
    while (t.charCodeAt(after) === SPACE) after++;
    node.range = [p, end, isKey ? end : after];
    this.pos = after;
    return node;
  }
}
