import * as nodePath from 'node:path';
import { Project } from '../engine/project';
import { CONFIG_FILE } from '../engine/parse-config';
import { applyFetched, fetchFile, type Fetched, type ReadAll } from '../engine/load';
import { parseFileModel } from '../engine/parse-file';
import type { Diagnostic, FileModel, ParseProblem } from '../engine/model';
import type { GitHistory } from '../engine/git-history';
import type { Workspace } from '../engine/workspace';
import { readCacheFile, sha256, writeCacheFile } from './cache-file';
import { CachedHistory, type HistoryAnswers } from './cached-history';
import { TOOL_BUILD } from './build-id';
import { CACHE_DIR, ignoreSoc2Folder } from './folder';

const CACHE_FILE = 'project.json';
/** How many reads may be in flight at once, as in readAllInto. */
const READ_CONCURRENCY = 64;

interface Entry { hash: string; model: FileModel }
interface Stored {
  tool: string;
  /** Hash of soc2.yaml's bytes: it decides every file's kind and size limit, so a new one empties the cache. */
  config: string;
  files: Record<string, Entry>;
  /** Diagnostics of the run that wrote the cache, valid for the same `run` key (date, evidence, HEAD). */
  run?: string;
  diagnostics?: Record<string, Diagnostic[]>;
  head?: string;
  history?: HistoryAnswers;
}

function isStored(v: unknown): v is Stored {
  const s = v as Stored;
  return !!s && typeof s === 'object' && typeof s.tool === 'string' && typeof s.config === 'string' && !!s.files && typeof s.files === 'object';
}

/** What the cache did in one run; tests assert these counts instead of timings. */
export interface CacheStats {
  /** Files whose model came from the cache. */
  reused: number;
  /** Files parsed because they were new, changed, or the cache did not hold them. */
  parsed: number;
  /** Files whose cached diagnostics were taken as they were. */
  diagnosticsReused: number;
  /** Whether the cache file was (re)written at the end. */
  written: boolean;
}

/**
 * The persistent cache of one compliance repo, as eslint's `--cache` and tsc's `--incremental` keep theirs:
 * parsed models keyed by each file's content hash (under the tool build and soc2.yaml's hash), and the
 * diagnostics of the last run. A warm run reads every file and hashes it, parses only what changed, and
 * lets the project's own dependency rules (the incremental index the editor uses) say which files' checks
 * must run again; every other file keeps its diagnostics. The result is the same, byte for byte, as a run
 * without the cache (tests compare them over every fixture and the benchmark's repo).
 */
export class ProjectCache {
  readonly stats: CacheStats = { reused: 0, parsed: 0, diagnosticsReused: 0, written: false };
  private stored?: Stored;
  private hashes = new Map<string, string>();
  private configHash = '';
  private runKey = '';
  private history?: CachedHistory;
  private head?: string;
  private changed = false;

  private constructor(readonly root: string, private readonly note: (message: string) => void) {}

  /** Opens the cache of the repo at `root`; a damaged file is reported through `note` and ignored. */
  static open(root: string, note: (message: string) => void): ProjectCache {
    const cache = new ProjectCache(root, note);
    const read = readCacheFile(cache.file, isStored);
    if (read.status === 'ok') cache.stored = read.value;
    else if (read.status === 'rejected') note(`the cache ${nodePath.join(CACHE_DIR, CACHE_FILE)} was ignored and will be rebuilt: ${read.reason}`);
    return cache;
  }

  get file(): string { return nodePath.join(this.root, CACHE_DIR, CACHE_FILE); }

  /**
   * Wraps the repository's history so answers are kept under HEAD's commit id. `head` undefined (no git, or
   * no commit yet) keeps nothing.
   */
  wrapHistory(git: GitHistory | undefined, head: string | undefined): GitHistory | undefined {
    if (!git) return undefined;
    this.head = head;
    const answers = head && this.stored?.head === head && this.stored.history ? { ...this.stored.history } : {};
    this.history = new CachedHistory(git, answers);
    return this.history;
  }

