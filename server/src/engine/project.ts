import picomatch from 'picomatch';
import type { Config, Control, Diagnostic, FileKind, FileModel, ParseProblem, Policy, Risk } from './model';
import { CONFIG_FILE, DEFAULT_MAX_FILE_BYTES, defaultConfig, DEFAULTS_IN_USE } from './parse-config';
import type { PolicyParseOptions } from './parse-policy';
import { parseFileModel } from './parse-file';
import type { BodyChange, GitHistory } from './git-history';
import { parseIsoDate, type IsoDate } from './dates';
import { controlEvidence, EvidenceFiles, joinPath, type ControlEvidence } from './evidence';
import { CriteriaCatalog } from '../catalog/criteria';
import { COVERING_STATUSES } from '../catalog/vocabulary';
import { prefixOf } from './ids';
import { CHECKS } from '../checks';
import type { Check, ProjectView } from '../checks/types';

export interface ProjectOptions {
  /** The date every date-based check measures against (`YYYY-MM-DD`). */
  today: IsoDate;
  catalog?: CriteriaCatalog;
  checks?: readonly Check[];
  /** Version history, when the workspace is a git repository the caller trusts; absent turns git checks off. */
  git?: GitHistory;
}

/** Counts of work done, so tests can assert that an edit re-parses and re-checks only what it must. */
export interface WorkCounters { parses: Map<string, number>; checkRuns: Map<string, number> }

/**
 * The index of one compliance repo: parsed models by file, ids, cross-references and evidence, with
 * per-file diagnostics computed lazily and invalidated precisely when a file changes.
 */
export class Project implements ProjectView {
  readonly catalog: CriteriaCatalog;
  /** Moved only through setToday (an editor left open past midnight). */
  today: Date;
  readonly checks: readonly Check[];
  /** Replaced only through setHistory, when the repository's history moves under an editor. */
  git?: GitHistory;
  config: Config = defaultConfig();
  configFile?: string;
  readonly counters: WorkCounters = { parses: new Map(), checkRuns: new Map() };
  /** Set while the workspace is still being indexed: only checks that need no other file run. */
  fileLocalOnly = false;

  private readonly files = new Map<string, FileModel>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly dirty = new Set<string>();
  private readonly controlsById = new Map<string, Control[]>();
  private readonly policiesById = new Map<string, Policy[]>();
  /** control id -> policies that list or mention it */
  private readonly policyRefs = new Map<string, Set<Policy>>();
  /** policy id -> controls that list it */
  private readonly controlRefs = new Map<string, Set<Control>>();
  private readonly prefixCounts = new Map<string, number>();
  /** criterion id -> controls that map it, and how many of those are implemented or partial */
  private readonly controlsByCriterion = new Map<string, Set<Control>>();
  private readonly coveringCounts = new Map<string, number>();
  private readonly risksById = new Map<string, Risk[]>();
  /** control id -> risks that name it */
  private readonly riskRefs = new Map<string, Set<Risk>>();
  /** `path\0approved_on` -> what git says of the body since; asked once per file and date, never per check run. */
  private readonly approvals = new Map<string, BodyChange | undefined>();
  private readonly evidenceCache = new Map<Control, ControlEvidence>();
  readonly evidenceFiles = new EvidenceFiles();
  private matchPolicy: (p: string) => boolean = () => false;
  private matchControls: (p: string) => boolean = () => false;
  private matchRisks: (p: string) => boolean = () => false;

  constructor(options: ProjectOptions) {
    const today = parseIsoDate(options.today);
    if (!today) throw new Error(`"today" must be a date written YYYY-MM-DD, not ${options.today}`);
    this.today = today;
    this.catalog = options.catalog ?? new CriteriaCatalog();
    this.checks = options.checks ?? CHECKS;
    this.git = options.git;
    this.applyConfig(this.config);
  }

  // ---- classification -------------------------------------------------------------------------

  /**
   * Largest file read, in bytes (`limits.max_file_bytes`). soc2.yaml itself is held to the default: were it
   * held to its own setting, a limit below its size would turn it off, which turns the limit off, and so on.
   */
  sizeLimit(path: string): number {
    return path === CONFIG_FILE ? DEFAULT_MAX_FILE_BYTES : this.config.maxFileBytes;
  }

