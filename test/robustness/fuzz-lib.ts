/**
 * A deterministic mutation fuzzer for the engine. It takes the repo's own fixtures (test/fixtures/**,
 * examples/acme-saas), mutates one file at a time (bit flips, truncations, splices of other files,
 * YAML and Markdown fragments, line shuffles, pathological repetitions) and feeds it to a live index
 * of its compliance root, the way the CLI reads a file (bytes through `readInto`) and the way the
 * editor gives an open document (text, policies parsed by remark). Every input is checked for:
 * - no exception, and no exception swallowed into a diagnostic (`internal-error`, "could not be read: ...");
 * - a bound on the CPU time of each input (parse and every check it triggers);
 * - well-formed diagnostics (ranges inside the file, a known severity, a message);
 * - determinism: the same input applied twice gives deep-equal diagnostics;
 * - every `freshEvery` inputs, the incremental index agrees with a fresh load of the same files;
 * - every `eventEvery` inputs, a file event (delete, rename, a whole folder deleted or renamed, then undone) leaves
 *   the index agreeing with a fresh load of the files as they then are.
 * Used by test/robustness/fuzz.test.ts (a few thousand inputs) and `npm run fuzz` (long mode).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadProject, readInto } from '../../server/src/engine/load';
import type { Project } from '../../server/src/engine/project';
import { decodeText } from '../../server/src/engine/text';
import { MemoryWorkspace, type Workspace } from '../../server/src/engine/workspace';
import type { Diagnostic } from '../../server/src/engine/model';
import { CHECKS } from '../../server/src/checks';

export const REPO = path.resolve(__dirname, '..', '..');
const TODAY = '2026-07-15';

/** mulberry32: small, fast, and the same sequence for a seed on every platform. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]; }
}

interface Root { name: string; files: Map<string, Uint8Array>; project?: Project; roles?: string; /** The file of the index that holds a mutation, if any. */ mutated?: string }
interface Target { root: Root; path: string }
export interface Corpus { roots: Root[]; targets: Target[]; sources: Uint8Array[] }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every compliance root among the fixtures and the example, plus the schema fixtures placed into the basic root. */
export function loadCorpus(): Corpus {
  const dirs = [...readdirSync(path.join(REPO, 'test', 'fixtures')).map((d) => path.join(REPO, 'test', 'fixtures', d)), path.join(REPO, 'examples', 'acme-saas')];
  const roots: Root[] = [];
  for (const dir of dirs.filter((d) => statSync(d).isDirectory()).sort()) {
    let files: string[];
    try { files = walk(dir); } catch { continue; }
    if (!files.includes(path.join(dir, 'soc2.yaml'))) continue;
    roots.push({ name: path.relative(REPO, dir), files: new Map(files.sort().map((f) => [path.relative(dir, f).split(path.sep).join('/'), new Uint8Array(readFileSync(f))])) });
  }
  const targets: Target[] = [];
  for (const root of roots) for (const p of root.files.keys()) if (/\.(md|ya?ml)$/.test(p) && !p.startsWith('evidence/')) targets.push({ root, path: p });
  const basic = roots.find((r) => r.name.endsWith('basic')) ?? roots[0];
  const schemas = path.join(REPO, 'test', 'fixtures', 'schemas');
  let extra: string[] = [];
  try { extra = walk(schemas).sort(); } catch { /* not there */ }
  for (const f of extra) {
    const kind = path.relative(schemas, f).split(path.sep)[0];
    const text = readFileSync(f, 'utf8');
    const where = kind === 'config' ? 'soc2.yaml' : kind === 'policy' ? 'policies/fuzz-schema.md' : 'controls/fuzz-schema.yaml';
    const clone: Root = { name: `${basic.name}+${path.relative(REPO, f)}`, files: new Map(basic.files) };
    clone.files.set(where, new TextEncoder().encode(kind === 'policy' ? `---\n${text}---\n\n# Policy\n` : text));
    roots.push(clone);
    targets.push({ root: clone, path: where });
  }
  const sources = targets.map((t) => t.root.files.get(t.path)!);
  return { roots, targets, sources };
}

