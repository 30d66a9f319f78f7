import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { nodeCrypto, sha256 } from '../util/hash';

/**
 * One cache file on disk, in sections, each on its own line (JSON.stringify never writes a raw line break):
 *
 *     soc2-as-code cache v3
 *     <sha-256:byte length of each section, space-separated>
 *     <section 0: JSON>
 *     ...
 *
 * The header (project.json) and each model shard (models/<name>.json) are such files. Reading checks the
 * format line, the section count and lengths at once (so truncation is seen on open), and each section's
 * checksum when it is first used, so a truncated, corrupt or foreign file is refused (then rebuilt) instead of
 * feeding wrong models to the checks. Writing goes to a temporary file in the same folder renamed over the old
 * one: readers, including a concurrent `soc2 check`, see the old file or the new one, never half of one.
 */
export const CACHE_MAGIC = 'soc2-as-code cache v3';

export class CacheRejected extends Error {}

export { sha256 };

/** The sections of a cache file, each parsed (and its checksum verified) on first use. */
export class CacheSections {
  private readonly parsed = new Map<number, unknown>();
  constructor(private readonly buffer: Buffer, private readonly bounds: [number, number][], private readonly sums: string[]) {}

  get count(): number { return this.bounds.length; }

  /** Section `i`, parsed; throws CacheRejected when its checksum or JSON is wrong. */
  section(i: number): unknown {
    if (this.parsed.has(i)) return this.parsed.get(i);
    const [start, end] = this.bounds[i];
    const bytes = this.buffer.subarray(start, end);
    if (sha256(bytes) !== this.sums[i]) throw new CacheRejected('its checksum does not match (truncated or corrupt)');
    let value: unknown;
    try { value = JSON.parse(bytes.toString('utf8')); } catch { throw new CacheRejected('its content is not valid JSON'); }
    this.parsed.set(i, value);
    return value;
  }
}

/** `writtenMs`: the file's modification time, from the handle it was read through (so of the very file read). */
export type ReadOutcome = { status: 'ok'; sections: CacheSections; writtenMs: number } | { status: 'absent' } | { status: 'rejected'; reason: string };

export function readCacheFile(file: string, sectionCount: number): ReadOutcome {
  let buffer: Buffer;
  let writtenMs: number;
  try {
    const fd = openSync(file, 'r');
    try {
      writtenMs = fstatSync(fd).mtimeMs;
      buffer = readFileSync(fd);
    } finally { closeSync(fd); }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { status: 'absent' } : { status: 'rejected', reason: `it could not be read (${code ?? (err as Error).message})` };
  }
  const lines: [number, number][] = [];
  for (let start = 0; start <= buffer.length && lines.length < sectionCount + 3;) {
    const nl = buffer.indexOf(10, start);
    const end = nl < 0 ? buffer.length : nl;
    lines.push([start, end]);
    if (nl < 0) break;
    start = nl + 1;
  }
  if (buffer.subarray(lines[0][0], lines[0][1]).toString('latin1') !== CACHE_MAGIC) return { status: 'rejected', reason: 'it is not a soc2 cache file of this format' };
  const sums = lines[1] ? buffer.subarray(lines[1][0], lines[1][1]).toString('latin1').split(' ') : [];
  // Exactly the sections expected, the last one ending the file: anything else is truncated or foreign.
  const bounds = lines.slice(2);
  if (sums.length !== sectionCount || bounds.length !== sectionCount || sums.some((s, i) => s.slice(s.indexOf(':') + 1) !== String(bounds[i][1] - bounds[i][0]))) {
    return { status: 'rejected', reason: 'it is truncated or has an unexpected layout' };
  }
  return { status: 'ok', sections: new CacheSections(buffer, bounds, sums.map((s) => s.slice(0, s.indexOf(':')))), writtenMs };
}

/** Writes the sections atomically (temporary file + rename); throws on failure, for the caller to report. */
export function writeCacheFile(file: string, sections: unknown[]): void {
  const texts = sections.map((s) => JSON.stringify(s));
  const dir = nodePath.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = nodePath.join(dir, `.${nodePath.basename(file)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, `${CACHE_MAGIC}\n${texts.map((t) => `${sha256(t)}:${Buffer.byteLength(t)}`).join(' ')}\n${texts.join('\n')}`);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
