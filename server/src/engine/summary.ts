import type { Project } from './project';
import type { Diagnostic, Severity } from './model';
import { toIso, type IsoDate } from './dates';
import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import { creditOf } from './readiness';
import { pastOccurrences } from './evidence';
export { creditOf, type Credit } from './readiness';
import { remediationPlan, type RemediationItem } from './remediation';
import { registerSummary, type CuecRow, type VendorRow } from './register-summary';
import { frameworksReadiness, type FrameworkReadiness } from './framework-readiness';

export type CriterionStatus = 'covered' | 'partial' | 'gap' | 'excluded' | 'out-of-scope';

export interface Location { file: string; line: number }

export interface ReadinessSummary {
  organization?: string;
  today: IsoDate;
  report: { type: 1 | 2; period?: { start: string; end: string } };
  /** round(100 * (covered + 0.5 * partial) / (in-scope criteria - excluded)); see creditOf for what counts. */
  readiness: number;
  categories: { id: string; name: string; inScope: boolean; criteria: number; covered: number; partial: number; gap: number; excluded: number }[];
  criteria: { id: string; category: string; series: string; summary: string; status: CriterionStatus; controls: string[]; policies: string[]; exclusionReason?: string;
    /** The mapping controls that are only planned (or have no status), shown beside a gap; they earn no credit. */
    planned?: string[] }[];
  /** Diagnostics per code. */
  counts: Record<string, number>;
  severities: Record<Severity, number>;
  /** In-scope criteria without an implemented control: gaps first, then partial ones. */
  gaps: { id: string; summary: string; status: 'gap' | 'partial';
    /** The partial controls (a partial criterion) */
    controls: string[];
    /** The planned controls, shown as "planned" beside the gap or the partial criterion. */
    planned?: string[] }[];
  owners: { owner: string; controls: string[]; policies: string[] }[];
  /** Where each control and policy is defined, for links. */
  locations: Record<string, Location>;
  /** Findings grouped for the summary views. */
  findings: { staleReviews: Diagnostic[]; mismatches: Diagnostic[]; evidence: Diagnostic[]; ownership: Diagnostic[]; errors: Diagnostic[] };
  totals: { policies: number; controls: number; controlsByStatus: Record<string, number> };
  // Optional only so summaries built by hand (webview test fixtures) stay valid; computeSummary always sets them.
  /** The risk register, highest score first. */
  risks?: RiskRow[];
  /** Counts of scored risks: heatMap[likelihood - 1][impact - 1]. */
  heatMap?: number[][];
  /** Each implemented control's evidence: newest occurrence and the evidence findings on it. */
  evidence?: EvidenceRow[];
  /** The vendor register (subservice organisations first) and the description's CUECs. */
  vendors?: VendorRow[];
  cuecs?: CuecRow[];
  /** Readiness of each other framework in scope (soc2.yaml `frameworks:`), in the order written. */
  frameworks?: FrameworkReadiness[];
  /** Gaps and partial criteria with the controls planned to close them, unplanned first, then soonest target. */
  remediation?: RemediationItem[];
}

export interface RiskRow {
  id: string; title?: string; owner?: string; likelihood?: number; impact?: number;
  /** likelihood × impact, when both are given. */
  score?: number;
  treatment?: string; controls: string[];
}

export interface EvidenceRow {
  control: string; title?: string; owner?: string; frequency?: string;
  /** How many dated occurrences, and the newest one. */
  occurrences: number; newest?: string;
  /** Codes of the evidence findings on this control; empty when its evidence is in order. */
  problems: string[];
}

/** The coverage of one criterion from how many `implemented` and `partial` controls map it (planned ones do not count). */
export function criterionStatus(inScope: boolean, excluded: boolean, implemented: number, partial: number): CriterionStatus {
  if (!inScope) return 'out-of-scope';
  if (excluded) return 'excluded';
  if (implemented) return 'covered';
  if (partial) return 'partial';
  return 'gap';
}