// ---- mutations ----------------------------------------------------------------------------------

const FRAGMENTS = [
  '---\n', '...\n', '- ', '  - ', '[', ']', '{', '}', ': ', ':', ',', '&a ', '*a', '<<: *a\n', '!!binary ', '!custom ', '? ', '|\n', '>-\n',
  '\t', '#', "'", '"', '%YAML 1.2\n', '\\', 'id: ', 'id: AC-01\n', 'criteria: [CC6.1\n', 'controls:\n  - id: X-01\n', 'policies: [POL-AC]\n',
  'owner: \n', 'frequency: weekly\n', 'last_reviewed: 2026-02-30\n', 'review_cycle: 0\n', 'status: implemented\n', 'evidence:\n  - path: ../../etc\n',
  '__proto__: ', 'constructor: ', 'CC6.1', 'cc 6.1', 'PP1.1', '6.1', 'A1.9', '\r', '\r\n', '\n', '\u0000', '\ufeff', '\ud800', '\u2028', '\u00a0',
  '# ', '## Scope\n', '> ', '* ', '1. ', '```\n', '~~~', '    ', '[x](', '](#AC-01)', '[AC-01]: #x\n', '<div>', '<!--', '-->', '**', '_', '|---|\n',
  '<script>alert(1)</script>', 'AC-01', 'POL-AC', ' reviewed quarterly ', ' every six months ', ' annually. ', ' upon termination ', 'e.g. ', '\\*',
];

const REPEATABLE = ['[', '{a: ', '- ', '? ', '>', '* ', '1. ', '*a ', '[', '![', '<div>', '`', '&a [*a,*a] ', '  ', '\n', 'x'];

export type Mutation = 'flip' | 'truncate' | 'splice' | 'fragment' | 'lines' | 'repeat' | 'crlf';
const MUTATIONS: readonly Mutation[] = ['flip', 'truncate', 'splice', 'fragment', 'fragment', 'lines', 'repeat', 'crlf'];

const enc = new TextEncoder();
const join = (...parts: Uint8Array[]) => { const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0)); let o = 0; for (const p of parts) { out.set(p, o); o += p.length; } return out; };

export function mutate(rng: Rng, input: Uint8Array, sources: readonly Uint8Array[]): { bytes: Uint8Array; applied: Mutation[] } {
  let b = input;
  const applied: Mutation[] = [];
  const count = 1 + rng.int(4);
  for (let i = 0; i < count; i++) {
    const m = rng.pick(MUTATIONS);
    applied.push(m);
    const at = rng.int(b.length + 1);
    switch (m) {
      case 'flip': {
        b = b.slice();
        for (let n = 1 + rng.int(8); n > 0 && b.length; n--) b[rng.int(b.length)] ^= 1 << rng.int(8);
        break;
      }
      case 'truncate': b = b.slice(0, at); break;
      case 'splice': {
        const other = rng.pick(sources);
        const from = rng.int(other.length + 1);
        b = join(b.slice(0, at), other.slice(from, from + rng.int(other.length - from + 1)), b.slice(rng.int(2) ? at : at + rng.int(b.length - at + 1)));
        break;
      }
      case 'fragment': {
        // Fragments land at a line start half the time, where YAML and Markdown give them meaning.
        let pos = at;
        if (rng.int(2)) { while (pos > 0 && b[pos - 1] !== 10) pos--; }
        b = join(b.slice(0, pos), enc.encode(rng.pick(FRAGMENTS)), b.slice(pos));
        break;
      }
      case 'lines': {
        const lines = new TextDecoder().decode(b).split('\n');
        const i1 = rng.int(lines.length), i2 = rng.int(lines.length);
        const op = rng.int(4);
        if (op === 0) lines.splice(i1, 0, lines[i2]);
        else if (op === 1) lines.splice(i1, 1);
        else if (op === 2) [lines[i1], lines[i2]] = [lines[i2], lines[i1]];
        else lines[i1] = ' '.repeat(rng.int(9)) + lines[i1].trimStart();
        b = enc.encode(lines.join('\n'));
        break;
      }
      case 'repeat': {
        const unit = rng.pick(REPEATABLE);
        b = join(b.slice(0, at), enc.encode(unit.repeat(1 + rng.int(rng.int(2) ? 40 : 3000))), b.slice(at));
        break;
      }
      case 'crlf': b = enc.encode(new TextDecoder().decode(b).replace(/\r?\n/g, rng.pick(['\r\n', '\n', '\r']))); break;
    }
  }
  return { bytes: b, applied };
}

