/**
 * The performance benchmark of issue 7 (see BENCHMARKS.md).
 *
 *   npm run bench                                   # build, then scale 1, 3 runs
 *   node --import tsx bench/run.ts [--scale 1] [--runs 3] [--curve] [--no-lsp] [--no-markdownlint] [--no-cli] [--server-prof]
 *
 * On the synthetic repo of bench/generate.ts (generated on first use into .bench/repo-<scale>/), each run
 * measures: the naive parse floor and the engine's full check, each in a fresh process (bench/measure.ts,
 * bundled like dist/cli.js so the engine's worker threads are used as shipped); the full check once more on
 * one thread in this process; the real language server over stdio (first diagnostics, index, peak RSS,
 * incremental edits); `soc2 check` as a child process; markdownlint-cli2 over the policies. Prints a table
 * of medians and one `BENCH_JSON {...}` line.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { buildSync } from 'esbuild';
import { benchDir, ensureRepo, type Expected } from './generate';
import { positionAt, TimingClient } from './lsp';
import { fullCheck, parseOnly, type CheckResult, type ParseResult } from './measure';
import { newestProfile, PROFILES, summarise, type CpuProfile } from './profile';
import { acmeVsNode, branchSwitch, cacheRuns, ONCE_TARGETS, packageSize, ROUND2_TARGETS, serverWarmStart } from './round2';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';

const REPO = path.resolve(__dirname, '..');
const SERVER = path.join(REPO, 'dist', 'server.js');
const CLI = path.join(REPO, 'dist', 'cli.js');
const MARKDOWNLINT = path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const MARKDOWNLINT_CONFIG = path.join(__dirname, '.markdownlint-cli2.jsonc');
const BUNDLE_DIR = path.join(REPO, '.bench', 'bundle');
const MEASURE = path.join(BUNDLE_DIR, 'measure.js');
const EDITS = 200;
const QUIET_MS = 30;
const DEBOUNCE_MS = 0;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// ---- arguments ----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string, dflt: string) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt; };
const RUNS = Math.max(1, Number(value('--runs', '3')));
const SCALE = Number(value('--scale', '1'));
const CURVE = flag('--curve');
const CURVE_SCALES = [0.1, 0.25, 0.5, 1];
const WITH_LSP = !flag('--no-lsp');
const WITH_MDL = !flag('--no-markdownlint');
const WITH_CLI = !flag('--no-cli');
/** Runs the server under --cpu-prof and prints where its time goes during the edits. */
const SERVER_PROF = flag('--server-prof');

// ---- measurements -------------------------------------------------------------------------------

/** Compares the engine's diagnostics with what the generator planted, file by file and code by code. */
function verify(got: Record<string, Record<string, number>>, expected: Expected): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  for (const file of new Set([...Object.keys(got), ...Object.keys(expected.byFile)])) {
    for (const code of new Set([...Object.keys(got[file] ?? {}), ...Object.keys(expected.byFile[file] ?? {})])) {
      const g = got[file]?.[code] ?? 0, e = expected.byFile[file]?.[code] ?? 0;
      if (g !== e) problems.push(`${file}: ${code} ${g} (planted ${e})`);
    }
  }
  return { ok: problems.length === 0, problems };
}

/** CPU time of this process's waited-for children (Linux /proc/self/stat cutime + cstime), ms; NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}
const CLK_TCK = (() => { try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { return 100; } })();

function timeChild(args: string[], cwd: string): Promise<{ ms: number; cpuMs: number; code: number | null; outBytes: number }> {
  return new Promise((resolve, reject) => {
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let outBytes = 0;
    child.stdout.on('data', (b: Buffer) => { outBytes += b.length; });
    child.stderr.on('data', (b: Buffer) => { outBytes += b.length; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, cpuMs: childrenCpuMs() - c0, code, outBytes }));
  });
}

/**
 * Bundles bench/measure.ts (and the engine's parse worker beside it, where the engine looks for it) with
 * esbuild, the way scripts/build.mjs bundles dist/cli.js, so the child measures the engine as shipped.
 */
