/** Small helpers for the indexes' maps of id -> items, shared by every index that keeps them. */

/** Appends `v` under `k`. */
export function push<K, V>(m: Map<K, V[]>, k: K, v: V): void { const a = m.get(k); if (a) a.push(v); else m.set(k, [v]); }

/** Removes `v` from under `k`, and the key once its list is empty. */
export function pull<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (!a) return;
  const i = a.indexOf(v);
  if (i >= 0) a.splice(i, 1);
  if (!a.length) m.delete(k);
}

/** Adds `v` to the set under `k`. */
export function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void { const s = m.get(k); if (s) s.add(v); else m.set(k, new Set([v])); }