// ---- running ----------------------------------------------------------------------------------

export type FailureKind = 'exception' | 'swallowed-exception' | 'slow' | 'nondeterministic' | 'malformed-diagnostic' | 'incremental-mismatch';
export interface Failure { input: number; kind: FailureKind; root: string; file: string; mode: string; mutations: Mutation[]; detail: string; bytes: Uint8Array }
export interface FuzzOptions { seed: number; inputs: number; budgetMs?: number; freshEvery?: number; eventEvery?: number; onProgress?: (done: number, report: FuzzReport) => void; progressEvery?: number }
export interface FuzzReport { seed: number; inputs: number; engineRuns: number; ms: number; slowestMs: number; slowest?: string; failures: Failure[]; byMutation: Record<string, number>; corpusFiles: number }

/** A workspace over a root's files, with one file's bytes replaced. */
function overlay(root: Root, file: string, bytes: Uint8Array): Workspace {
  const files = Object.fromEntries(root.files);
  files[file] = bytes;
  return new MemoryWorkspace(files);
}

/** What decides which files the index holds: when it differs from the fixture's, the server would re-list. */
const rolesOf = (project: Project) => JSON.stringify([project.config.paths, project.config.maxFileBytes]);

async function projectOf(root: Root): Promise<Project> {
  if (!root.project) {
    root.project = (await loadProject(new MemoryWorkspace(Object.fromEntries(root.files)), { checks: CHECKS, today: TODAY })).project;
    root.roles = rolesOf(root.project);
  }
  return root.project;
}

/** Applies the bytes as the CLI (fast, through readInto) or the editor (remark, decoded text) would. */
async function apply(project: Project, file: string, bytes: Uint8Array, mode: 'fast' | 'remark', version: number): Promise<void> {
  if (mode === 'fast') {
    const ws: Workspace = { list: async () => ({ files: [file], problems: [] }), read: async () => bytes, stat: async () => ({ size: bytes.length, mtimeMs: 0, isFile: true, isDirectory: false }) };
    await readInto(ws, project, file);
  } else {
    project.setFile(file, decodeText(bytes).text, version, [], { markdown: 'remark' });
  }
}

function malformed(d: Diagnostic, lineCounts: Map<string, number>): string | undefined {
  const n = lineCounts.get(d.file);
  const { start, end } = d.range;
  if (![start.line, start.character, end.line, end.character].every((v) => Number.isInteger(v) && v >= 0)) return 'negative or fractional position';
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'range ends before it starts';
  if (n !== undefined && end.line >= n) return `range past the last line (${end.line} >= ${n})`;
  if (!['error', 'warning', 'info', 'hint'].includes(d.severity)) return `severity ${String(d.severity)}`;
  if (typeof d.message !== 'string' || !d.message.trim()) return 'empty message';
  return undefined;
}

const snapshot = (ds: Diagnostic[]) => ds.map((d) => ({ ...d }));