function buildMeasureBundle(): void {
  const common = { bundle: true, platform: 'node' as const, target: 'node20', format: 'cjs' as const, logLevel: 'warning' as const, legalComments: 'none' as const };
  buildSync({ ...common, entryPoints: [path.join(__dirname, 'measure.ts')], outfile: MEASURE });
  const worker = path.join(REPO, 'server', 'src', 'node', 'parse-worker.ts');
  if (existsSync(worker)) buildSync({ ...common, entryPoints: [worker], outfile: path.join(BUNDLE_DIR, 'parse-worker.js') });
}

/** Runs one measurement in a fresh process and returns what it printed. */
async function measureInChild<T>(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [MEASURE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`measure ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString()}`);
  return JSON.parse(Buffer.concat(out).toString().trim().split('\n').pop()!) as T;
}

interface LspResult {
  initializeMs: number; firstDiagnosticsMs: number; indexCpuMs: number; indexMs: number; publishedAtIndex: number; peakRssMb: number; rssAfterEditsMb: number;
  incremental: number[]; summaryMs: number; timeouts: number;
  /** Edits that caused publishes beyond the control file and its policy (each extends that edit's latency). */
  extraPublishEdits: number;
}

/**
 * One language server session: initialize → initialized → didOpen (the open control file) at once,
 * the index, then EDITS didChange notifications on that file, alternating the target control's
 * frequency and first criterion, so its own diagnostics and its policy's frequency-mismatch change.
 * Latency of an edit: from sending didChange until the last publishDiagnostics it causes, i.e. until both
 * the control file and the policy have been re-published with the expected state, extended by any
 * further publish arriving within a quiet window of QUIET_MS after that.
 */
async function lspSession(dir: string, expected: Expected): Promise<LspResult> {
  const { bench } = expected;
  if (SERVER_PROF) mkdirSync(PROFILES, { recursive: true });
  const profStarted = Date.now();
  const client = TimingClient.spawn(SERVER, SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', PROFILES] : []);
  const monoUs = () => Number(process.hrtime.bigint() / 1000n);
  let editWindow: [number, number] | undefined;
  try {
    const t0 = performance.now();
    await client.initialize(dir, { today: expected.today, debounceMs: DEBOUNCE_MS });
    const initializeMs = performance.now() - t0;
    client.initialized();
    const tInit = performance.now();
    const open = client.open(path.join(dir, bench.openFile));
    const policyUri = new URL(bench.policyFile, `${new URL(open.uri).href.slice(0, -bench.openFile.length)}`).href;
    await client.until(() => client.publishes.some((p) => p.uri === open.uri), 120_000, 'first diagnostics of the opened file');
    const firstDiagnosticsMs = client.publishes.find((p) => p.uri === open.uri)!.at - t0;
    await client.until(() => client.indexEndAt !== undefined, 600_000, 'the end of indexing');
    const indexMs = client.indexEndAt! - tInit;
    const publishedAtIndex = client.publishes.length;
    const peakRssMb = (client.memory().peakKb ?? 0) / 1024;
    const indexCpuMs = client.cpuMs();

    // The readiness summary the extension asks for after changes (status bar, tree view, webview).
    const ts = performance.now();
    await client.request('soc2/summary', {});
    const summaryMs = performance.now() - ts;

    let text = open.text;
    const block = text.indexOf(`  - id: ${bench.controlId}\n`);
    if (block < 0) throw new Error(`control ${bench.controlId} not found in ${bench.openFile}`);
    const incremental: number[] = [];
    let timeouts = 0, extraPublishEdits = 0;
    const editsFrom = monoUs();
    const message = (d: LspDiagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
    const hasMismatch = (d: LspDiagnostic[]) => d.some((x) => x.code === 'frequency-mismatch' && message(x).includes(`${bench.controlId} `));
    const hasAltCriterion = (d: LspDiagnostic[]) => d.some((x) => x.code === 'unknown-criterion' && message(x).startsWith(`${bench.altCriterion} `));
    for (let i = 1; i <= EDITS; i++) {
      const alt = i % 2 === 1;
      const changes = [] as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[];
      const replace = (key: string, from: string, to: string) => {
        const at = text.indexOf(`    ${key}: ${key === 'criteria' ? '[' : ''}${from}`, block);
        if (at < 0) throw new Error(`${key}: ${from} not found after ${bench.controlId}`);
        const s = at + `    ${key}: ${key === 'criteria' ? '[' : ''}`.length;
        changes.push({ range: { start: positionAt(text, s), end: positionAt(text, s + from.length) }, text: to });
        text = text.slice(0, s) + to + text.slice(s + from.length);
      };
      replace('frequency', alt ? bench.frequency : bench.altFrequency, alt ? bench.altFrequency : bench.frequency);
      replace('criteria', alt ? bench.criterion : bench.altCriterion, alt ? bench.altCriterion : bench.criterion);
      const from = client.publishes.length;
      const sent = performance.now();
      client.change(open.uri, changes);
      const since = () => client.publishes.slice(from);
      const done = () => {
        const p = since();
        const ctl = p.filter((x) => x.uri === open.uri).pop();
        const pol = p.filter((x) => x.uri === policyUri).pop();
        return !!ctl && !!pol && hasAltCriterion(ctl.diagnostics) === alt && hasMismatch(pol.diagnostics) === alt;
      };
      try {
        await client.until(done, 30_000, `edit ${i}`);
      } catch {
        timeouts++;
      }
      // Quiet window: anything else this edit publishes arrives here and extends its latency.
      for (;;) {
        const n = client.publishes.length;
        await new Promise((r) => setTimeout(r, QUIET_MS));
        if (client.publishes.length === n) break;
      }
      const caused = since();
      if (caused.length > 2) extraPublishEdits++;
      const last = caused.pop();
      if (last) incremental.push(last.at - sent);
    }
    editWindow = [editsFrom, monoUs()];
    const rssAfterEditsMb = (client.memory().rssKb ?? 0) / 1024;
    return { initializeMs, firstDiagnosticsMs, indexCpuMs, indexMs, publishedAtIndex, peakRssMb, rssAfterEditsMb, incremental, summaryMs, timeouts, extraPublishEdits };
  } finally {
    await client.stop();
    if (SERVER_PROF && editWindow) {
      const file = newestProfile(PROFILES, profStarted);
      if (file) log(`\nserver profile ${file}, during the ${EDITS} edits only:\n${summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, 20, editWindow)}\n`);
    }
  }
}

let warmedUp = false;
/** One untimed pass over the 1/20 repo, so the first in-process measurement does not pay for JIT warm-up alone. */
async function warmUp(): Promise<void> {
  if (warmedUp) return;
  warmedUp = true;
  const e = ensureRepo(0.05);
  parseOnly(benchDir(0.05));
  await fullCheck(benchDir(0.05), e.today, false);
}

/**
 * Reads every file of the repo once, untimed, so the OS cache is warm for the first run as for the others (the
 * first run of a scale otherwise read its files from disk: 108 ms of reading against 12 ms in the third run).
 */
function warmFileCache(dir: string): void {
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (e.isFile()) readFileSync(p);
    }
  };
  walk(dir);
}

