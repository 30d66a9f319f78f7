import type { FileStat, StatStamp } from '../engine/workspace';

/**
 * What a file's stat says about its content, as git's index keeps it: size, modification and change times,
 * and inode. A warm run trusts a file's stored content hash when its signature is the same, instead of reading
 * and hashing it again; the cache stays keyed by content hash. The change time cannot be set back by a program
 * (unlike the modification time), so a rewrite of the same size is seen even when its mtime is restored.
 */
export type Signature = StatStamp;

/**
 * A file whose times are this close to the moment the cache was written is hashed anyway ("racily clean", in
 * git's words): on a file system with coarse timestamps, a write in the same tick as the recorded stat would
 * leave the signature as it was.
 */
export const RACY_MARGIN_MS = 2000;

/** The signature of a stat, when the workspace gives one (a disk; an in-memory workspace has no times). */
export function signatureOf(st: FileStat | undefined): Signature | undefined {
  if (!st?.isFile || st.ctimeMs === undefined || st.ino === undefined) return undefined;
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

/** Whether a file's stored hash holds without reading it: same signature, recorded well before the cache was written. */
export function unchangedSince(stored: unknown, current: Signature | undefined, cacheWrittenMs: number | undefined, margin = RACY_MARGIN_MS): boolean {
  if (!current || cacheWrittenMs === undefined || !Array.isArray(stored) || stored.length !== current.length) return false;
  if (current.some((v, i) => stored[i] !== v)) return false;
  return current[1] < cacheWrittenMs - margin && current[2] < cacheWrittenMs - margin;
}
