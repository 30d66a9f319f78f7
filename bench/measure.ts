/**
 * The two batch measurements of the benchmark, each run in a fresh process:
 *
 *   parse  — the naive floor: list, read and parse every policy (unified + remark-parse + remark-frontmatter,
 *            and `yaml` for its front matter) and every controls file (`yaml` parseAllDocuments), on one thread;
 *   check  — the engine's full check: loadProject (with the worker-thread reader `soc2 check` uses) + allDiagnostics.
 *
 * bench/run.ts bundles this file with esbuild into .bench/bundle/measure.js, beside a bundled parse worker,
 * so the engine finds its worker script exactly as dist/cli.js does. Prints one JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseAllDocuments } from 'yaml';
import { loadProject, readAllInto } from '../server/src/engine/load';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { readAllParallel, workerCount } from '../server/src/node/parallel-read';
import { CHECKS } from '../server/src/checks';

export interface ParseResult { ms: number; cpuMs: number; remarkMs: number; yamlMs: number; readMs: number; markdownBytes: number; yamlBytes: number }
export interface CheckResult { ms: number; cpuMs: number; loadMs: number; workers: number; diagnostics: number; byFile: Record<string, Record<string, number>> }

/** CPU time (user + system, all threads) of this process, ms. */
export function cpuMs(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

function walk(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, out); else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

/** The naive floor: list, read and parse every policy and controls file once, on this one thread. */
export function parseOnly(dir: string): ParseResult {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const c0 = cpuMs();
  const t0 = performance.now();
  let remarkMs = 0, yamlMs = 0, readMs = 0, markdownBytes = 0, yamlBytes = 0, sink = 0;
  let t = performance.now();
  const policies = walk(path.join(dir, 'policies'), /\.md$/);
  const controls = walk(path.join(dir, 'controls'), /\.ya?ml$/);
  readMs += performance.now() - t;
  for (const file of policies) {
    t = performance.now();
    const text = readFileSync(file, 'utf8');
    const t1 = performance.now();
    readMs += t1 - t;
    markdownBytes += Buffer.byteLength(text);
    const tree = processor.parse(text);
    const t2 = performance.now();
    remarkMs += t2 - t1;
    const fm = tree.children[0];
    if (fm && fm.type === 'yaml') sink += parseAllDocuments(fm.value).length;
    yamlMs += performance.now() - t2;
  }
  for (const file of controls) {
    t = performance.now();
    const text = readFileSync(file, 'utf8');
    const t1 = performance.now();
    readMs += t1 - t;
    yamlBytes += Buffer.byteLength(text);
    sink += parseAllDocuments(text).length;
    yamlMs += performance.now() - t1;
  }
  if (sink < 0) console.log(sink);
  return { ms: performance.now() - t0, cpuMs: cpuMs() - c0, remarkMs, yamlMs, readMs, markdownBytes, yamlBytes };
}

/** loadProject + allDiagnostics on a fresh Project; `parallel` uses the worker-thread reader (when its script is found). */
export async function fullCheck(dir: string, today: string, parallel: boolean): Promise<CheckResult> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const { project } = await loadProject(new DiskWorkspace(dir, { oneShot: true }), { checks: CHECKS, today }, parallel ? readAllParallel : readAllInto);
  const t1 = performance.now();
  const diagnostics = project.allDiagnostics();
  const ms = performance.now() - t0, cpu = cpuMs() - c0;
  const byFile: Record<string, Record<string, number>> = {};
  for (const d of diagnostics) { const f = (byFile[d.file] ??= {}); f[d.code] = (f[d.code] ?? 0) + 1; }
  return { ms, cpuMs: cpu, loadMs: t1 - t0, workers: parallel ? workerCount() : 0, diagnostics: diagnostics.length, byFile };
}

async function main(): Promise<void> {
  const [mode, dir, today] = process.argv.slice(2);
  const out = mode === 'parse' ? parseOnly(dir) : await fullCheck(dir, today, true);
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (require.main === module) main().catch((err) => { console.error(err); process.exit(1); });
