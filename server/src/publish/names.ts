/**
 * File names and anchor ids of the published site. Every one is derived from repo values (policy ids,
 * control ids, heading text), so each is reduced to a closed alphabet: a policy id of `../../x` or
 * `<img onerror=…>` becomes a plain file name inside the output folder and an id no attribute can escape.
 */

/** The pages every site has; policy pages are `policy-<name>.html`, so they can never collide with these. */
export const SITE_PAGES = { index: 'index.html', controls: 'controls.html', criteria: 'criteria.html', handbook: 'handbook.html', style: 'style.css' } as const;

/** Lower-case letters, digits and single hyphens; at most `max` characters; `fallback` when nothing is left. */
export function slug(text: string, fallback = 'item', max = 64): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
  return s || fallback;
}

/**
 * Page file names for policies, in the order given: `policy-<slug of id>.html`, with `-2`, `-3`… when two ids
 * reduce to the same name (case differences, duplicate ids, punctuation). Names are lower case so a
 * case-insensitive file system cannot merge two pages either.
 */
export function policyPageNames(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = `policy-${slug(id, 'untitled')}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return `${name}.html`;
  });
}

/**
 * An anchor id for any repo value, reversible and unique: letters, digits, `.` and `-` stay, every other
 * character becomes `_` plus its code point in hex plus `_`. `AC-03` stays `AC-03`; `a b` is `a_20_b`.
 */
export function anchorOf(kind: 'control' | 'criterion' | 'policy', id: string): string {
  return `${kind}-${[...id].map((c) => (/[A-Za-z0-9.-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('')}`;
}
