/**
 * Seeded YAML-ish texts for the fast path's differential tests: a grammar that writes block mappings,
 * lists, scalars of every core-schema type and form, comments and blank lines at awkward places; and a
 * mutator that damages real files (characters dropped or doubled, indicators, quotes, tabs and CRs inserted,
 * lines re-indented). Deterministic: the same seed gives the same texts.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plain scalars: every core-schema type, near misses, and texts the library reads as something else. */
export const PLAIN = ['1', '-0', '0x1F', '0o7', '1e3', '.5', '5.', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'true', 'False', 'TRUE', 'tRUE',
  'null', '~', 'Null', 'NULL', 'nULL', '2026-01-01', '1_000', '010', '+12', '-12', '0', '1.50', '0.0', '-1e-3', '1E+2', '0x', '0xG', '0o8',
  '99999999999999999999', 'yes', 'no', 'on', 'a#b', 'http://x.y/z', 'a [b], c', 'hello world', 'x:y', '-x', 'CC6.1', "a'b", 'a"b', 'é ü',
  'a: b', 'a:', 'x ?', '%x', '@x', '`x', 'a\\b', '..', '...x', 'a  b', '- x', '? x', ': x', '&a x', '*a', '!t x', 'a #b', 'a# b', '{x', '[x'];
export const QUOTED = ["'it''s'", "''", '""', '"a\\"b"', '"\\u00e9"', '"#x"', "' : '", '"a # b"', "'1'", '"true"', '"\\n\\t"', '"\\x41"',
  '" lead"', "'trail '", '"\\\\"', '"\\/"', '"\\0"', '"\\q"', '"\\e"', '"\\N"', '"\\U0001F600"', '"\\ud800"', "'a'b'", '"a"b"', "'x", '"x'];
const KEYS = ['a', 'b', 'id', 'last_reviewed', 'x y', '"q k"', "'s k'", '"a:b"', 'k-1', 'A.5', 'k', '"1"', 'a b c', 'x#y', 'é', '"\\t"',
  'true', '1', 'null', '~', '<<', '__proto__', '"__proto__"', '&a k', '? k', '[k]', '{k: v}', 'a,b'];
/** How many leading entries of PLAIN, QUOTED and KEYS are well-formed where the grammar puts them. */
const CLEAN = { plain: PLAIN.indexOf('a: b'), quoted: QUOTED.indexOf('"\\q"'), keys: KEYS.indexOf('true') };