/** What two diagnostic lists disagree on, briefly, for the failure report. */
function difference(a: Diagnostic[], b: Diagnostic[]): string {
  const key = (d: Diagnostic) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message.slice(0, 120)}`;
  const ka = a.map(key), kb = b.map(key);
  const onlyA = ka.filter((k) => !kb.includes(k)), onlyB = kb.filter((k) => !ka.includes(k));
  return `first only [${onlyA.slice(0, 3).join(' | ')}]${onlyA.length > 3 ? ` +${onlyA.length - 3}` : ''}; second only [${onlyB.slice(0, 3).join(' | ')}]${onlyB.length > 3 ? ` +${onlyB.length - 3}` : ''}`;
}

/** The file events an editor or a checkout sends: one file or a whole folder deleted or renamed. */
const EVENTS = ['delete', 'rename', 'folder-delete', 'folder-rename'] as const;
type FileEvent = typeof EVENTS[number];

/** Forgets a deleted file, as the server does on a delete event. */
function removePath(project: Project, file: string): void { project.removeFile(file); }

/** Registers a created file, as the server does on a create event: evidence by name, the rest read. */
async function addPath(project: Project, file: string, bytes: Uint8Array): Promise<void> {
  project.addEvidenceFile(file);
  if (project.kindOf(file) === 'other') return;
  const ws: Workspace = { list: async () => ({ files: [file], problems: [] }), read: async () => bytes, stat: async () => ({ size: bytes.length, mtimeMs: 0, isFile: true, isDirectory: false }) };
  await readInto(ws, project, file);
}

/**
 * Applies one file event to a root's live index, compares it with a fresh load of the files as they now are,
 * then undoes the event and compares again. Returns what disagreed, if anything.
 */
async function fileEvent(rng: Rng, root: Root, event: FileEvent): Promise<string | undefined> {
  const project = await projectOf(root);
  if (root.mutated) { project.setFile(root.mutated, decodeText(root.files.get(root.mutated)!).text, 0); root.mutated = undefined; }
  const paths = [...root.files.keys()].filter((p) => p !== 'soc2.yaml');
  if (!paths.length) return undefined;
  const pick = rng.pick(paths);
  const folder = pick.includes('/') ? pick.slice(0, pick.lastIndexOf('/')) : '';
  const moved = event.startsWith('folder') && folder ? paths.filter((p) => p.startsWith(folder + '/')) : [pick];
  const renamed = (p: string) => (event === 'rename' ? p.replace(/(\.[a-z]+)$/i, `-moved$1`) : event === 'folder-rename' ? `${folder}-moved${p.slice(folder.length)}` : undefined);
  const after = new Map(root.files);
  for (const p of moved) after.delete(p);
  for (const p of moved) { const n = renamed(p); if (n) after.set(n, root.files.get(p)!); }
  const compare = async (files: Map<string, Uint8Array>, when: string) => {
    const fresh = (await loadProject(new MemoryWorkspace(Object.fromEntries(files)), { checks: CHECKS, today: TODAY })).project.allDiagnostics();
    const live = snapshot(project.allDiagnostics());
    return isDeepStrictEqual(snapshot(fresh), live) ? undefined : `${when} ${event} of ${moved.length} file(s) under ${folder || pick}: ${difference(snapshot(fresh), live)}`;
  };
  for (const p of moved) removePath(project, p);
  for (const p of moved) { const n = renamed(p); if (n) await addPath(project, n, root.files.get(p)!); }
  const afterEvent = await compare(after, 'after');
  // Undo: the renamed files go back, the deleted ones come back.
  for (const p of moved) { const n = renamed(p); if (n) removePath(project, n); }
  for (const p of moved) await addPath(project, p, root.files.get(p)!);
  return afterEvent ?? (await compare(root.files, 'undoing'));
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const corpus = loadCorpus();
  const rng = new Rng(options.seed);
  const budget = options.budgetMs ?? 2000;
  const report: FuzzReport = { seed: options.seed, inputs: 0, engineRuns: 0, ms: 0, slowestMs: 0, failures: [], byMutation: {}, corpusFiles: corpus.targets.length };
  const started = performance.now();
  let version = 1;
  for (let i = 0; i < options.inputs; i++) {
    const target = rng.pick(corpus.targets);
    const original = target.root.files.get(target.path)!;
    const { bytes, applied } = mutate(rng, original, corpus.sources);
    for (const m of applied) report.byMutation[m] = (report.byMutation[m] ?? 0) + 1;
    const fail = (kind: FailureKind, mode: string, detail: string) => report.failures.push({ input: i, kind, root: target.root.name, file: target.path, mode, mutations: applied, detail, bytes });
    // Both parse modes for policies; the mode only changes how Markdown is read, so YAML files run once.
    for (const mode of target.path.endsWith('.md') ? (['fast', 'remark'] as const) : (['fast'] as const)) {
      let project: Project | undefined;
      const runs: Diagnostic[][] = [];
      try {
        project = await projectOf(target.root);
        // Other files go back to the fixture before this one changes (lazily: the same file is simply overwritten,
        // so the index also moves from one mutation straight to the next, a transition the fresh load checks).
        if (target.root.mutated && target.root.mutated !== target.path) project.setFile(target.root.mutated, decodeText(target.root.files.get(target.root.mutated)!).text, ++version);
        target.root.mutated = target.path;
        let rolesChanged = false;
        for (let run = 0; run < 2; run++) {
          // CPU time, not wall time: a loaded CI machine stretches the one and not the other.
          const t0 = process.cpuUsage();
          await apply(project, target.path, bytes, mode, ++version);
          rolesChanged ||= rolesOf(project) !== target.root.roles;
          const ds = snapshot(project.allDiagnostics());
          const used = process.cpuUsage(t0);
          const ms = (used.user + used.system) / 1000;
          report.engineRuns++;
          if (ms > report.slowestMs) { report.slowestMs = ms; report.slowest = `${target.root.name}/${target.path} (${mode}, ${applied.join('+')})`; }
          if (ms > budget) fail('slow', mode, `${Math.round(ms)} ms`);
          runs.push(ds);
        }
        if (!isDeepStrictEqual(runs[0], runs[1])) fail('nondeterministic', mode, `the same input gave different diagnostics: ${difference(runs[0], runs[1])}`);
        const counts = new Map([...project.allFiles()].map((f) => [f.path, f.lineCount]));
        counts.set(target.path, decodeText(bytes).text.split(/\r\n|\r|\n/).length);
        for (const d of runs[0]) {
          if (d.code === 'internal-error' || /could not be read: /.test(d.message)) fail('swallowed-exception', mode, `${d.code}: ${d.message}`);
          const bad = d.file === target.path ? malformed(d, counts) : undefined;
          if (bad) fail('malformed-diagnostic', mode, `${d.code} at ${JSON.stringify(d.range)}: ${bad}`);
        }
        if (mode === 'fast' && options.freshEvery && i % options.freshEvery === 0 && !rolesChanged) {
          const fresh = (await loadProject(overlay(target.root, target.path, bytes), { checks: CHECKS, today: TODAY })).project.allDiagnostics();
          if (!isDeepStrictEqual(snapshot(fresh), runs[0])) fail('incremental-mismatch', mode, `a fresh load of the same files disagrees with the incremental index: ${difference(snapshot(fresh), runs[0])}`);
        }
      } catch (err) {
        fail('exception', mode, (err as Error).stack ?? String(err));
        target.root.project = undefined; // start that root afresh
        target.root.mutated = undefined;
      }
    }
    if (options.eventEvery && i % options.eventEvery === 0) {
      const root = rng.pick(corpus.roots), event = rng.pick(EVENTS);
      report.byMutation[`event:${event}`] = (report.byMutation[`event:${event}`] ?? 0) + 1;
      try {
        const wrong = await fileEvent(rng, root, event);
        if (wrong) report.failures.push({ input: i, kind: 'incremental-mismatch', root: root.name, file: '', mode: event, mutations: [], detail: wrong, bytes: new Uint8Array() });
      } catch (err) {
        report.failures.push({ input: i, kind: 'exception', root: root.name, file: '', mode: event, mutations: [], detail: (err as Error).stack ?? String(err), bytes: new Uint8Array() });
        root.project = undefined;
        root.mutated = undefined;
      }
    }
    report.inputs = i + 1;
    if (options.onProgress && (i + 1) % (options.progressEvery ?? 1000) === 0) { report.ms = performance.now() - started; options.onProgress(i + 1, report); }
  }
  report.ms = performance.now() - started;
  return report;
}