  /** The reader to give loadProject: models from the cache where the content is the same. */
  readonly readAll: ReadAll = async (ws, project, paths) => {
    this.configHash = await configHash(ws);
    const usable = this.stored && this.stored.tool === TOOL_BUILD && this.stored.config === this.configHash ? this.stored : undefined;
    if (this.stored && !usable) this.changed = true;
    this.runKey = sha256(JSON.stringify([project.today.toISOString().slice(0, 10), this.head ?? '', sha256(project.evidenceFiles.all().join('\n'))]));

    const sorted = [...paths].sort();
    const fetched = await fetchAll(ws, project, sorted);
    const models = new Map<string, FileModel>();
    const fresh = new Set<string>();
    for (let i = 0; i < sorted.length; i++) {
      const path = sorted[i], f = fetched[i];
      if (f.kind !== 'text') continue; // unreadable or gone: applied as usual, never cached
      const hash = sha256(`${f.invalidUtf8 ? 1 : 0}\0${f.text}`);
      this.hashes.set(path, hash);
      const entry = usable?.files[path];
      if (entry && entry.hash === hash && entry.model.kind === project.kindOf(path)) {
        models.set(path, entry.model);
        this.stats.reused++;
      } else {
        models.set(path, parseFetched(project, path, f));
        fresh.add(path);
        this.stats.parsed++;
      }
    }
    if (fresh.size) this.changed = true;
    if (usable && Object.keys(usable.files).some((p) => !this.hashes.has(p))) this.changed = true;

    // Indexed in path order, exactly as readAllInto does, so every list the checks derive is the same.
    for (let i = 0; i < sorted.length; i++) {
      const model = models.get(sorted[i]);
      if (model) project.setParsed(model); else applyFetched(project, sorted[i], fetched[i]);
    }

    const diagnostics = usable && usable.run === this.runKey ? usable.diagnostics : undefined;
    if (!diagnostics) { this.changed = true; return; }
    const affected = affectedSince(project, usable!, models, sorted.filter((p) => !models.has(p)));
    for (const m of project.allFiles()) {
      const cached = diagnostics[m.path];
      if (cached && !affected.has(m.path)) { project.restoreDiagnostics(m.path, cached); this.stats.diagnosticsReused++; } else this.changed = true;
    }
  };

  /**
   * Writes the cache when this run learnt anything (a file parsed, a file gone, other diagnostics, new git
   * answers). Call after the diagnostics were computed. A failed write is a note, never a failed command.
   */
  save(project: Project): void {
    if (this.history && this.history.asked > 0) this.changed = true;
    if (!this.changed) return;
    const files: Record<string, Entry> = {};
    const diagnostics: Record<string, Diagnostic[]> = {};
    for (const m of project.allFiles()) {
      diagnostics[m.path] = project.diagnosticsFor(m.path);
      const hash = this.hashes.get(m.path);
      if (hash && m.kind !== 'config') files[m.path] = { hash, model: m };
    }
    const value: Stored = { tool: TOOL_BUILD, config: this.configHash, files, run: this.runKey, diagnostics, ...(this.head && this.history ? { head: this.head, history: this.history.answers } : {}) };
    try {
      ignoreSoc2Folder(this.root);
      writeCacheFile(this.file, value);
      this.stats.written = true;
    } catch (err) {
      this.note(`the cache could not be written to ${nodePath.join(CACHE_DIR, CACHE_FILE)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the next run starts cold`);
    }
  }
}

async function configHash(ws: Workspace): Promise<string> {
  try { return sha256(await ws.read(CONFIG_FILE)); } catch { return 'none'; }
}

async function fetchAll(ws: Workspace, project: Project, sorted: readonly string[]): Promise<Fetched[]> {
  const out: Fetched[] = new Array(sorted.length);
  let next = 0;
  const worker = async () => {
    while (next < sorted.length) {
      const i = next++;
      out[i] = await fetchFile(ws, sorted[i], project.sizeLimit(sorted[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, sorted.length) }, worker));
  return out;
}

/** What Project.setFile would index for this text, parsed here so the model can be stored too. */
function parseFetched(project: Project, path: string, f: Extract<Fetched, { kind: 'text' }>): FileModel {
  const model = parseFileModel(path, project.kindOf(path), f.text, 0, {}, project.sizeLimit(path));
  const encoding: ParseProblem[] = f.invalidUtf8
    ? [{ code: 'encoding', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'This file is not valid UTF-8; unreadable bytes were replaced before checking. Re-save it as UTF-8.' }]
    : [];
  model.problems.unshift(...encoding);
  return model;
}

/**
 * The files whose diagnostics may differ from the cached run's: replays the change from the cached models to
 * the current ones on a scratch index (no git, no checks run) and collects what the project's dependency
 * rules say each change affects. Files that could not be read are affected, as are their dependents.
 */
function affectedSince(project: Project, stored: Stored, current: Map<string, FileModel>, unreadable: string[]): Set<string> {
  const scratch = new Project({ today: project.today.toISOString().slice(0, 10) });
  const config = project.file(CONFIG_FILE);
  if (config) scratch.setParsed(config);
  for (const path of Object.keys(stored.files).sort()) scratch.setParsed(stored.files[path].model);
  const affected = new Set<string>(unreadable);
  for (const [path, model] of current) {
    if (stored.files[path]?.model === model) continue;
    for (const f of scratch.setParsed(model).affected) affected.add(f);
  }
  for (const path of Object.keys(stored.files)) {
    if (!current.has(path)) for (const f of scratch.removeFile(path)) affected.add(f);
  }
  for (const path of unreadable) for (const f of scratch.removeFile(path)) affected.add(f);
  return affected;
}
