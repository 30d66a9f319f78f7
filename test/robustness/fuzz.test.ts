/**
 * The fuzzer (fuzz-lib.ts) in its short, deterministic form: a fixed seed, a few thousand mutated
 * fixture files, each through both policy parse modes, twice. `npm run fuzz` runs the long mode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz, Rng, mutate, loadCorpus } from './fuzz-lib';

export const SEED = 0x50c2;
const INPUTS = Number(process.env.SOC2_FUZZ_INPUTS ?? 2000);

test('the mutator is deterministic for a seed', () => {
  const { sources } = loadCorpus();
  const run = (seed: number) => { const r = new Rng(seed); return Array.from({ length: 50 }, () => Buffer.from(mutate(r, sources[r.int(sources.length)], sources).bytes).toString('base64')); };
  assert.deepEqual(run(7), run(7));
  assert.notDeepEqual(run(7), run(8));
});

test(`fuzz: ${INPUTS} mutated fixture files, no exception, each in time, same input same diagnostics`, async (t) => {
  const report = await fuzz({ seed: SEED, inputs: INPUTS, budgetMs: 2000, freshEvery: 25, eventEvery: 50 });
  t.diagnostic(`seed ${SEED}: ${report.inputs} inputs, ${report.engineRuns} engine runs over ${report.corpusFiles} corpus files in ${Math.round(report.ms)} ms; slowest ${Math.round(report.slowestMs)} ms (${report.slowest})`);
  const failures = report.failures.map((f) => `#${f.input} ${f.kind} ${f.root}/${f.file} (${f.mode}, ${f.mutations.join('+')}): ${f.detail.split('\n').slice(0, 4).join(' | ')}`);
  assert.deepEqual(failures.slice(0, 10), [], `${report.failures.length} failures`);
  assert.equal(report.inputs, INPUTS);
});

test('fuzz: file and folder events (delete, rename, folder delete and rename, each undone) agree with a fresh load', async () => {
  const report = await fuzz({ seed: SEED + 1, inputs: 120, budgetMs: 2000, eventEvery: 3 });
  const events = Object.entries(report.byMutation).filter(([k]) => k.startsWith('event:'));
  assert.deepEqual(events.map(([k]) => k).sort(), ['event:delete', 'event:folder-delete', 'event:folder-rename', 'event:rename']);
  assert.equal(events.reduce((n, [, v]) => n + v, 0), 40);
  const failures = report.failures.map((f) => `#${f.input} ${f.kind} ${f.root} (${f.mode}): ${f.detail.split('\n').slice(0, 4).join(' | ')}`);
  assert.deepEqual(failures.slice(0, 10), [], `${report.failures.length} failures`);
});