/** The readiness summary: a pure function of the project's index and its diagnostics. */
export function computeSummary(project: Project, diagnostics: Diagnostic[] = project.allDiagnostics()): ReadinessSummary {
  const { config, catalog } = project;
  const byCriterion = new Map<string, { implemented: string[]; partial: string[]; planned: string[]; policies: string[] }>();
  const entry = (id: string) => {
    let e = byCriterion.get(id);
    if (!e) { e = { implemented: [], partial: [], planned: [], policies: [] }; byCriterion.set(id, e); }
    return e;
  };
  // Keyed by ids and values from the repo: no prototype, so `__proto__` or `constructor` are plain keys.
  const locations: Record<string, Location> = Object.create(null);
  const owners = new Map<string, { controls: string[]; policies: string[] }>();
  const owner = (name: string) => { let o = owners.get(name); if (!o) { o = { controls: [], policies: [] }; owners.set(name, o); } return o; };
  const controlsByStatus: Record<string, number> = Object.create(null);
  let controls = 0, policies = 0;
  for (const c of project.allControls()) {
    controls++;
    locations[c.id] ??= { file: c.file, line: c.idRange.start.line + 1 };
    const status = c.status?.value ?? 'unspecified';
    controlsByStatus[status] = (controlsByStatus[status] ?? 0) + 1;
    if (c.owner) owner(c.owner.value).controls.push(c.id);
    const credit = creditOf(c.status?.value);
    for (const id of c.criteria) if (credit !== 'none') entry(id.value)[credit].push(c.id);
  }
  for (const p of project.allPolicies()) {
    policies++;
    locations[p.id] ??= { file: p.file, line: p.idRange.start.line + 1 };
    if (p.owner) owner(p.owner.value).policies.push(p.id);
    for (const id of p.criteria) entry(id.value).policies.push(p.id);
  }

  const criteria: ReadinessSummary['criteria'] = [];
  const categories: ReadinessSummary['categories'] = [];
  const gaps: ReadinessSummary['gaps'] = [];
  let covered = 0, partial = 0, counted = 0;
  for (const cat of catalog.framework.categories) {
    const inScope = project.inScope(cat.id);
    const row = { id: cat.id, name: cat.name, inScope, criteria: 0, covered: 0, partial: 0, gap: 0, excluded: 0 };
    for (const cr of catalog.framework.criteria) {
      if (cr.category !== cat.id) continue;
      row.criteria++;
      const e = byCriterion.get(cr.id);
      const exclusion = config.exclusions.find((x) => x.criterion.value === cr.id);
      const status = criterionStatus(inScope, !!exclusion, e?.implemented.length ?? 0, e?.partial.length ?? 0);
      const planned = e?.planned ?? [];
      if (status !== 'out-of-scope') row[status]++;
      if (inScope && status !== 'excluded') counted++;
      if (status === 'covered') covered++;
      if (status === 'partial') partial++;
      if (status === 'gap' || status === 'partial') gaps.push({ id: cr.id, summary: cr.summary, status, controls: e?.partial ?? [], ...(planned.length ? { planned } : {}) });
      criteria.push({
        id: cr.id, category: cr.category, series: cr.series, summary: cr.summary, status,
        controls: [...(e?.implemented ?? []), ...(e?.partial ?? []), ...planned], policies: e?.policies ?? [],
        ...(planned.length ? { planned } : {}),
        ...(exclusion?.reason ? { exclusionReason: exclusion.reason } : {}),
      });
    }
    categories.push(row);
  }
  gaps.sort((a, b) => (a.status === b.status ? 0 : a.status === 'gap' ? -1 : 1));

  const counts: Record<string, number> = Object.create(null);
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) {
    counts[d.code] = (counts[d.code] ?? 0) + 1;
    severities[d.severity]++;
  }
  const pick = (...codes: string[]) => diagnostics.filter((d) => codes.includes(d.code));
  const { risks, heatMap } = riskRegister(project);
  return {
    organization: config.organization,
    today: toIso(project.today),
    report: { type: config.reportType, ...(config.period ? { period: { start: config.period.start.value, end: config.period.end.value } } : {}) },
    readiness: counted ? Math.round((100 * (covered + 0.5 * partial)) / counted) : 0,
    categories,
    criteria,
    counts,
    severities,
    gaps,
    owners: [...owners].sort(([a], [b]) => a.localeCompare(b)).map(([name, o]) => ({ owner: name, controls: o.controls.sort(), policies: o.policies.sort() })),
    locations,
    findings: {
      staleReviews: pick('stale-review', 'review-due-soon', 'missing-review-date'),
      mismatches: pick('frequency-mismatch', 'policy-frequency-conflict', 'one-sided-link'),
      evidence: pick(...EVIDENCE_CODES),
      ownership: pick('missing-owner', 'unknown-owner', 'owner-departed'),
      errors: diagnostics.filter((d) => d.severity === 'error'),
    },
    totals: { policies, controls, controlsByStatus },
    risks,
    heatMap,
    evidence: evidenceRows(project, diagnostics),
    ...registerSummary(project, diagnostics),
    frameworks: frameworksReadiness(project),
    remediation: remediationPlan(gaps, (id) => project.controlsMapping(id)),
  };
}

