/**
 * `npm run fuzz [-- --inputs N --seed S --budget MS]`: the long mode of the fuzzer. Prints a progress
 * line every 5,000 inputs and a summary; failing inputs are written to .fuzz-failures/ to reproduce.
 * Exit code 1 when any input failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fuzz, REPO } from './fuzz-lib';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) { console.error(`--${name} must be a number`); process.exit(2); }
  return v;
}

const inputs = arg('inputs', 100_000);
const seed = arg('seed', 0x50c2);
const budgetMs = arg('budget', 2000);

void (async () => {
  console.log(`soc2 fuzz: ${inputs.toLocaleString('en-US')} inputs, seed ${seed}, ${budgetMs} ms per input`);
  const report = await fuzz({
    seed, inputs, budgetMs, freshEvery: 10, eventEvery: 20, progressEvery: 5000,
    onProgress: (done, r) => console.log(`  ${done.toLocaleString('en-US')} / ${inputs.toLocaleString('en-US')} inputs  ${(r.ms / 1000).toFixed(0)} s  ${r.failures.length} failures  slowest ${Math.round(r.slowestMs)} ms`),
  });
  const kinds: Record<string, number> = {};
  for (const f of report.failures) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  if (report.failures.length) {
    const dir = path.join(REPO, '.fuzz-failures');
    mkdirSync(dir, { recursive: true });
    for (const f of report.failures.slice(0, 200)) {
      writeFileSync(path.join(dir, `${f.input}-${f.mode}-${path.basename(f.file)}`), f.bytes);
      console.log(`FAIL #${f.input} ${f.kind} ${f.root}/${f.file} (${f.mode}, ${f.mutations.join('+')}): ${f.detail.split('\n').slice(0, 6).join('\n    ')}`);
    }
    console.log(`failing inputs written to ${path.relative(process.cwd(), dir) || dir}/`);
  }
  console.log(JSON.stringify({
    seed: report.seed, inputs: report.inputs, engineRuns: report.engineRuns, seconds: Math.round(report.ms / 100) / 10,
    corpusFiles: report.corpusFiles, failures: report.failures.length, byKind: kinds, slowestMs: Math.round(report.slowestMs), slowest: report.slowest, mutations: report.byMutation,
  }));
  process.exit(report.failures.length ? 1 : 0);
})();