// ---- statistics and reporting -------------------------------------------------------------------

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const median = (xs: number[]) => percentile(xs, 50);
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

interface ScaleResult {
  scale: number;
  repo: Expected['files'];
  correctness: { ok: boolean; problems: string[]; diagnostics: number; planted: number };
  series: Record<string, number[]>;
  medians: Record<string, number>;
  ratios: Record<string, number>;
}

interface ScaleState { scale: number; expected: Expected; dir: string; series: Record<string, number[]>; correctness?: ScaleResult['correctness'] }

/** Makes sure the repo of a scale exists (generating it on first use) and says what it holds. */
async function prepareScale(scale: number): Promise<ScaleState> {
  const tg = performance.now();
  const expected = ensureRepo(scale);
  const dir = benchDir(scale);
  const { files } = expected;
  log(`== scale ${scale}: ${files.policies} policies (${mb(files.markdownBytes)}), ${files.controls} controls in ${files.controlFiles} files (${mb(files.yamlBytes)}), ${files.evidence} evidence files (${files.evidenceReferenced} under control evidence paths); repo ready in ${Math.round(performance.now() - tg)} ms (${dir})`);
  await warmUp();
  warmFileCache(dir);
  return { scale, expected, dir, series: {} };
}

/**
 * A pause before each batch measurement: a child that used a gigabyte (the naive parse) is still being torn down
 * by the kernel for a while after it exits, on the other core, and the next child measured right away paid for
 * it (the first full check after the parse ran 100–300 ms slower than the same check measured next).
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 750));

/** One run of every measurement on one scale. */
async function runOnce(st: ScaleState, label: string): Promise<void> {
  const { dir, expected } = st;
  const add = (k: string, v: number) => { (st.series[k] ??= []).push(v); };
  await settle();
  const p = await measureInChild<ParseResult>(['parse', dir]);
  add('parse_only_ms', p.ms); add('parse_only_cpu_ms', p.cpuMs); add('parse_remark_ms', p.remarkMs); add('parse_yaml_ms', p.yamlMs); add('parse_read_ms', p.readMs);
  await settle();
  const f = await measureInChild<CheckResult>(['check', dir, expected.today]);
  add('full_check_ms', f.ms); add('full_check_cpu_ms', f.cpuMs); add('full_check_load_ms', f.loadMs);
  if (!st.correctness) {
    const v = verify(f.byFile, expected);
    st.correctness = { ...v, diagnostics: f.diagnostics, planted: Object.values(expected.counts).reduce((a, b) => a + b, 0) };
  }
  await settle();
  const f0 = await measureInChild<CheckResult>(['check', dir, expected.today], { ...process.env, SOC2_WORKERS: '0' });
  add('full_check_noworkers_ms', f0.ms); add('full_check_noworkers_cpu_ms', f0.cpuMs);
  gc();
  const one = await fullCheck(dir, expected.today, false);
  add('full_check_1thread_ms', one.ms); add('full_check_1thread_cpu_ms', one.cpuMs);
  gc();
  let line = `${label}: parse_only ${ms(p.ms)} (remark ${ms(p.remarkMs)}, yaml ${ms(p.yamlMs)}, read ${ms(p.readMs)}) · full_check ${ms(f.ms)} with ${f.workers} workers (load ${ms(f.loadMs)}), ${ms(f0.ms)} without · warm, one thread ${ms(one.ms)}`;
  if (WITH_CLI) {
    const c = await timeChild([CLI, 'check', dir, '--today', expected.today], REPO);
    add('cli_check_ms', c.ms); add('cli_check_cpu_ms', c.cpuMs);
    line += ` · soc2 check ${ms(c.ms)} (exit ${c.code})`;
    const cache = await cacheRuns(dir, expected.today);
    for (const [k, v] of Object.entries(cache)) add(k, v);
    line += ` · --cache cold ${ms(cache.cli_cache_cold_ms)}, warm ${ms(cache.cli_cache_warm_ms)}, one changed ${ms(cache.cli_cache_one_changed_ms)} (no cache ${ms(cache.cli_nocache_ms)})`;
  }
  if (WITH_LSP) {
    rmSync(path.join(dir, '.soc2'), { recursive: true, force: true }); // first diagnostics with the cache cold
    const l = await lspSession(dir, expected);
    const warm = await serverWarmStart(dir, expected.today); // the cache the session above wrote
    for (const [k, v] of Object.entries(warm)) add(k, v);
    add('initialize_ms', l.initializeMs); add('first_diagnostics_ms', l.firstDiagnosticsMs); add('lsp_index_ms', l.indexMs); add('lsp_index_cpu_ms', l.indexCpuMs); add('server_peak_rss_mb', l.peakRssMb);
    add('server_rss_after_edits_mb', l.rssAfterEditsMb); add('summary_request_ms', l.summaryMs);
    add('incremental_p50_ms', percentile(l.incremental, 50)); add('incremental_p95_ms', percentile(l.incremental, 95));
    add('incremental_max_ms', Math.max(...l.incremental)); add('incremental_timeouts', l.timeouts); add('incremental_extra_publish_edits', l.extraPublishEdits);
    line += ` · lsp: first ${ms(l.firstDiagnosticsMs)}, index ${ms(l.indexMs)} (${l.publishedAtIndex} publishes), peak RSS ${Math.round(l.peakRssMb)} MB, summary ${ms(l.summaryMs)}, incremental p50 ${ms(percentile(l.incremental, 50))} p95 ${ms(percentile(l.incremental, 95))}${l.timeouts ? ` (${l.timeouts} timeouts)` : ''}${l.extraPublishEdits ? ` (${l.extraPublishEdits} edits published more than 2 files)` : ''}`;
  }
  if (WITH_MDL) {
    const m = await timeChild([MARKDOWNLINT, '--config', MARKDOWNLINT_CONFIG, 'policies/**/*.md'], dir);
    add('markdownlint_ms', m.ms); add('markdownlint_cpu_ms', m.cpuMs);
    line += ` · markdownlint-cli2 ${ms(m.ms)} (exit ${m.code})`;
  }
  log(`${line} · load ${r1(os.loadavg()[0])}`);
}