  kindOf(path: string): FileKind {
    if (path === CONFIG_FILE) return 'config';
    if (this.matchPolicy(path)) return 'policy';
    if (this.matchControls(path)) return 'controls';
    if (this.matchRisks(path)) return 'risks';
    return 'other';
  }

  isEvidence(path: string): boolean {
    const root = this.config.paths.evidence.replace(/^\.\/?/, '');
    return root === '' || path.startsWith(root + '/');
  }

  private applyConfig(config: Config): void {
    this.config = config;
    const opts = { dot: false };
    this.matchPolicy = picomatch(config.paths.policies.map(stripDotSlash), opts);
    this.matchControls = picomatch(config.paths.controls.map(stripDotSlash), opts);
    this.matchRisks = picomatch(config.paths.risks.map(stripDotSlash), opts);
  }

  // ---- updates --------------------------------------------------------------------------------

  /**
   * Parses one file's new text and updates the index. Returns the files whose diagnostics may have
   * changed, and whether the file roles changed (soc2.yaml's paths), in which case the caller re-lists.
   */
  setFile(path: string, text: string, version = 0, extraProblems: ParseProblem[] = [], options: PolicyParseOptions = {}): { affected: Set<string>; rolesChanged: boolean } {
    const kind = this.kindOf(path);
    if (kind === 'other') return { affected: new Set(), rolesChanged: false };
    const model = this.parse(path, kind, text, version, options);
    model.problems.unshift(...extraProblems);
    return this.replace(path, model);
  }

