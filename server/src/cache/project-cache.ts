import { mkdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { Project } from '../engine/project';
import { CONFIG_FILE } from '../engine/parse-config';
import { applyFetched, fetchAll, fetchFile, type Fetched, type ReadAll } from '../engine/load';
import { parseFileModel } from '../engine/parse-file';
import type { Diagnostic, FileModel, ParseProblem } from '../engine/model';
import type { GitHistory } from '../engine/git-history';
import type { Workspace } from '../engine/workspace';
import { DiskWorkspace } from '../engine/disk-workspace';
import { CacheRejected, readCacheFile, sha256, writeCacheFile } from './cache-file';
import { readShards, removeOtherShards, shardCount, shardName, shardOf, writeShards, type Models } from './model-shards';
import { CachedHistory, type HistoryAnswers } from './cached-history';
import { TOOL_BUILD } from './build-id';
import { CACHE_DIR, ignoreSoc2Folder, SOC2_FOLDER } from './folder';
import { RACY_MARGIN_MS, signatureOf, unchangedSince, type Signature } from './file-signature';
import { FolderListings, type StoredListings } from './folder-listings';

const CACHE_FILE = 'project.json';

/** The cache file's one section: small, read on every run. The models live in shards beside it (model-shards.ts). */
interface Header {
  tool: string;
  /** Hash of soc2.yaml's bytes: it decides every file's kind and size limit, so a new one empties the cache. */
  config: string;
  /** Content hash of every cached file; its model is in shard `shardOf(path, shards.length)`. */
  hashes: Record<string, string>;
  /** Each file's stat when it was hashed (file-signature.ts): the same signature lets a warm run skip reading it. */
  signatures?: Record<string, Signature>;
  /** The folders listed by the run that wrote it (folder-listings.ts). */
  listings?: StoredListings;
  /** The name of each shard's file under models/, '' for a shard with no file in it. */
  shards: string[];
  /** The diagnostics of the run that wrote the cache, valid for the same `run` key (date, evidence, HEAD). */
  run: string;
  diagnostics: Record<string, Diagnostic[]>;
  head?: string;
  history?: HistoryAnswers;
}

function isHeader(v: unknown): v is Header {
  const h = v as Header;
  return !!h && typeof h === 'object' && typeof h.tool === 'string' && typeof h.config === 'string' && typeof h.run === 'string'
    && !!h.hashes && typeof h.hashes === 'object' && !!h.diagnostics && typeof h.diagnostics === 'object'
    && Array.isArray(h.shards) && h.shards.length > 0 && h.shards.every((n) => typeof n === 'string');
}

/** What the cache did in one run; tests assert these counts instead of timings. */
export interface CacheStats {
  /** Files whose model came from the cache. */
  reused: number;
  /** Files read and hashed; the others' hashes held by their unchanged signature. */
  hashed: number;
  /** Files parsed because they were new, changed, or the cache did not hold them. */
  parsed: number;
  /** Files whose cached diagnostics were taken as they were. */
  diagnosticsReused: number;
  /** Whether any model shard was read at all. */
  modelsRead: boolean;
  /** Whether the cache file (the header) was (re)written at the end. */
  written: boolean;
  /** Model shards written at the end: only those whose files changed. */
  shardsWritten: number;
}

export interface CacheOptions {
  /**
   * The caller only needs the diagnostics (`soc2 check` without --base): when nothing changed at all, the
   * project is not indexed and `upToDate` holds the cached diagnostics instead.
   */
  diagnosticsOnly?: boolean;
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
  readonly stats: CacheStats = { reused: 0, hashed: 0, parsed: 0, diagnosticsReused: 0, modelsRead: false, written: false, shardsWritten: 0 };
  /** Set when nothing changed and the caller asked for diagnostics only: every diagnostic, files in path order. */
  upToDate?: Diagnostic[];
  private header?: Header;
  /** Shards found damaged on read: written again on save, even though a file of that name exists. */
  private readonly damagedShards = new Set<string>();
  private readonly hashes = new Map<string, string>();
  private readonly signatures = new Map<string, Signature>();
  /** When the header read was written (its file's mtime), for the racy-signature rule. */
  private writtenMs?: number;
  private configHash = '';
  private runKey = '';
  private history?: CachedHistory;
  private head?: string;
  private changed = false;

  private constructor(readonly root: string, private readonly note: (message: string) => void, private readonly options: CacheOptions) {}

  /** Tests set a smaller margin than file-signature.ts's, so files written a moment before a run can be trusted. */
  racyMarginMs?: number;
  /** The folder listings to give the disk workspace (CLI runs), recorded again for the next run. */
  folders: FolderListings = new FolderListings(undefined, undefined);

  /** Opens the cache of the repo at `root`; a damaged file is reported through `note` and ignored. */
  static open(root: string, note: (message: string) => void, options: CacheOptions = {}): ProjectCache {
    const cache = new ProjectCache(root, note, options);
    // The cache's folder exists before the repo is listed, so writing it at the end does not change the root
    // folder's stamp that the listing records (folder-listings.ts). A read-only repo only loses the speed-up.
    try { mkdirSync(nodePath.join(root, SOC2_FOLDER), { recursive: true }); } catch { /* written, or noted, at save */ }
    const read = readCacheFile(cache.file, 1);
    if (read.status === 'rejected') cache.reject(read.reason);
    else if (read.status === 'ok') {
      try {
        const header = read.sections.section(0);
        if (!isHeader(header)) throw new CacheRejected('its content has an unexpected shape');
        cache.header = header;
        cache.writtenMs = read.writtenMs;
        // Listings depend on nothing but the disk and which folders this build skips: only the build must match.
        if (header.tool === TOOL_BUILD) cache.folders = new FolderListings(header.listings, read.writtenMs, () => cache.racyMarginMs ?? RACY_MARGIN_MS);
      } catch (err) {
        if (!(err instanceof CacheRejected)) throw err;
        cache.reject(err.message);
      }
    }
    return cache;
  }

  get file(): string { return nodePath.join(this.root, CACHE_DIR, CACHE_FILE); }
  private get dir(): string { return nodePath.join(this.root, CACHE_DIR); }

  private reject(reason: string): void {
    this.note(`the cache ${CACHE_DIR}/${CACHE_FILE} was ignored and will be rebuilt: ${reason}`);
    this.header = undefined;
    this.changed = true;
  }

  /**
   * The cached models, shard by shard. A damaged shard is noted and its files are parsed again; a missing
   * one (a concurrent run cleaned it up) only costs the parse.
   */
  private models(header: Header): Models {
    const read = readShards(this.dir, header.shards);
    this.stats.modelsRead = true;
    for (const { name, reason } of read.damaged) {
      this.note(`the cache ${CACHE_DIR}/models/${name}.json was ignored and will be rebuilt: ${reason}`);
      this.damagedShards.add(name);
    }
    if (read.damaged.length || read.missing) this.changed = true;
    return read.models;
  }

  /**
   * Wraps the repository's history so answers are kept under HEAD's commit id. `head` undefined (no git, or
   * no commit yet) keeps nothing.
   */
  wrapHistory(git: GitHistory | undefined, head: string | undefined): GitHistory | undefined {
    if (!git) return undefined;
    this.head = head;
    const answers = head && this.header?.head === head && this.header.history ? { ...this.header.history } : {};
    this.history = new CachedHistory(git, answers);
    return this.history;
  }

  /** The reader to give loadProject: models from the cache where the content is the same. */
  readonly readAll: ReadAll = async (ws, project, paths) => {
    this.configHash = await configHash(ws);
    const header = this.header && this.header.tool === TOOL_BUILD && this.header.config === this.configHash ? this.header : undefined;
    if (this.header && !header) this.changed = true;
    this.runKey = sha256(JSON.stringify([project.today.toISOString().slice(0, 10), this.head ?? '', sha256(project.evidenceFiles.all().join('\n'))]));

    const sorted = [...paths].sort();
    // A warm run reads and hashes files but parses almost none: all small reads, which through libuv's thread
    // pool cost several times the reads themselves, so they are blocking here, in the server too.
    const reads = ws instanceof DiskWorkspace ? ws.blocking() : ws;
    // Every file is stat'ed before any is read: a file changed after its stat shows a new signature next run.
    const fetched: (Fetched | undefined)[] = new Array(sorted.length);
    const toRead: number[] = [];
    const same = new Set<string>();
    for (let i = 0; i < sorted.length; i++) {
      const path = sorted[i];
      const signature = signatureOf(await reads.stat(path));
      if (signature) this.signatures.set(path, signature);
      const stored = header?.hashes[path];
      if (stored !== undefined && unchangedSince(header!.signatures?.[path], signature, this.writtenMs, this.racyMarginMs)) {
        this.hashes.set(path, stored);
        same.add(path);
      } else toRead.push(i);
    }
    const read = await fetchAll(reads, project, toRead.map((i) => sorted[i]));
    toRead.forEach((i, k) => { fetched[i] = read[k]; });
    this.stats.hashed = toRead.length;
    for (const i of toRead) {
      const f = fetched[i]!;
      if (f.kind !== 'text') continue; // unreadable or gone: applied as usual, never cached
      const hash = contentHash(f);
      this.hashes.set(sorted[i], hash);
      if (header?.hashes[sorted[i]] === hash) same.add(sorted[i]);
    }
    const removed = header ? Object.keys(header.hashes).filter((p) => !this.hashes.has(p)) : [];
    const diagnostics = header && header.run === this.runKey ? header.diagnostics : undefined;
    if (this.options.diagnosticsOnly && diagnostics && same.size === sorted.length && !removed.length) {
      // Nothing changed since the cached run: its diagnostics are this run's, and nothing needs indexing.
      this.upToDate = [CONFIG_FILE, ...sorted].sort().flatMap((p) => diagnostics[p] ?? []);
      this.stats.reused = same.size;
      this.stats.diagnosticsReused = sorted.length + 1;
      return;
    }

    const cachedModels = header && (same.size || removed.length) ? this.models(header) : undefined;
    const models = new Map<string, FileModel>();
    for (let i = 0; i < sorted.length; i++) {
      const path = sorted[i];
      const cached = same.has(path) ? cachedModels?.[path] : undefined;
      if (cached && cached.kind === project.kindOf(path)) {
        models.set(path, cached);
        this.stats.reused++;
        continue;
      }
      // Trusted by its signature but its model is not at hand (a shard gone): read it now.
      const f = fetched[i] ??= await this.readLate(reads, project, path, same);
      if (f.kind !== 'text') continue;
      models.set(path, parseFetched(project, path, f));
      this.stats.parsed++;
      this.changed = true;
    }
    if (removed.length) this.changed = true;

    // Indexed in path order, exactly as readAllInto does, so every list the checks derive is the same.
    project.indexBatch(() => {
      for (let i = 0; i < sorted.length; i++) {
        const model = models.get(sorted[i]);
        if (model) project.setParsed(model); else applyFetched(project, sorted[i], fetched[i]!);
      }
    });

    if (!diagnostics || !cachedModels) { this.changed = true; return; }
    const affected = affectedSince(project, header!.hashes, cachedModels, models, same, removed, sorted.filter((p) => !models.has(p)));
    if (!affected) { this.changed = true; return; }
    for (const m of project.allFiles()) {
      const cached = diagnostics[m.path];
      if (cached && !affected.has(m.path)) { project.restoreDiagnostics(m.path, cached); this.stats.diagnosticsReused++; } else this.changed = true;
    }
  };

  /** Reads a file whose hash was trusted by its signature after all, and hashes what it holds now. */
  private async readLate(reads: Workspace, project: Project, path: string, same: Set<string>): Promise<Fetched> {
    const f = await fetchFile(reads, path, project.sizeLimit(path));
    this.stats.hashed++;
    if (f.kind === 'text') {
      const hash = contentHash(f);
      if (hash !== this.hashes.get(path)) same.delete(path);
      this.hashes.set(path, hash);
    } else {
      same.delete(path);
      this.hashes.delete(path);
    }
    return f;
  }

  /**
   * Writes the cache when this run learnt anything (a file parsed, a file gone, other diagnostics, new git
   * answers). Call after the diagnostics were computed. A failed write is a note, never a failed command.
   */
  save(project: Project, openInEditor: ReadonlySet<string> = new Set()): void {
    if (this.history && this.history.asked > 0) this.changed = true;
    if (!this.changed || this.upToDate) return;
    const hashes: Record<string, string> = {};
    const signatures: Record<string, Signature> = {};
    // Diagnostics computed with an editor's unsaved text are not the disk's: then none are stored.
    const keepDiagnostics = openInEditor.size === 0;
    const diagnostics: Record<string, Diagnostic[]> = {};
    for (const m of [...project.allFiles()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      if (keepDiagnostics) diagnostics[m.path] = project.diagnosticsFor(m.path);
      const hash = this.hashes.get(m.path);
      if (hash && m.kind !== 'config' && !openInEditor.has(m.path)) {
        hashes[m.path] = hash;
        const signature = this.signatures.get(m.path);
        if (signature) signatures[m.path] = signature;
      }
    }
    const stored = Object.keys(hashes);
    const count = shardCount(stored.length);
    const members: string[][] = Array.from({ length: count }, () => []);
    for (const p of stored) members[shardOf(p, count)].push(p);
    const shards = members.map((paths) => ({ paths, name: paths.length ? shardName(TOOL_BUILD, this.configHash, paths.map((p) => [p, hashes[p]])) : '' }));
    const listings = Object.keys(this.folders.recorded).length ? { listings: this.folders.recorded } : {};
    const header: Header = { tool: TOOL_BUILD, config: this.configHash, hashes, signatures, ...listings, shards: shards.map((s) => s.name), run: keepDiagnostics ? this.runKey : '', diagnostics, ...(this.head && this.history ? { head: this.head, history: this.history.answers } : {}) };
    try {
      ignoreSoc2Folder(this.root);
      // Shards first, then the header that names them: a reader never sees a header whose shards are not written.
      this.stats.shardsWritten = writeShards(this.dir, shards.filter((s) => s.name), (p) => project.file(p)!, this.damagedShards);
      writeCacheFile(this.file, [header]);
      this.stats.written = true;
      removeOtherShards(this.dir, new Set(header.shards));
    } catch (err) {
      this.note(`the cache could not be written to ${CACHE_DIR}/${CACHE_FILE} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the next run starts cold`);
    }
  }
}

async function configHash(ws: Workspace): Promise<string> {
  try { return sha256(await ws.read(CONFIG_FILE)); } catch { return 'none'; }
}

/** The content hash a file is cached under (its text, and whether bytes were replaced decoding it). */
function contentHash(f: Extract<Fetched, { kind: 'text' }>): string {
  return sha256(`${f.invalidUtf8 ? 1 : 0}\0${f.text}`);
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
 * The files whose diagnostics may differ from the cached run's, asked of the project's own dependency rules
 * (the ones the editor's incremental index uses) for each file that changed, appeared, went or became
 * unreadable: what its old model affected and what its new one does. Undefined when a changed file's old model
 * is not at hand (its shard was gone): then nothing cached is trusted.
 */
function affectedSince(project: Project, storedHashes: Record<string, string>, stored: Models, current: Map<string, FileModel>,
  same: ReadonlySet<string>, removed: readonly string[], unreadable: readonly string[]): Set<string> | undefined {
  const affected = new Set<string>();
  const add = (path: string, next: FileModel | undefined): boolean => {
    const old = stored[path];
    if (!old && storedHashes[path] !== undefined) return false;
    for (const f of project.affectedByChange(path, old, next)) affected.add(f);
    return true;
  };
  for (const [path, model] of current) {
    // The same content (reused, or parsed again because its shard was gone) affects nothing.
    if (same.has(path)) continue;
    if (!add(path, model)) return undefined;
  }
  for (const path of removed) if (!add(path, undefined)) return undefined;
  for (const path of unreadable) if (!add(path, project.file(path))) return undefined;
  return affected;
}