function finishScale(st: ScaleState): ScaleResult {
  const medians: Record<string, number> = {};
  for (const [k, v] of Object.entries(st.series)) medians[k] = r1(median(v));
  const ratios: Record<string, number> = {
    full_check_over_parse_only: r3(medians.full_check_ms / medians.parse_only_ms),
    full_check_over_parse_only_cpu: r3(medians.full_check_cpu_ms / medians.parse_only_cpu_ms),
    full_check_noworkers_over_parse_only: r3(medians.full_check_noworkers_ms / medians.parse_only_ms),
    full_check_1thread_over_parse_only: r3(medians.full_check_1thread_ms / medians.parse_only_ms),
  };
  if (WITH_LSP) ratios.incremental_p95_over_full_check = r3(medians.incremental_p95_ms / medians.full_check_ms);
  if (WITH_MDL) ratios.full_check_over_markdownlint = r3(medians.full_check_ms / medians.markdownlint_ms);
  if (WITH_MDL) ratios.full_check_over_markdownlint_cpu = r3(medians.full_check_cpu_ms / medians.markdownlint_cpu_ms);
  const series = Object.fromEntries(Object.entries(st.series).map(([k, v]) => [k, v.map(r1)]));
  return { scale: st.scale, repo: st.expected.files, correctness: st.correctness!, series, medians, ratios };
}

