import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { standaloneValidators } from '../scripts/schema-standalone';
import { validatorFor, type ValidatorKind } from '../server/src/engine/schema-validators';

/**
 * The bundles validate with ajv standalone code generated at build time; the sources compile the same
 * schemas at run time. Both must give the same verdict and the same errors on valid and broken documents.
 */
const ROOT = join(__dirname, '..');

function loadStandalone(): (kind: ValidatorKind) => ((data: unknown) => boolean) & { errors?: unknown } {
  const source = standaloneValidators(join(ROOT, 'server/src/engine/schema-formats.ts'));
  const out = buildSync({ stdin: { contents: source, resolveDir: join(ROOT, 'server/src/engine'), loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const mod = { exports: {} as { validatorFor: (k: ValidatorKind) => ((data: unknown) => boolean) & { errors?: unknown } } };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(join(ROOT, 'test/')));
  return mod.exports.validatorFor;
}

const SAMPLES: Record<ValidatorKind, unknown[]> = {
  framework: [
    { id: 'acme-q', name: 'Questionnaire', version: '1', requirements: [{ id: 'Q1', title: 'Encrypt data', group: 'Data' }] },
    { id: 'x', requirements: [{ title: 'no id' }], extra: true },
    { requirements: 'not a list' },
  ],
  controls: [
    { controls: [{ id: 'AC-01', title: 't', owner: 'a@b.c', frequency: 'quarterly', status: 'implemented', criteria: ['CC6.1'], last_reviewed: '2026-01-31' }] },
    { controls: [{ id: 'AC-01', frequncy: 'quarterly', last_reviewed: '2026-02-30', criteria: 'CC6.1', status: 'maybe' }] },
    { controls: [{ title: 'no id' }] },
    { controls: 'not a list' },
  ],
  policy: [
    { id: 'POL-1', title: 'Access', owner: 'x', last_reviewed: '2026-01-01', review_cycle: 'annual' },
    { id: 5, title: [], last_reviewed: 'yesterday', extra: true },
    {},
  ],
  config: [
    { version: 1, type: 2, period: { start: '2026-01-01', end: '2026-06-30' }, categories: ['security'] },
    { type: 3, period: { start: '2026-13-01' }, categories: ['nonsense'], unknown: 1 },
  ],
  vendors: [
    { vendors: [{ id: 'VND-1', name: 'Cloud' }] },
    { vendors: 'none' },
  ],
  description: [
    { id: 'SD-1' },
    { title: 5, unknown: true },
  ],
  people: [
    { people: [{ id: 'alice', name: 'Alice', email: 'alice@example.com' }] },
    { people: [{ id: 5, unknown: true }] },
    { people: 'nobody' },
  ],
  risks: [
    { risks: [{ id: 'R-1', title: 'x', likelihood: 'high', impact: 'low', treatment: 'mitigate', controls: ['AC-01'] }] },
    { risks: [{ id: 'R-1', likelihood: 9, treatment: 'ignore' }] },
  ],
};

test('standalone validators (bundles) and run-time compiled ones (sources) agree on every sample', () => {
  const standalone = loadStandalone();
  let compared = 0;
  for (const [kind, docs] of Object.entries(SAMPLES) as [ValidatorKind, unknown[]][]) {
    for (const doc of docs) {
      const a = standalone(kind), b = validatorFor(kind);
      assert.equal(a(doc), b(doc), `${kind}: ${JSON.stringify(doc)}`);
      assert.deepEqual(a.errors, b.errors, `${kind}: ${JSON.stringify(doc)}`);
      compared++;
    }
  }
  assert.equal(compared, 21);
  // At least one sample of each kind is invalid, so the comparison covers error objects too.
  for (const kind of Object.keys(SAMPLES) as ValidatorKind[]) assert.ok(SAMPLES[kind].some((d) => !validatorFor(kind)(d)), kind);
});

test('the built CLI and server carry precompiled validators and no schema compiler', () => {
  // The bundles are minified, so what went into each is read from its source map.
  for (const bundle of ['cli-main.js', 'server-main.js']) {
    const { sources } = JSON.parse(readFileSync(join(ROOT, 'dist', `${bundle}.map`), 'utf8')) as { sources: string[] };
    assert.ok(sources.includes('soc2-validators:server/src/engine/schema-validators.precompiled.js'), bundle);
    assert.ok(sources.some((s) => s.includes('node_modules/ajv/lib/runtime/')), `${bundle}: the validators' small runtime helpers`);
    assert.deepEqual(sources.filter((s) => /node_modules\/ajv\/(dist|lib)\/(compile|core|ajv)/.test(s)), [], `${bundle}: no schema compiler`);
  }
});