export function grammarText(rnd: () => number): string {
  // Half the texts stick to well-formed pieces, so that many are read and compared, not just declined.
  const clean = rnd() < 0.5;
  const pick = <T>(a: readonly T[]): T => {
    const n = !clean ? a.length : a === (PLAIN as unknown) ? CLEAN.plain : a === (QUOTED as unknown) ? CLEAN.quoted : a === (KEYS as unknown) ? CLEAN.keys : a.length;
    return a[Math.floor(rnd() * n)];
  };
  const comment = () => (rnd() < 0.15 ? ' # ' + pick(['c', 'x: y', '#', '- a']) : '');
  const sp = () => (rnd() < 0.1 ? pick([' ', '  ']) : '');
  const scalar = (): string => {
    const r = rnd();
    if (r < 0.55) return pick(PLAIN);
    if (r < 0.85) return pick(QUOTED);
    const items = (n: number, f: () => string) => Array.from({ length: n }, f);
    if (rnd() < 0.5) return '[' + pick(['', ' ']) + items(Math.floor(rnd() * 4), () => pick([...PLAIN.slice(0, 24), ...QUOTED.slice(0, 6), '[a]', ''])).join(pick([', ', ',', ' , '])) + pick(['', ' ', ', ']) + ']';
    return '{' + pick([' ', '']) + items(Math.floor(rnd() * 3), () => pick(['a', 'b', '"c"', 'd', 'a']) + pick([': ', ' : ', ':'])
      + pick([...PLAIN.slice(0, 24), '']) ).join(', ') + pick([' ', '']) + '}';
  };
  const blockScalar = (ind: number): string[] => {
    const ci = ind + 1 + Math.floor(rnd() * 3);
    const out = [pick(['|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '| # c']) + sp()];
    if (rnd() < 0.1) out.push('');
    for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
      if (rnd() < 0.2) out.push(' '.repeat(Math.floor(rnd() * (ci + 2))));
      out.push(' '.repeat(ci + (rnd() < 0.1 ? 1 : 0)) + pick(['text', 'a b', '# not', 'x: y', '- z', 'end  ']));
    }
    if (rnd() < 0.3) out.push('');
    if (rnd() < 0.1) out.push(' '.repeat(Math.floor(rnd() * 4)) + '# after');
    return out;
  };
  const extras = (ind: number): string[] => {
    const out: string[] = [];
    if (rnd() < 0.15) out.push(pick(['', '  ']));
    if (rnd() < 0.1) out.push(' '.repeat(rnd() < 0.7 ? ind : Math.floor(rnd() * 6)) + '# note');
    return out;
  };
  const node = (ind: number, depth: number): { inline?: string; lines?: string[] } => {
    const r = rnd();
    if (depth > 3 || r < 0.38) return { inline: scalar() + sp() + comment() };
    if (r < 0.45) {
      // A plain scalar folded over deeper lines, with blank lines, trailing spaces and the odd comment.
      const more = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => (rnd() < 0.2 ? pick(['', '  ']) + '\n' : '')
        + ' '.repeat(ind + (rnd() < 0.1 ? 0 : 1) + Math.floor(rnd() * 3)) + pick(PLAIN) + sp() + (rnd() < 0.05 ? comment() : ''));
      return { inline: pick(PLAIN) + sp() + (rnd() < 0.05 ? comment() : ''), lines: more.join('\n').split('\n') };
    }
    if (r < 0.55) { const b = blockScalar(ind); return { inline: b[0], lines: b.slice(1) }; }
    if (r < 0.6) return { inline: comment() };
    const step = (rnd() < 0.2 ? 0 : 1) + Math.floor(rnd() * 3);
    return { lines: rnd() < 0.5 ? map(ind + Math.max(step, 1), depth + 1) : seq(ind + step, depth + 1) };
  };
  const map = (ind: number, depth: number): string[] => {
    const out: string[] = [];
    for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
      out.push(...extras(ind));
      const v = node(ind, depth);
      out.push(' '.repeat(ind) + pick(KEYS) + (rnd() < 0.05 ? ' ' : '') + ':' + (v.inline ? ' ' + v.inline : comment()));
      if (v.lines) out.push(...v.lines);
    }
    return out;
  };
  const seq = (ind: number, depth: number): string[] => {
    const out: string[] = [];
    for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
      out.push(...extras(ind));
      if (rnd() < 0.25 && depth < 4) {
        const w = 1 + Math.floor(rnd() * 3);
        const inner = rnd() < 0.7 ? map(ind + 1 + w, depth + 1) : seq(ind + 1 + w, depth + 1);
        out.push(' '.repeat(ind) + '-' + ' '.repeat(w) + inner[0].trimStart(), ...inner.slice(1));
        continue;
      }
      const v = node(ind, depth);
      out.push(' '.repeat(ind) + '-' + (v.inline ? ' ' + v.inline : comment()));
      if (v.lines) out.push(...v.lines);
    }
    return out;
  };
  const lines = [...(rnd() < 0.2 ? ['# head', ''] : []), ...(rnd() < 0.2 ? [pick(['---', '--- ', '--- # c', '%YAML 1.2\n---'])] : []),
    ...(rnd() < 0.7 ? map(0, 0) : seq(0, 0)), ...(rnd() < 0.2 ? ['', pick(['# tail', '  # tail', '---', '...', '--- x'])] : [])];
  return lines.join('\n') + (rnd() < 0.8 ? '\n' : '');
}

const INSERTS = [':', '#', "'", '"', '-', '\t', ' ', '  ', '\n', '- ', ': ', ' #', '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '&a ', '*a',
  '!', '? ', '---\n', '\\', '0', '1.5', 'true', '~', 'null', '\r\n', '\r', '\n  ', '\n\n', '\ufeff', '\u00a0', '\u2028', '...'];

/** A window of a real file, dedented, with one to three random edits. */
export function mutatedText(rnd: () => number, sources: readonly string[]): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const lines = pick(sources).split('\n');
  const from = Math.floor(rnd() * lines.length);
  const window = lines.slice(from, from + 3 + Math.floor(rnd() * 25));
  const indent = /^ */.exec(window[0])![0].length;
  let t = window.map((l) => (l.startsWith(' '.repeat(indent)) ? l.slice(indent) : l.trimStart())).join('\n');
  for (let j = 0, k = 1 + Math.floor(rnd() * 3); j < k; j++) {
    const p = Math.floor(rnd() * (t.length + 1));
    const op = rnd();
    if (op < 0.3) t = t.slice(0, p) + t.slice(p + 1 + Math.floor(rnd() * 3));
    else if (op < 0.45) t = t.slice(0, p) + t.slice(p, p + 1) + t.slice(p);
    else if (op < 0.6) {
      const ls = t.split('\n');
      const l = Math.floor(rnd() * ls.length);
      ls[l] = rnd() < 0.5 ? ' '.repeat(1 + Math.floor(rnd() * 2)) + ls[l] : ls[l].replace(/^ {1,2}/, '');
      t = ls.join('\n');
    } else t = t.slice(0, p) + pick(INSERTS) + t.slice(p);
  }
  return t;
}