const TARGETS: { key: string; label: string; ok: (r: ScaleResult) => boolean | undefined; show: (r: ScaleResult) => string }[] = [
  { key: 'full_check/parse_only<=1.0', label: 'full_check_ms / parse_only_ms <= 1.0', ok: (r) => r.ratios.full_check_over_parse_only <= 1, show: (r) => `${r.ratios.full_check_over_parse_only}` },
  { key: 'incremental_p95<=25ms', label: 'incremental p95 <= 25 ms', ok: (r) => (WITH_LSP ? r.medians.incremental_p95_ms <= 25 : undefined), show: (r) => `${r.medians.incremental_p95_ms} ms` },
  { key: 'incremental_p95/full_check<=2%', label: 'incremental p95 <= 2% of full_check_ms', ok: (r) => (WITH_LSP ? r.ratios.incremental_p95_over_full_check <= 0.02 : undefined), show: (r) => `${r1(100 * r.ratios.incremental_p95_over_full_check)} %` },
  { key: 'first_diagnostics<=300ms', label: 'first diagnostics of an opened file <= 300 ms', ok: (r) => (WITH_LSP ? r.medians.first_diagnostics_ms <= 300 : undefined), show: (r) => `${r.medians.first_diagnostics_ms} ms` },
  { key: 'server_rss<=300MB', label: 'server peak RSS <= 300 MB', ok: (r) => (WITH_LSP ? r.medians.server_peak_rss_mb <= 300 : undefined), show: (r) => `${r.medians.server_peak_rss_mb} MB` },
  { key: 'full_check/markdownlint<=0.5', label: 'full_check_ms <= 0.5 x markdownlint-cli2', ok: (r) => (WITH_MDL ? r.ratios.full_check_over_markdownlint <= 0.5 : undefined), show: (r) => `${r.ratios.full_check_over_markdownlint}` },
];