  /** Records a file that could not be read or parsed at all, with the problem to show on it. */
  setUnreadable(path: string, code: string, message: string): { affected: Set<string>; rolesChanged: boolean } {
    const kind = this.kindOf(path);
    if (kind === 'config') message = `${message} ${DEFAULTS_IN_USE}`;
    const model: FileModel = { path, kind, version: 0, problems: [{ code, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], controls: [], lineCount: 1 };
    return this.replace(path, model);
  }

  removeFile(path: string): Set<string> {
    if (this.evidenceFiles.has(path)) { this.evidenceFiles.remove(path); return this.evidenceChanged(path); }
    const old = this.files.get(path);
    if (!old) return new Set();
    const affected = this.dependents(old, undefined);
    this.unindex(old);
    this.files.delete(path);
    this.diagnostics.delete(path);
    this.dirty.delete(path);
    affected.delete(path);
    for (const f of affected) this.dirty.add(f);
    affected.add(path);
    return affected;
  }

  /** Registers a file that exists in the workspace; evidence files are tracked by name only. */
  addEvidenceFile(path: string): Set<string> {
    if (!this.isEvidence(path) || this.evidenceFiles.has(path)) return new Set();
    this.evidenceFiles.add(path);
    return this.evidenceChanged(path);
  }

  setEvidenceFiles(paths: Iterable<string>): void {
    this.evidenceFiles.set([...paths].filter((p) => this.isEvidence(p)));
    this.evidenceCache.clear();
    for (const f of this.files.keys()) this.dirty.add(f);
  }

  private evidenceChanged(path: string): Set<string> {
    const affected = new Set<string>();
    for (const [control] of this.evidenceCache) {
      if (control.evidence.some((e) => e.path && (path === joinPath(this.config.paths.evidence, e.path.value) || path.startsWith(joinPath(this.config.paths.evidence, e.path.value) + '/')))) {
        this.evidenceCache.delete(control);
        affected.add(control.file);
      }
    }
    for (const f of affected) this.dirty.add(f);
    return affected;
  }

  private parse(path: string, kind: FileKind, text: string, version: number, options: PolicyParseOptions): FileModel {
    this.counters.parses.set(path, (this.counters.parses.get(path) ?? 0) + 1);
    return parseFileModel(path, kind, text, version, options, this.sizeLimit(path));
  }

  /**
   * Indexes a model parsed elsewhere (a worker thread), exactly as setFile would after parsing. The
   * caller must have parsed it with `parseFileModel` for the kind and size limit this project gives the path.
   */
  setParsed(model: FileModel): { affected: Set<string>; rolesChanged: boolean } {
    this.counters.parses.set(model.path, (this.counters.parses.get(model.path) ?? 0) + 1);
    return this.replace(model.path, model);
  }

  private replace(path: string, model: FileModel): { affected: Set<string>; rolesChanged: boolean } {
    const old = this.files.get(path);
    let rolesChanged = false;
    if (model.kind === 'config') {
      const config = model.config ?? defaultConfig(path);
      // A new size limit changes which files are read at all, as new paths do: the caller re-lists.
      rolesChanged = JSON.stringify(config.paths) !== JSON.stringify(this.config.paths) || config.maxFileBytes !== this.config.maxFileBytes;
      this.configFile = path;
      this.applyConfig(config);
      this.evidenceCache.clear();
    }
    const affected = this.dependents(old, model);
    if (old) this.unindex(old);
    this.files.set(path, model);
    if (model.policy) this.recordApproval(model.policy);
    this.index(model);
    if (model.kind === 'config') for (const f of this.files.keys()) affected.add(f);
    affected.add(path);
    for (const f of affected) this.dirty.add(f);
    return { affected, rolesChanged };
  }

  /** Files whose diagnostics can change when `old` becomes `next`: the dependency rules of the checks. */
  private dependents(old: FileModel | undefined, next: FileModel | undefined): Set<string> {
    const out = new Set<string>();
    for (const m of [old, next]) {
      if (!m) continue;
      for (const c of m.controls) {
        for (const other of this.controlsById.get(c.id) ?? []) out.add(other.file);
        for (const p of this.policyRefs.get(c.id) ?? []) out.add(p.file);
        for (const p of c.policies) for (const pol of this.policiesById.get(p.value) ?? []) out.add(pol.file);
      }
      const pol = m.policy;
      if (pol) {
        for (const other of this.policiesById.get(pol.id) ?? []) out.add(other.file);
        for (const c of this.controlRefs.get(pol.id) ?? []) out.add(c.file);
        for (const ref of [...pol.controls, ...pol.mentions]) {
          const id = 'value' in ref ? ref.value : ref.id;
          for (const c of this.controlsById.get(id) ?? []) out.add(c.file);
        }
      }
    }
    for (const m of [old, next]) {
      // Risks check the controls they name (risk-untreated, risk-unknown-control) and each other's ids.
      for (const c of m?.controls ?? []) for (const r of this.riskRefs.get(c.id) ?? []) out.add(r.file);
      for (const r of m?.risks ?? []) for (const other of this.risksById.get(r.id) ?? []) out.add(other.file);
    }
    if ((old?.controls.length || next?.controls.length) && this.configFile) out.add(this.configFile);
    // A prefix appearing or disappearing changes which id-shaped words in every policy are references.
    if (this.prefixesChange(old, next)) for (const pol of this.allPolicies()) out.add(pol.file);
    return out;
  }

  private prefixesChange(old: FileModel | undefined, next: FileModel | undefined): boolean {
    const delta = new Map<string, number>();
    for (const c of old?.controls ?? []) delta.set(prefixOf(c.id), (delta.get(prefixOf(c.id)) ?? 0) - 1);
    for (const c of next?.controls ?? []) delta.set(prefixOf(c.id), (delta.get(prefixOf(c.id)) ?? 0) + 1);
    for (const [prefix, d] of delta) {
      const before = this.prefixCounts.get(prefix) ?? 0;
      if ((before > 0) !== (before + d > 0)) return true;
    }
    return false;
  }

  /** Keeps, per criterion, its mapping controls and how many of them cover it (implemented or partial). */
  private countCoverage(c: Control, delta: 1 | -1): void {
    const covering = !!c.status && COVERING_STATUSES.has(c.status.value);
    for (const id of c.criteria) {
      if (delta > 0) addTo(this.controlsByCriterion, id.value, c); else this.controlsByCriterion.get(id.value)?.delete(c);
      if (covering) this.coveringCounts.set(id.value, (this.coveringCounts.get(id.value) ?? 0) + delta);
    }
  }

  private index(m: FileModel): void {
    for (const c of m.controls) {
      push(this.controlsById, c.id, c);
      this.countCoverage(c, 1);
      for (const p of c.policies) addTo(this.controlRefs, p.value, c);
      const prefix = prefixOf(c.id);
      this.prefixCounts.set(prefix, (this.prefixCounts.get(prefix) ?? 0) + 1);
    }
    const pol = m.policy;
    if (pol) {
      push(this.policiesById, pol.id, pol);
      for (const c of pol.controls) addTo(this.policyRefs, c.value, pol);
      for (const c of pol.mentions) addTo(this.policyRefs, c.id, pol);
    }
    for (const r of m.risks ?? []) {
      push(this.risksById, r.id, r);
      for (const c of r.controls) addTo(this.riskRefs, c.value, r);
    }
  }

  private unindex(m: FileModel): void {
    for (const c of m.controls) {
      pull(this.controlsById, c.id, c);
      this.countCoverage(c, -1);
      for (const p of c.policies) this.controlRefs.get(p.value)?.delete(c);
      const prefix = prefixOf(c.id);
      const n = (this.prefixCounts.get(prefix) ?? 1) - 1;
      if (n <= 0) this.prefixCounts.delete(prefix); else this.prefixCounts.set(prefix, n);
      this.evidenceCache.delete(c);
    }
    const pol = m.policy;
    if (pol) {
      pull(this.policiesById, pol.id, pol);
      for (const c of pol.controls) this.policyRefs.get(c.value)?.delete(pol);
      for (const c of pol.mentions) this.policyRefs.get(c.id)?.delete(pol);
    }
    for (const r of m.risks ?? []) {
      pull(this.risksById, r.id, r);
      for (const c of r.controls) this.riskRefs.get(c.value)?.delete(r);
    }
  }

  /**
   * Swaps the version history (the editor saw a commit or a checkout): what git said is forgotten and asked
   * again for every policy with an approval date. Returns those policies' files, to re-check.
   */
  setHistory(git: GitHistory | undefined): Set<string> {
    this.git = git;
    this.approvals.clear();
    const affected = new Set<string>();
    for (const pol of this.allPolicies()) {
      if (!pol.approvedOn) continue;
      this.recordApproval(pol);
      affected.add(pol.file);
      this.dirty.add(pol.file);
    }
    return affected;
  }

  /** Asks git about a policy's body once per approval date; later check runs read the answer. */
  private recordApproval(pol: Policy): void {
    const date = pol.approvedOn?.value;
    if (!this.git || !date || !parseIsoDate(date)) return;
    const key = `${pol.file}\0${date}`;
    if (this.approvals.has(key)) return;
    let answer: BodyChange | undefined;
    try { answer = this.git.bodyChangedSince(pol.file, date); } catch { answer = undefined; }
    this.approvals.set(key, answer);
  }

  // ---- queries (ProjectView) ------------------------------------------------------------------

  file(path: string): FileModel | undefined { return this.files.get(path); }
  allFiles(): IterableIterator<FileModel> { return this.files.values(); }
  controls(id: string): readonly Control[] { return this.controlsById.get(id) ?? []; }
  policies(id: string): readonly Policy[] { return this.policiesById.get(id) ?? []; }
  risks(id: string): readonly Risk[] { return this.risksById.get(id) ?? []; }
  *allRisks(): Iterable<Risk> { for (const m of this.files.values()) yield* m.risks ?? []; }
  risksNaming(controlId: string): readonly Risk[] { return [...(this.riskRefs.get(controlId) ?? [])]; }
  approvalChange(policy: Policy): BodyChange | undefined {
    const date = policy.approvedOn?.value;
    return date ? this.approvals.get(`${policy.file}\0${date}`) : undefined;
  }
  *allControls(): Iterable<Control> { for (const m of this.files.values()) yield* m.controls; }
  *allPolicies(): Iterable<Policy> { for (const m of this.files.values()) if (m.policy) yield m.policy; }
  policiesReferencing(controlId: string): readonly Policy[] { return [...(this.policyRefs.get(controlId) ?? [])]; }
  controlsListing(policyId: string): readonly Control[] { return [...(this.controlRefs.get(policyId) ?? [])]; }
  /** Whether an implemented or partial control maps the criterion: O(1), so soc2.yaml's check stays cheap per edit. */
  isCovered(criterionId: string): boolean { return (this.coveringCounts.get(criterionId) ?? 0) > 0; }
  controlsMapping(criterionId: string): readonly Control[] { return [...(this.controlsByCriterion.get(criterionId) ?? [])]; }
  hasControlPrefix(prefix: string): boolean { return this.prefixCounts.has(prefix); }

  evidenceOf(control: Control): ControlEvidence {
    let e = this.evidenceCache.get(control);
    if (!e) { e = controlEvidence(control, this.config.paths.evidence, this.evidenceFiles); this.evidenceCache.set(control, e); }
    return e;
  }

  inScope(category: string): boolean {
    return category === 'security' || this.config.categories.some((c) => c.value === category);
  }

  isExcluded(criterionId: string): boolean {
    return this.config.exclusions.some((e) => e.criterion.value === criterionId);
  }

  // ---- diagnostics ----------------------------------------------------------------------------

  /** The diagnostics of one file, re-running its checks only when something it depends on changed. */
  diagnosticsFor(path: string): Diagnostic[] {
    const model = this.files.get(path);
    if (!model) return [];
    if (this.fileLocalOnly) return this.runChecks(model, true);
    if (!this.dirty.has(path) && this.diagnostics.has(path)) return this.diagnostics.get(path)!;
    const out = this.runChecks(model);
    this.diagnostics.set(path, out);
    this.dirty.delete(path);
    return out;
  }

  /**
   * Takes a file's diagnostics as computed by an earlier run (the persistent cache) instead of running its
   * checks. Only for a file the caller knows nothing it depends on has changed since; the next change that
   * affects it marks it dirty again as usual.
   */
  restoreDiagnostics(path: string, diagnostics: Diagnostic[]): void {
    if (!this.files.has(path)) return;
    this.diagnostics.set(path, diagnostics);
    this.dirty.delete(path);
  }

  /**
   * A new day (an editor left open past midnight): every file's checks run again against it, lazily as
   * usual and counted in `counters.checkRuns`; nothing is re-parsed. Returns the files whose diagnostics may change.
   */
  setToday(today: IsoDate): Set<string> {
    const date = parseIsoDate(today);
    if (!date) throw new Error(`"today" must be a date written YYYY-MM-DD, not ${today}`);
    if (date.getTime() === this.today.getTime()) return new Set();
    this.today = date;
    for (const f of this.files.keys()) this.dirty.add(f);
    return new Set(this.files.keys());
  }

  /** Every file's diagnostics, files in path order. */
  allDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const path of [...this.files.keys()].sort()) out.push(...this.diagnosticsFor(path));
    return out;
  }

  private runChecks(model: FileModel, fileLocalOnly = false): Diagnostic[] {
    this.counters.checkRuns.set(model.path, (this.counters.checkRuns.get(model.path) ?? 0) + 1);
    const out: Diagnostic[] = [];
    for (const check of this.checks) {
      if (!check.appliesTo.includes(model.kind) || (fileLocalOnly && check.crossFile)) continue;
      const override = this.config.checks[check.code];
      if (override === 'off') continue;
      try {
        check.run(model, this, (f) => out.push({
          file: model.path, range: f.range, severity: override ?? f.severity ?? check.severity, code: check.code,
          message: f.message, ...(f.related ? { related: f.related } : {}), ...(f.data ? { data: f.data } : {}),
        }));
      } catch (err) {
        out.push({ file: model.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'internal-error', message: `The ${check.code} check failed on this file: ${(err as Error).message}. Please report this.` });
      }
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
    return out;
  }
}

function stripDotSlash(g: string): string { return g.replace(/^\.\//, ''); }
function push<K, V>(m: Map<K, V[]>, k: K, v: V): void { const a = m.get(k); if (a) a.push(v); else m.set(k, [v]); }
function pull<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (!a) return;
  const i = a.indexOf(v);
  if (i >= 0) a.splice(i, 1);
  if (!a.length) m.delete(k);
}
function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void { const s = m.get(k); if (s) s.add(v); else m.set(k, new Set([v])); }
