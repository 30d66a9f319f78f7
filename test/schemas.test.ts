/**
 * The JSON Schemas in schemas/ (used by editors through yamlValidation and by the engine's `schema`
 * check) accept every good fixture and reject every bad one for the stated reason. Each bad fixture
 * starts with `# expect: <keyword> at <instance path>`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { schemaFor, type SchemaKind } from '../server/src/engine/schema';
import { parseIsoDate } from '../server/src/engine/dates';

const DIR = join(__dirname, 'fixtures', 'schemas');
const KINDS: Record<string, SchemaKind> = { controls: 'controls', policy: 'policy', config: 'config', framework: 'framework' };

// Strict mode on here (unlike the engine, which must never throw on a user's file): a schema typo fails the test.
function compile(kind: SchemaKind) {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => parseIsoDate(s) !== undefined });
  return ajv.compile(schemaFor(kind));
}

const files = (dir: string, kind: string) => readdirSync(join(DIR, dir, kind)).filter((f) => f.endsWith('.yaml')).sort();

for (const [dir, kind] of Object.entries(KINDS)) {
  const validate = compile(kind);

  test(`${kind} schema accepts the good fixtures`, () => {
    const good = files(dir, 'good');
    assert.ok(good.length >= 2);
    for (const f of good) {
      const ok = validate(parse(readFileSync(join(DIR, dir, 'good', f), 'utf8')));
      assert.equal(ok, true, `${dir}/good/${f}: ${JSON.stringify(validate.errors)}`);
    }
  });

  test(`${kind} schema rejects each bad fixture with the expected keyword at the expected path`, () => {
    const bad = files(dir, 'bad');
    assert.ok(bad.length >= 6);
    for (const f of bad) {
      const text = readFileSync(join(DIR, dir, 'bad', f), 'utf8');
      const m = /^# expect: (\w+) at (\S+)$/m.exec(text);
      assert.ok(m, `${f} has no # expect: line`);
      const [keyword, path] = [m[1], m[2] === '(root)' ? '' : m[2]];
      assert.equal(validate(parse(text)), false, `${dir}/bad/${f} was accepted`);
      const found = (validate.errors ?? []).map((e) => `${e.keyword} at ${e.instancePath || '(root)'}`);
      assert.ok(found.includes(`${keyword} at ${path || '(root)'}`), `${dir}/bad/${f}: expected ${keyword} at ${path || '(root)'}, got ${found.join('; ')}`);
    }
  });
}

test('the example repo soc2.yaml is a good config', () => {
  const validate = compile('config');
  assert.equal(validate(parse(readFileSync(join(__dirname, '..', 'examples', 'acme-saas', 'soc2.yaml'), 'utf8'))), true);
});

test('every field of every schema has a description', () => {
  const missing: string[] = [];
  let root: Record<string, unknown> = {};
  // A `$ref` field is described by its definition (draft-07 ignores text beside a `$ref`).
  const described = (v: Record<string, unknown>): boolean => {
    if (typeof v.description === 'string') return true;
    if (typeof v.$ref !== 'string' || !v.$ref.startsWith('#/')) return false;
    const target = v.$ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root);
    return !!target && typeof (target as Record<string, unknown>).description === 'string';
  };
  const walk = (node: unknown, where: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') {
      for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
        // A property that only narrows a field declared elsewhere (inside if/then/oneOf) needs no text of its own.
        if (!described(v) && !where.match(/\/(if|then|else|oneOf|anyOf)\b/)) missing.push(`${where}/${k}`);
        walk(v, `${where}/${k}`);
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'properties' && v && typeof v === 'object') walk(v, `${where}/${k}`);
  };
  for (const kind of Object.values(KINDS)) { root = schemaFor(kind) as Record<string, unknown>; walk(root, kind); }
  assert.deepEqual(missing, []);
});
