/**
 * Times reading the benchmark repo's YAML (every controls file and policy front matter) through YamlSource,
 * with the library alone and with the fast path (server/src/engine/yaml-fast.ts); median of three runs each.
 *
 *   node --import tsx bench/yaml-parse.ts [--scale 1]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { benchDir, ensureRepo } from './generate';
import { YamlSource } from '../server/src/engine/yaml-source';
import { fastPath } from '../server/src/engine/yaml-fast';
import { LineIndex } from '../server/src/engine/text';
import { findFrontMatter } from '../server/src/engine/markdown-blocks';

const argv = process.argv.slice(2);
const i = argv.indexOf('--scale');
const SCALE = Number(i >= 0 ? argv[i + 1] : '1');
ensureRepo(SCALE);
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => { const p = path.join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
const texts: string[] = [];
for (const f of walk(benchDir(SCALE))) {
  const t = readFileSync(f, 'utf8');
  if (/\.ya?ml$/.test(f)) texts.push(t);
  else if (f.endsWith('.md')) { const fm = findFrontMatter(t); if (fm) texts.push(t.slice(fm.contentStart, fm.contentEnd)); }
}

function run(enabled: boolean): number {
  fastPath.enabled = enabled;
  const t0 = performance.now();
  for (const t of texts) { const src = new YamlSource(t, new LineIndex(t)); for (const d of src.docs) src.toData(d); }
  return performance.now() - t0;
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[1];
const lib: number[] = [], fast: number[] = [];
const read = fastPath.read;
for (let k = 0; k < 3; k++) { lib.push(run(false)); fast.push(run(true)); }
const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
console.log(`${texts.length} YAML texts, ${mb.toFixed(2)} MB; fast path took ${(fastPath.read - read) / 3} of them`);
console.log(`library only: ${median(lib).toFixed(0)} ms  (${lib.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`fast path:    ${median(fast).toFixed(0)} ms  (${fast.map((x) => x.toFixed(0)).join(', ')})  ${(median(lib) / median(fast)).toFixed(1)}x`);
