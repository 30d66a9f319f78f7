import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/**
 * One cache file on disk: a first line that names the format, then the SHA-256 of the payload, then the
 * payload (JSON). Reading checks all three, so a truncated, corrupt or foreign file is refused (and then
 * rebuilt) instead of feeding wrong models to the checks. Writing goes to a temporary file in the same
 * folder and is renamed over the old one: readers, including a concurrent `soc2 check`, see the old file
 * or the new one, never half of one.
 */
export const CACHE_MAGIC = 'soc2-as-code cache v1';

export type ReadOutcome<T> =
  | { status: 'ok'; value: T }
  | { status: 'absent' }
  | { status: 'rejected'; reason: string };

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function readCacheFile<T>(file: string, accept: (value: unknown) => value is T): ReadOutcome<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { status: 'absent' } : { status: 'rejected', reason: `it could not be read (${code ?? (err as Error).message})` };
  }
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  if (first < 0 || text.slice(0, first) !== CACHE_MAGIC) return { status: 'rejected', reason: 'it is not a soc2 cache file of this format' };
  if (second < 0) return { status: 'rejected', reason: 'it is truncated' };
  const payload = text.slice(second + 1);
  if (sha256(payload) !== text.slice(first + 1, second)) return { status: 'rejected', reason: 'its checksum does not match (truncated or corrupt)' };
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { status: 'rejected', reason: 'its content is not valid JSON' };
  }
  return accept(value) ? { status: 'ok', value } : { status: 'rejected', reason: 'its content has an unexpected shape' };
}

/** Writes atomically (temporary file + rename); throws on failure, for the caller to report. */
export function writeCacheFile(file: string, value: unknown): void {
  const payload = JSON.stringify(value);
  const dir = nodePath.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = nodePath.join(dir, `.${nodePath.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, `${CACHE_MAGIC}\n${sha256(payload)}\n${payload}`);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
