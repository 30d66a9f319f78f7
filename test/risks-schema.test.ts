import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { schemaFor } from '../server/src/engine/schema';
import { parseIsoDate } from '../server/src/engine/dates';

// Strict mode here (the engine compiles leniently so a user's file can never make it throw): a schema typo fails.
function compile() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => parseIsoDate(s) !== undefined });
  return ajv.compile(schemaFor('risks'));
}

test('risks schema accepts the example register, a single risk and a minimal one', () => {
  const validate = compile();
  const dir = join(__dirname, '..', 'examples', 'acme-saas', 'risks');
  for (const f of ['register.yaml', 'generative-ai-tools.yaml']) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, f), 'utf8'))) assert.equal(validate(doc.toJS()), true, `${f}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate(parse('id: R-1\nreview_cycle: 90\nx-ticket: RISK-1\n')), true, JSON.stringify(validate.errors));
});

test('risks schema rejects each malformed risk with the expected keyword at the expected path', () => {
  const validate = compile();
  const cases: [string, string, string][] = [
    ['title: no id\n', 'required', ''],
    ['id: " "\n', 'pattern', '/id'],
    ['id: R-1\nlikelihood: 0\n', 'minimum', '/likelihood'],
    ['id: R-1\nimpact: 6\n', 'maximum', '/impact'],
    ['id: R-1\nimpact: 2.5\n', 'type', '/impact'],
    ['id: R-1\ntreatment: ignore\n', 'enum', '/treatment'],
    ['id: R-1\ncontrols: AC-01\n', 'type', '/controls'],
    ['id: R-1\ncontrols: [AC-01, AC-01]\n', 'uniqueItems', '/controls'],
    ['id: R-1\nlast_reviewed: 2026-02-30\n', 'format', '/last_reviewed'],
    ['id: R-1\nreview_cycle: 0\n', 'minimum', '/review_cycle'],
    ['id: R-1\nowner_name: x\n', 'additionalProperties', ''],
    ['risks:\n  - id: R-1\nextra: 1\n', 'additionalProperties', ''],
    ['risks:\n  - title: no id\n', 'required', '/risks/0'],
  ];
  for (const [yaml, keyword, path] of cases) {
    assert.equal(validate(parse(yaml)), false, `accepted: ${yaml}`);
    const found = (validate.errors ?? []).map((e) => `${e.keyword} at ${e.instancePath}`);
    assert.ok(found.includes(`${keyword} at ${path}`), `${JSON.stringify(yaml)}: expected ${keyword} at ${path || '(root)'}, got ${found.join('; ')}`);
  }
});

test('every field of the risks schema has a description', () => {
  const root = schemaFor('risks') as Record<string, unknown>;
  const missing: string[] = [];
  const described = (v: Record<string, unknown>) => typeof v.description === 'string';
  const walk = (node: unknown, where: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') {
      for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
        if (!described(v)) missing.push(`${where}/${k}`);
        walk(v, `${where}/${k}`);
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'properties' && v && typeof v === 'object') walk(v, `${where}/${k}`);
  };
  walk(root, 'risks');
  assert.deepEqual(missing, []);
});
