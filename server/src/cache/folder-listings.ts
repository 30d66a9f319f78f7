import type { FolderListingCache, StatStamp } from '../engine/workspace';
import { RACY_MARGIN_MS, unchangedSince } from './file-signature';

/** Each folder read, by its path in the repo ('' for the root): its stamp, its files' names and its folders' names. */
export type StoredListings = Record<string, [stamp: StatStamp, files: string[], folders: string[]]>;

/** A name a folder could really hold: anything else in a cache file is damage, and never becomes a path. */
function isName(n: unknown): n is string {
  return typeof n === 'string' && n !== '' && n !== '.' && n !== '..' && !n.includes('/') && !n.includes('\\') && !n.includes('\0');
}

function isEntry(e: unknown): e is StoredListings[string] {
  return Array.isArray(e) && e.length === 3 && Array.isArray(e[0]) && e[0].length === 4 && e[0].every((v: unknown) => typeof v === 'number')
    && Array.isArray(e[1]) && e[1].every(isName) && Array.isArray(e[2]) && e[2].every(isName);
}

/**
 * The folder listings of the last cached run: a warm `soc2 check` stats each folder instead of reading it
 * (8,500 folders at the benchmark's scale 1: their reads were a third of a warm run), and reads only the
 * folders whose stamp changed or was recorded too close to the cache's writing (the racy rule of file-signature.ts).
 * Everything listed in this run, read or reused, is recorded again for the next.
 */
export class FolderListings implements FolderListingCache {
  readonly recorded: StoredListings = {};
  /** Folders read, and folders whose recorded listing was used: tests count them. */
  read = 0;
  reused = 0;

  constructor(private readonly stored: unknown, private readonly writtenMs: number | undefined, private readonly margin: () => number = () => RACY_MARGIN_MS) {}

  entries(rel: string, stamp: StatStamp): { files: readonly string[]; folders: readonly string[] } | undefined {
    const entry = this.stored && typeof this.stored === 'object' ? (this.stored as Record<string, unknown>)[rel] : undefined;
    if (!Object.hasOwn(this.stored ?? {}, rel) || !isEntry(entry) || !unchangedSince(entry[0], stamp, this.writtenMs, this.margin())) return undefined;
    this.recorded[rel] = entry;
    this.reused++;
    return { files: entry[1], folders: entry[2] };
  }

  record(rel: string, stamp: StatStamp, listing: { files: readonly string[]; folders: readonly string[] } | undefined): void {
    if (listing) this.recorded[rel] = [stamp, [...listing.files], [...listing.folders]];
    this.read++;
  }
}
