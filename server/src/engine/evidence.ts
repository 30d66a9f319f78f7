import type { Control, Located } from './model';
import { lastDayOfMonth, lastDayOfQuarter, parseIsoDate, toIso, type IsoDate } from './dates';
import type { Range } from './text';

/** One dated piece of evidence: a file named with a date, or a date listed under `collected`. */
export interface Occurrence { date: IsoDate; file?: string; range?: Range }

const DAY = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const QUARTER = /(?<!\d)(\d{4})-?Q([1-4])(?![0-9])/i;
const MONTH = /(?<!\d)(\d{4})-(\d{2})(?!\d|-\d)/;

/**
 * The date a file name stands for: an ISO day, else a quarter (its last day), else a month (its last day).
 * Undefined for names without a date, or with an impossible one (2026-02-30).
 */
export function dateFromFileName(name: string): IsoDate | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const d = DAY.exec(base);
  if (d) { const date = parseIsoDate(d[0]); return date ? toIso(date) : undefined; }
  const q = QUARTER.exec(base);
  if (q) return toIso(lastDayOfQuarter(+q[1], +q[2]));
  const m = MONTH.exec(base);
  if (m && +m[2] >= 1 && +m[2] <= 12) return toIso(lastDayOfMonth(+m[1], +m[2]));
  return undefined;
}

/** Sorted list of workspace files, queried by folder prefix. */
export class EvidenceFiles {
  private files: string[] = [];
  constructor(files: Iterable<string> = []) { this.set(files); }
  set(files: Iterable<string>): void {
    const list = [...files];
    // A listing arrives sorted and without repeats: checking that is cheaper than sorting 20,000 paths again.
    let ordered = true;
    for (let i = 1; i < list.length && ordered; i++) ordered = list[i - 1] < list[i];
    this.files = ordered ? list : [...new Set(list)].sort();
  }
  add(file: string): void { if (!this.has(file)) { this.files.splice(this.lowerBound(file), 0, file); } }
  remove(file: string): void { const i = this.lowerBound(file); if (this.files[i] === file) this.files.splice(i, 1); }
  has(file: string): boolean { return this.files[this.lowerBound(file)] === file; }
  get size(): number { return this.files.length; }
  all(): readonly string[] { return this.files; }
  /** The file itself, or every file below the folder. */
  under(path: string): string[] {
    const clean = path.replace(/\/+$/, '');
    if (this.has(clean)) return [clean];
    const prefix = clean + '/';
    const out: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.files.length && this.files[i].startsWith(prefix); i++) out.push(this.files[i]);
    return out;
  }
  private lowerBound(s: string): number {
    let lo = 0, hi = this.files.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.files[mid] < s) lo = mid + 1; else hi = mid; }
    return lo;
  }
}

export function joinPath(root: string, rel: string): string {
  const parts: string[] = [];
  for (const p of `${root}/${rel}`.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop(); else parts.push(p);
  }
  return parts.join('/');
}

export interface ControlEvidence {
  occurrences: Occurrence[];
  /** Evidence items whose `path` matches nothing in the workspace. */
  missingPaths: Located<string>[];
}

/** Every occurrence of a control's evidence, oldest first. */
export function controlEvidence(control: Control, evidenceRoot: string, files: EvidenceFiles): ControlEvidence {
  const occurrences: Occurrence[] = [];
  const missingPaths: Located<string>[] = [];
  for (const item of control.evidence) {
    if (item.path) {
      const found = files.under(joinPath(evidenceRoot, item.path.value));
      if (!found.length) missingPaths.push(item.path);
      for (const f of found) {
        const date = dateFromFileName(f);
        if (date) occurrences.push({ date, file: f });
      }
    }
    for (const c of item.collected) {
      const date = parseIsoDate(c.value);
      if (date) occurrences.push({ date: toIso(date), range: c.range });
    }
  }
  occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { occurrences, missingPaths };
}

/**
 * The occurrences dated on or before `today`. Evidence dated later (a typo in a file name, `2062-01-10-review.pdf`)
 * cannot have been produced yet: it is reported by evidence-future-dated and counts for neither staleness nor gaps.
 */
export function pastOccurrences(occurrences: readonly Occurrence[], today: Date): Occurrence[] {
  const t = toIso(today);
  return occurrences.filter((o) => o.date <= t);
}

export function futureOccurrences(occurrences: readonly Occurrence[], today: Date): Occurrence[] {
  const t = toIso(today);
  return occurrences.filter((o) => o.date > t);
}