const ROWS: [string, string][] = [
  ['parse_only_ms', 'parse only (remark + yaml, one thread, fresh process)'],
  ['parse_only_cpu_ms', '  CPU time'],
  ['parse_remark_ms', '  of which remark-parse'],
  ['parse_yaml_ms', '  of which yaml'],
  ['parse_read_ms', '  of which listing + reading'],
  ['full_check_ms', 'full check (loadProject + allDiagnostics), fresh process, worker threads as shipped'],
  ['full_check_cpu_ms', '  CPU time (all threads)'],
  ['full_check_load_ms', '  of which loadProject'],
  ['full_check_noworkers_ms', 'full check, fresh process, SOC2_WORKERS=0 (one thread)'],
  ['full_check_noworkers_cpu_ms', '  CPU time'],
  ['full_check_1thread_ms', 'full check on one thread (no workers, warm, in the bench process)'],
  ['full_check_1thread_cpu_ms', '  CPU time'],
  ['cli_check_ms', 'soc2 check as a child process (wall)'],
  ['cli_check_cpu_ms', '  CPU time'],
  ['initialize_ms', 'LSP initialize round trip (includes server start-up)'],
  ['first_diagnostics_ms', 'LSP first diagnostics of an opened file (from initialize)'],
  ['lsp_index_ms', 'LSP full index (initialized → progress end)'],
  ['lsp_index_cpu_ms', '  server CPU time from start to the end of the index'],
  ['server_peak_rss_mb', 'LSP server peak RSS (VmHWM), MB'],
  ['server_rss_after_edits_mb', 'LSP server RSS after the edits, MB'],
  ['summary_request_ms', 'LSP soc2/summary request'],
  ['incremental_p50_ms', `LSP incremental edit p50 (${EDITS} edits)`],
  ['incremental_p95_ms', `LSP incremental edit p95 (${EDITS} edits)`],
  ['incremental_max_ms', 'LSP incremental edit max'],
  ['cli_nocache_ms', 'soc2 check, no cache (wall; the cold run the cache ratios use)'],
  ['cli_nocache_cpu_ms', '  CPU time'],
  ['cli_cache_cold_ms', 'soc2 check --cache, cache cold (parses all, writes the cache)'],
  ['cli_cache_warm_ms', 'soc2 check --cache, warm, nothing changed'],
  ['cli_cache_warm_cpu_ms', '  CPU time'],
  ['cli_cache_one_changed_ms', 'soc2 check --cache, warm, one control file changed'],
  ['cli_cache_one_changed_cpu_ms', '  CPU time'],
  ['server_warm_index_ms', 'LSP server started on a warm cache: initialize → index end'],
  ['server_warm_peak_rss_mb', 'LSP server peak RSS with the cache loaded, MB'],
  ['markdownlint_ms', 'markdownlint-cli2 over the policies (wall)'],
  ['markdownlint_cpu_ms', '  CPU time'],
];

function printScale(r: ScaleResult): void {
  log(`\nMedians of ${RUNS} run(s), scale ${r.scale} (${r.repo.policies} policies, ${r.repo.controls} controls, ${r.repo.evidence} evidence files):`);
  log(`| figure | median | runs |\n|---|---:|---|`);
  for (const [k, label] of ROWS) if (r.medians[k] !== undefined) log(`| ${label} | ${r.medians[k]} | ${r.series[k].join(', ')} |`);
  log(`\n| ratio | value |\n|---|---:|`);
  for (const [k, v] of Object.entries(r.ratios)) log(`| ${k} | ${v} |`);
  log(`\n| target | figure | met? |\n|---|---:|---|`);
  for (const t of TARGETS) { const ok = t.ok(r); if (ok !== undefined) log(`| ${t.label} | ${t.show(r)} | ${ok ? 'met' : 'MISSED'} |`); }
  for (const t of ROUND2_TARGETS) { const ok = t.ok(r.medians); if (ok !== undefined) log(`| ${t.label} | ${t.show(r.medians)} | ${ok ? 'met' : 'MISSED'} |`); }
  log(`\ncorrectness: ${r.correctness.ok ? `the engine reports exactly the ${r.correctness.planted} planted diagnostics` : `${r.correctness.problems.length} differences from the planted diagnostics, e.g. ${r.correctness.problems.slice(0, 5).join('; ')}`} (${r.correctness.diagnostics} diagnostics in all)`);
}

