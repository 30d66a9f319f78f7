/**
 * The differential check behind the YAML fast path: for a text, the fast reader either declines, or gives
 * exactly what the `yaml` library gives, node by node (kind, scalar value and type, every range, `flow`,
 * key order) and as plain data (`doc.toJS()`).
 */
import assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { readFast } from '../../server/src/engine/yaml-fast';

export type Outcome = 'fast' | 'bailed';

export function compareWithLibrary(text: string): Outcome {
  const fast = readFast(text);
  if (!fast) return 'bailed';
  const lib = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const docs = Array.isArray(lib) ? lib : [lib];
  const where = JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text);
  for (const d of docs) {
    assert.deepEqual(d.errors.map((e) => e.code), [], `library errors but fast path read ${where}`);
    assert.deepEqual(d.warnings.map((e) => e.code), [], `library warns but fast path read ${where}`);
  }
  assert.equal(fast.length, docs.length, `document count for ${where}`);
  fast.forEach((f, i) => {
    sameNode(f.contents, docs[i].contents as Node, `${where} doc ${i}`);
    assert.deepEqual(f.data, docs[i].toJS(), `toJS of ${where}`);
  });
  return 'fast';
}

function kind(n: unknown): string {
  return isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isPair(n) ? 'pair' : n === null ? 'null' : typeof n;
}

function sameNode(a: unknown, b: unknown, at: string): void {
  assert.equal(kind(a), kind(b), `node kind at ${at}`);
  if (a === null || a === undefined) return;
  const na = a as Node, nb = b as Node;
  assert.deepEqual(na.range, nb.range, `range at ${at}`);
  if (isScalar(na) && isScalar(nb)) {
    assert.ok(Object.is(na.value, nb.value), `value at ${at}: ${String(na.value)} (${typeof na.value}) vs ${String(nb.value)} (${typeof nb.value})`);
    assert.equal(na.type, nb.type, `scalar type at ${at}`);
    return;
  }
  if (isMap(na) && isMap(nb)) {
    assert.equal(!!na.flow, !!nb.flow, `flow at ${at}`);
    assert.equal(na.items.length, nb.items.length, `pair count at ${at}`);
    na.items.forEach((p, i) => {
      assert.ok(isPair(p) && isPair(nb.items[i]), `pair at ${at}/${i}`);
      sameNode(p.key, nb.items[i].key, `${at}/${i}:key`);
      sameNode(p.value, nb.items[i].value, `${at}/${i}:value`);
    });
    return;
  }
  if (isSeq(na) && isSeq(nb)) {
    assert.equal(!!na.flow, !!nb.flow, `flow at ${at}`);
    assert.equal(na.items.length, nb.items.length, `item count at ${at}`);
    na.items.forEach((item, i) => sameNode(item, nb.items[i], `${at}/${i}`));
  }
}