/** The register as rows, highest score first (unscored last), with the 5×5 likelihood × impact counts. */
function riskRegister(project: Project): { risks: RiskRow[]; heatMap: number[][] } {
  const heatMap = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const risks: RiskRow[] = [];
  for (const r of project.allRisks()) {
    const likelihood = r.likelihood?.value, impact = r.impact?.value;
    if (likelihood && impact) heatMap[likelihood - 1][impact - 1]++;
    risks.push({
      id: r.id, title: r.title, owner: r.owner?.value, likelihood, impact,
      score: likelihood && impact ? likelihood * impact : undefined,
      treatment: r.treatment?.value, controls: r.controls.map((c) => c.value),
    });
  }
  risks.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id));
  return { risks, heatMap };
}

const EVIDENCE_CODES = new Set(['evidence-missing', 'evidence-stale', 'evidence-gap', 'evidence-future-dated']);

function evidenceRows(project: Project, diagnostics: Diagnostic[]): EvidenceRow[] {
  const problems = new Map<string, Set<string>>();
  for (const d of diagnostics) {
    if (!EVIDENCE_CODES.has(d.code)) continue;
    const control = project.file(d.file)?.controls.find((c) => startsIn(d.range, c.range));
    if (!control) continue; // on soc2.yaml, a policy, or between controls
    (problems.get(control.id) ?? problems.set(control.id, new Set()).get(control.id)!).add(d.code);
  }
  const rows: EvidenceRow[] = [];
  for (const c of project.allControls()) {
    if (c.status?.value !== 'implemented') continue;
    const occ = pastOccurrences(project.evidenceOf(c).occurrences, project.today);
    rows.push({
      control: c.id, title: c.title, owner: c.owner?.value,
      // Stryker disable next-line StringLiteral: any string that is no frequency id gives the same answer as ''
      frequency: FREQUENCY_BY_ID.has(c.frequency?.value ?? '') ? c.frequency!.value : undefined,
      occurrences: occ.length, newest: occ[occ.length - 1]?.date, problems: [...(problems.get(c.id) ?? [])].sort(),
    });
  }
  return rows.sort((a, b) => a.control.localeCompare(b.control));
}

type Position = { line: number; character: number };
/**
 * Whether a finding starts inside a control's range. The range's end is exclusive: it is where the next control
 * starts (line L, character 0), so a finding on the next control's first line belongs to that control.
 */
function startsIn(inner: { start: Position }, outer: { start: Position; end: Position }): boolean {
  return !before(inner.start, outer.start) && before(inner.start, outer.end);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
