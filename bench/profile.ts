/**
 * Profiles one full check of the benchmark repo with `node --cpu-prof` and summarises where the time
 * goes (self time by function and by library).
 *
 *   node --import tsx bench/profile.ts [--scale 1] [--top 25]
 *
 * The profile itself is written to .bench/profile/*.cpuprofile (open it in Chrome DevTools or VS Code).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { benchDir, ensureRepo } from './generate';
import { loadProject } from '../server/src/engine/load';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { CHECKS } from '../server/src/checks';

export interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const argv = process.argv.slice(2);
const value = (name: string, dflt: string) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt; };
const SCALE = Number(value('--scale', '1'));
const TOP = Number(value('--top', '25'));
const PROFILE_DIR = path.resolve(__dirname, '..', '.bench', 'profile');

/** For frames in an esbuild bundle (dist/*.js): the source file each line came from, from esbuild's `// path` comments. */
const bundleMaps = new Map<string, { line: number; source: string }[]>();
function bundleSource(url: string, line: number): string | undefined {
  if (!/\/dist\/[^/]+\.js$/.test(url)) return undefined;
  let map = bundleMaps.get(url);
  if (!map) {
    map = [];
    try {
      readFileSync(url.replace(/^file:\/\//, ''), 'utf8').split('\n').forEach((l, i) => {
        const m = /^\/\/ ((?:server|client|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(l);
        if (m) map!.push({ line: i, source: m[1] });
      });
    } catch { /* not readable */ }
    bundleMaps.set(url, map);
  }
  let lo = 0, hi = map.length - 1, found: string | undefined;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (map[mid].line <= line) { found = map[mid].source; lo = mid + 1; } else hi = mid - 1; }
  return found;
}

function shortUrl(url: string): string {
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  const m = /(?:^|\/)((?:server\/src|bench|dist)\/.*)$/.exec(u);
  return m ? m[1] : u;
}

/** Where a frame's code comes from, for the by-library summary. */
function area(rawUrl: string, fn: string, line: number): string {
  if (!rawUrl) return fn.startsWith('(') ? fn : '(native)';
  const url = bundleSource(rawUrl, line) ?? rawUrl;
  if (url.startsWith('node:')) return 'node internals';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const pkg = m[1];
    if (pkg.startsWith('micromark') || pkg.startsWith('mdast') || pkg.startsWith('remark') || pkg === 'unified' || pkg.startsWith('unist') || pkg === 'decode-named-character-reference') return `remark (${pkg})`;
    return pkg;
  }
  const s = /server\/src\/(.*)$/.exec(url);
  return s ? `engine: ${s[1]}` : url.replace(/^file:\/\//, '');
}

/**
 * Self time by library and by function, as Markdown tables. `window` (monotonic-clock microseconds, the
 * clock of `process.hrtime`) limits the summary to the samples taken in that interval.
 */
export function summarise(profile: CpuProfile, top: number, window?: [number, number]): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window[0] || at > window[1])) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const source = bundleSource(url, lineNumber);
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}${source ? ` (${source})` : ''}` : '';
    const key = `${functionName || '(anonymous)'}${where ? ` — ${where}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = area(url, functionName, lineNumber);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const rows = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, us]) => `| ${k.replace(/\|/g, '\\|')} | ${Math.round(us / 1000)} | ${((100 * us) / total).toFixed(1)} % |`).join('\n');
  return [
    `Total sampled: ${Math.round(total / 1000)} ms`, '',
    '| self time by library / engine file | ms | share |', '|---|---:|---:|', rows(areas, top), '',
    '| self time by function | ms | share |', '|---|---:|---:|', rows(fns, top),
  ].join('\n');
}

const monoUs = () => Number(process.hrtime.bigint() / 1000n);

async function child(): Promise<void> {
  const expected = ensureRepo(SCALE);
  const from = monoUs();
  const t0 = performance.now();
  const { project } = await loadProject(new DiskWorkspace(benchDir(SCALE)), { checks: CHECKS, today: expected.today });
  const n = project.allDiagnostics().length;
  console.log(`full check: ${Math.round(performance.now() - t0)} ms, ${n} diagnostics, on one thread (engine from sources)`);
  console.log(`WINDOW ${from} ${monoUs()}`);
}

/** The newest .cpuprofile written in `dir` since `sinceMs` (wall clock). */
export function newestProfile(dir: string, sinceMs: number): string | undefined {
  return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))
    .filter((f) => statSync(f).mtimeMs >= sinceMs - 1000).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export const PROFILES = PROFILE_DIR;

function parent(): void {
  ensureRepo(SCALE); // generate outside the profile
  mkdirSync(PROFILE_DIR, { recursive: true });
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--import', 'tsx', __filename, '--child', '--scale', String(SCALE)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const w = /^WINDOW (\d+) (\d+)$/m.exec(r.stdout);
  process.stdout.write(r.stdout.replace(/^WINDOW.*\n?/m, ''));
  const newest = newestProfile(PROFILE_DIR, started);
  if (!newest) throw new Error('no profile written');
  console.log(`profile: ${newest}\n`);
  console.log('Samples between the start of loadProject and the end of allDiagnostics (module loading excluded):\n');
  console.log(summarise(JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile, TOP, w ? [Number(w[1]), Number(w[2])] : undefined));
}

if (require.main === module) {
  if (argv.includes('--child')) void child(); else parent();
}