function printCurve(results: ScaleResult[]): void {
  const base = results[0];
  const keys = ['parse_only_ms', 'parse_only_cpu_ms', 'full_check_ms', 'full_check_cpu_ms', 'full_check_noworkers_ms', 'full_check_1thread_ms', 'cli_check_ms', 'lsp_index_ms', 'lsp_index_cpu_ms',
    'first_diagnostics_ms', 'incremental_p50_ms', 'incremental_p95_ms', 'server_peak_rss_mb', 'markdownlint_ms', 'markdownlint_cpu_ms'].filter((k) => base.medians[k] !== undefined);
  log(`\nCost curve (medians; × = relative to scale ${base.scale}):`);
  log(`| figure | ${results.map((r) => `scale ${r.scale}`).join(' | ')} |\n|---|${results.map(() => '---:').join('|')}|`);
  for (const k of keys) log(`| ${k} | ${results.map((r) => `${r.medians[k]} (×${r1(r.medians[k] / base.medians[k])})`).join(' | ')} |`);
  log(`| full_check/parse_only | ${results.map((r) => r.ratios.full_check_over_parse_only).join(' | ')} |`);
}

function machine(): Record<string, unknown> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim();
    if (dirty) commit += '+dirty';
  } catch { /* not a git checkout */ }
  return {
    commit, node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, availableParallelism: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: r1(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map(r1), debounceMs: DEBOUNCE_MS, edits: EDITS, quietMs: QUIET_MS,
  };
}

function ms(x: number): string { return `${Math.round(x)} ms`; }
function mb(bytes: number): string { return `${(bytes / 1e6).toFixed(1)} MB`; }
function log(s: string): void { process.stdout.write(s + '\n'); }

async function main(): Promise<void> {
  if ((WITH_LSP && !existsSync(SERVER)) || (WITH_CLI && !existsSync(CLI))) {
    console.error('bench: dist/server.js or dist/cli.js is missing; run `npm run build` first (npm run bench does).');
    process.exit(2);
  }
  buildMeasureBundle();
  const m = machine();
  log(`soc2 benchmark · commit ${m.commit} · node ${m.node} · ${m.cpus} CPUs (${m.cpuModel}) · ${m.memoryGb} GB · load average ${os.loadavg().map(r1).join(' ')} · debounceMs ${DEBOUNCE_MS}`);
  const t0 = performance.now();
  if (CURVE) {
    // Runs outer, scales inner: a change in the machine's load then touches every scale alike.
    const states: ScaleState[] = [];
    for (const s of CURVE_SCALES) states.push(await prepareScale(s));
    for (let run = 1; run <= RUNS; run++) for (const st of states) await runOnce(st, `run ${run}/${RUNS}, scale ${st.scale}`);
    const results = states.map(finishScale);
    for (const r of results) printScale(r);
    printCurve(results);
    log(`\ntotal ${Math.round((performance.now() - t0) / 1000)} s · load average at the end ${os.loadavg().map(r1).join(' ')}`);
    log(`BENCH_JSON ${JSON.stringify({ machine: { ...m, loadAverageAtEnd: os.loadavg().map(r1) }, runs: RUNS, curve: results })}`);
  } else {
    const st = await prepareScale(SCALE);
    for (let run = 1; run <= RUNS; run++) await runOnce(st, `run ${run}/${RUNS}`);
    const r = finishScale(st);
    printScale(r);
    // Once per bench: a typical repo against node -e, the package, a branch switch at scale 0.25.
    const once: Record<string, number> = { ...await acmeVsNode(st.expected.today), ...packageSize() };
    if (WITH_LSP) Object.assign(once, await branchSwitch(0.25, 500, st.expected.today));
    log(`\n| measured once | value |\n|---|---:|`);
    for (const [k, v] of Object.entries(once)) log(`| ${k} | ${r1(v)} |`);
    log(`\n| target | figure | met? |\n|---|---:|---|`);
    for (const t of ONCE_TARGETS) { const ok = t.ok(once); if (ok !== undefined) log(`| ${t.label} | ${t.show(once)} | ${ok ? 'met' : 'MISSED'} |`); }
    const targets = Object.fromEntries([...TARGETS.map((t) => [t.key, t.ok(r)]), ...ROUND2_TARGETS.map((t) => [t.key, t.ok(r.medians)]), ...ONCE_TARGETS.map((t) => [t.key, t.ok(once)])].filter(([, ok]) => ok !== undefined));
    log(`\ntotal ${Math.round((performance.now() - t0) / 1000)} s · load average at the end ${os.loadavg().map(r1).join(' ')}`);
    log(`BENCH_JSON ${JSON.stringify({ machine: { ...m, loadAverageAtEnd: os.loadavg().map(r1) }, runs: RUNS, ...r, once, targets })}`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
