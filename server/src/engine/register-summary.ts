import type { Diagnostic } from './model';
import { toIso, type IsoDate } from './dates';
import { reviewDueDate } from './review';
import type { Config } from './model';
import type { RegisterView } from './register-index';
import type { Vendor } from './register-model';
import { CRITICALITIES } from '../catalog/vendor-vocabulary';

/** One vendor in the readiness summary: what an auditor's vendor-management request asks for. */
export interface VendorRow {
  id: string; name?: string; service?: string; owner?: string;
  criticality?: string;
  /** carve-out | inclusive | no, when recorded. */
  subservice?: string;
  assurance?: { type?: string; periodStart?: IsoDate; periodEnd?: IsoDate; received?: IsoDate; bridgeLetterUntil?: IsoDate };
  csocs: number;
  nextReview?: IsoDate;
  /** Codes of the findings on this vendor, sorted; empty when it is in order. */
  problems: string[];
  file: string; line: number;
}

/** A complementary user entity control from the system description's front matter. */
export interface CuecRow { id?: string; description?: string; criteria: string[] }

/** The vendor table and CUECs of the summary; computeSummary spreads this in. */
export function registerSummary(project: { register: RegisterView; config: Config }, diagnostics: readonly Diagnostic[]): { vendors: VendorRow[]; cuecs: CuecRow[] } {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) (byFile.get(d.file) ?? byFile.set(d.file, []).get(d.file)!).push(d);
  // A finding belongs to the last vendor of its file that starts at or before it (a mapping's range runs
  // to the start of the next item's line, so containment alone would give it to both).
  const problemsOf = new Map<Vendor, Set<string>>();
  for (const [file, ds] of byFile) {
    const inFile = [...project.register.allVendors()].filter((v) => v.file === file);
    if (!inFile.length) continue;
    for (const d of ds) {
      let owner: Vendor | undefined;
      for (const v of inFile) if (v.range.start.line <= d.range.start.line && d.range.start.line <= v.range.end.line && (!owner || v.range.start.line >= owner.range.start.line)) owner = v;
      if (owner) (problemsOf.get(owner) ?? problemsOf.set(owner, new Set()).get(owner)!).add(d.code);
    }
  }
  const vendors: VendorRow[] = [];
  for (const v of project.register.allVendors()) {
    const problems = problemsOf.get(v) ?? new Set<string>();
    const a = v.assurance;
    const due = reviewDueDate(v.lastReviewed?.value, v.reviewCycle?.value, project.config.defaultCycle);
    vendors.push({
      id: v.id, name: v.name, service: v.service, owner: v.owner?.value, criticality: v.criticality?.value, subservice: v.subservice?.value,
      ...(a ? { assurance: { type: a.type?.value, periodStart: a.periodStart?.value, periodEnd: a.periodEnd?.value, received: a.received?.value, bridgeLetterUntil: a.bridgeLetterUntil?.value } } : {}),
      csocs: v.csocs.length,
      ...(due ? { nextReview: toIso(due) } : {}),
      problems: [...problems].sort(),
      file: v.file, line: v.idRange.start.line + 1,
    });
  }
  vendors.sort((x, y) => rank(x) - rank(y) || x.id.localeCompare(y.id));
  const cuecs = (project.register.description()?.cuecs ?? []).map((c) => ({ id: c.id, description: c.description, criteria: c.criteria.map((x) => x.value) }));
  return { vendors, cuecs };
}

const CRITICALITY_ORDER = new Map(CRITICALITIES.map((c, i) => [c.id, i]));

/** Subservice organisations first, then by criticality. */
function rank(v: VendorRow): number {
  const sub = v.subservice === 'carve-out' || v.subservice === 'inclusive' ? 0 : 10;
  return sub + (CRITICALITY_ORDER.get(v.criticality ?? '') ?? 3);
}

export function vendorsJson(rows: readonly VendorRow[] | undefined): object[] {
  return (rows ?? []).map((v) => ({
    id: v.id, name: v.name ?? null, service: v.service ?? null, owner: v.owner ?? null, criticality: v.criticality ?? null, subservice: v.subservice ?? null,
    assurance: v.assurance ? { type: v.assurance.type ?? null, periodStart: v.assurance.periodStart ?? null, periodEnd: v.assurance.periodEnd ?? null, received: v.assurance.received ?? null, bridgeLetterUntil: v.assurance.bridgeLetterUntil ?? null } : null,
    csocs: v.csocs, nextReview: v.nextReview ?? null, problems: v.problems, file: v.file, line: v.line,
  }));
}
