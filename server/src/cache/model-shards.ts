import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileModel } from '../engine/model';
import { CacheRejected, readCacheFile, sha256, writeCacheFile } from './cache-file';

/** Parsed models by path. */
export type Models = Record<string, FileModel>;

/** The folder under the cache folder that holds the model shards. */
export const SHARD_DIR = 'models';

/**
 * Files per shard, on average. Small enough that one changed file rewrites about half a megabyte at the
 * benchmark's scale 1 (2,000 files, 33 MB of models), large enough that a small repo has a handful of files.
 */
const FILES_PER_SHARD = 32;

/**
 * How many shards a repo of `fileCount` cached files gets: a power of two, so the count (and with it every
 * file's shard) changes only when the repo doubles or halves, never on each added file.
 */
export function shardCount(fileCount: number): number {
  let count = 1;
  while (count * FILES_PER_SHARD < fileCount && count < 1024) count *= 2;
  return count;
}

/** The shard of a path: FNV-1a of its characters, so the same path always lands in the same shard. */
export function shardOf(path: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) { h ^= path.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) % count;
}

/**
 * The shard's file name, from what decides its content: the tool build, soc2.yaml, and each member's path and
 * content hash. A shard that exists under its name therefore already holds exactly these models, and a run
 * that changed one file rewrites one shard (and the small header), not the whole cache.
 */
export function shardName(build: string, config: string, members: [path: string, hash: string][]): string {
  return sha256(JSON.stringify([build, config, members])).slice(0, 40);
}

export interface ShardRead {
  models: Models;
  /** Shards whose file was there but damaged: reported, and written again on save. */
  damaged: { name: string; reason: string }[];
  /** Shards whose file was gone (removed by a concurrent run's clean-up, or by hand): their files are parsed. */
  missing: number;
}

/** Reads the named shards, one at a time so only one shard's bytes are held at once. */
export function readShards(dir: string, names: readonly string[]): ShardRead {
  const out: ShardRead = { models: {}, damaged: [], missing: 0 };
  for (const name of new Set(names)) {
    if (!name) continue;
    const read = readCacheFile(nodePath.join(dir, SHARD_DIR, `${name}.json`), 1);
    if (read.status === 'absent') { out.missing++; continue; }
    try {
      if (read.status === 'rejected') throw new CacheRejected(read.reason);
      const models = read.sections.section(0);
      if (!models || typeof models !== 'object' || Array.isArray(models)) throw new CacheRejected('its content has an unexpected shape');
      Object.assign(out.models, models);
    } catch (err) {
      if (!(err instanceof CacheRejected)) throw err;
      out.damaged.push({ name, reason: err.message });
    }
  }
  return out;
}

/**
 * Writes the shards that are not on disk yet (or were found damaged), each atomically; returns how many it
 * wrote. `models` is called only for the shards written, so an unchanged repo serialises nothing.
 */
export function writeShards(dir: string, shards: readonly { name: string; paths: readonly string[] }[], model: (path: string) => FileModel, rewrite: ReadonlySet<string>): number {
  let written = 0;
  for (const { name, paths } of shards) {
    const file = nodePath.join(dir, SHARD_DIR, `${name}.json`);
    if (!rewrite.has(name) && existsSync(file)) continue;
    const models: Models = {};
    for (const p of paths) models[p] = model(p);
    writeCacheFile(file, [models]);
    written++;
  }
  return written;
}

/**
 * Removes shard files the current header does not name. A concurrent run that still wanted one of them finds
 * it gone and parses those files: slower, never wrong. Temporary files of writers in progress start with a dot
 * and are left to their writers.
 */
export function removeOtherShards(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try { names = readdirSync(nodePath.join(dir, SHARD_DIR)); } catch { return; }
  for (const n of names) {
    if (n.startsWith('.') || !n.endsWith('.json') || keep.has(n.slice(0, -5))) continue;
    rmSync(nodePath.join(dir, SHARD_DIR, n), { force: true });
  }
}
