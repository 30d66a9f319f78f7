import { idShape } from './ids';
import type { Config, Control, Diagnostic, FileKind, FileModel, ParseProblem, Policy, Risk } from './model';
import { DEFAULTS_IN_USE, defaultConfig } from './parse-config';
import type { PolicyParseOptions } from './parse-policy';
import { parseFileModel } from './parse-file';
import type { BodyChange, GitHistory } from './git-history';
import { parseIsoDate, type IsoDate } from './dates';
import type { ControlEvidence, EvidenceFiles } from './evidence';
import { CriteriaCatalog } from '../catalog/criteria';
import type { Check, CheckIndex, ProjectView } from './check-api';
import { ZERO_RANGE } from './text';
import { FileRoles } from './file-roles';
import { ProjectIndex } from './project-index';
import { dependents } from './dependents';
import { EvidenceCache } from './evidence-cache';
import { Approvals } from './approvals';
import { runChecks } from './run-checks';
import type { RegisterView } from './register-index';
import { FrameworkIndex } from './framework-index';
import { PeopleDirectory } from './people-directory';
import type { Acknowledgement, Person, TrainingCompletion } from './people-model';

export interface ProjectOptions {
  /** The date every date-based check measures against (`YYYY-MM-DD`). */
  today: IsoDate;
  catalog?: CriteriaCatalog;
  /** The checks to run (server/src/checks CHECKS in the CLI and server): handed in, so the engine never imports them. */
  checks: readonly Check[];
  /** Version history, when the workspace is a git repository the caller trusts; absent turns git checks off. */
  git?: GitHistory;
}

/** Counts of work done, so tests can assert that an edit re-parses and re-checks only what it must. */
export interface WorkCounters {
  parses: Map<string, number>;
  checkRuns: Map<string, number>;
  /** How many times the dependency rules were asked what a change affects (affectedByChange). */
  dependencyQueries: number;
}

type Update = { affected: Set<string>; rolesChanged: boolean };

/**
 * One compliance repo: parsed models by file and per-file diagnostics computed lazily and invalidated
 * precisely when a file changes. The jobs live beside it: what each path is (file-roles.ts), the cross-file
 * lookups (project-index.ts), which files an edit affects (dependents.ts), evidence (evidence-cache.ts),
 * git's answers (approvals.ts) and running the checks (run-checks.ts).
 */
export class Project implements ProjectView {
  readonly catalog: CriteriaCatalog;
  /** Moved only through setToday (an editor left open past midnight). */
  today: Date;
  readonly checks: readonly Check[];
  configFile?: string;
  readonly counters: WorkCounters = { parses: new Map(), checkRuns: new Map(), dependencyQueries: 0 };
  /** Repo frameworks and who maps which requirement of every framework (server/src/frameworks). */
  readonly frameworks = new FrameworkIndex();
  /** Set while the workspace is still being indexed: only checks that need no other file run. */
  fileLocalOnly = false;

  private readonly files = new Map<string, FileModel>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly dirty = new Set<string>();
  /** Set inside indexBatch on a project nothing has been checked on yet; see there. */
  private firstLoad = false;
  private readonly roles = new FileRoles();
  private readonly ix = new ProjectIndex();
  private readonly checkIndexes = new Map<Check, CheckIndex>();
  private readonly evidence = new EvidenceCache();
  private readonly approvals: Approvals;
  /** The roster and records, rebuilt on first use after any of their files changes. */
  private peopleCache?: { directory?: PeopleDirectory; acknowledgements: Acknowledgement[]; training: TrainingCompletion[] };

  constructor(options: ProjectOptions) {
    const today = parseIsoDate(options.today);
    if (!today) throw new Error(`"today" must be a date written YYYY-MM-DD, not ${options.today}`);
    this.today = today;
    this.catalog = options.catalog ?? new CriteriaCatalog();
    this.checks = options.checks;
    this.approvals = new Approvals(options.git);
    for (const c of this.checks) if (c.createIndex) this.checkIndexes.set(c, c.createIndex());
  }

  get config(): Config { return this.roles.config; }
  /** Version history; replaced only through setHistory, when the repository's history moves under an editor. */
  get git(): GitHistory | undefined { return this.approvals.git; }
  get evidenceFiles(): EvidenceFiles { return this.evidence.files; }
  get register(): RegisterView { return this.ix.register; }

  // ---- classification -------------------------------------------------------------------------

  sizeLimit(path: string): number { return this.roles.sizeLimit(path); }
  kindOf(path: string): FileKind { return this.roles.kindOf(path); }
  isEvidence(path: string): boolean { return this.roles.isEvidence(path); }

  // ---- updates --------------------------------------------------------------------------------

  /**
   * Parses one file's new text and updates the index. Returns the files whose diagnostics may have
   * changed, and whether the file roles changed (soc2.yaml's paths), in which case the caller re-lists.
   */
  setFile(path: string, text: string, version = 0, extraProblems: ParseProblem[] = [], options: PolicyParseOptions = {}): Update {
    const kind = this.kindOf(path);
    if (kind === 'other') return { affected: new Set(), rolesChanged: false };
    this.countParse(path);
    const model = parseFileModel(path, kind, text, version, options, this.sizeLimit(path));
    model.problems.unshift(...extraProblems);
    return this.replace(path, model);
  }

  /**
   * Indexes a batch of files (`fn` calls setFile, setParsed, removeFile…). While no file has been checked yet
   * no diagnostics are cached, so working out what each file affects is wasted: a first load of 11,000 files
   * skips it (about a sixth of a cold `soc2 check`). Results returned inside `fn` then name the file only.
   */
  indexBatch(fn: () => void): void {
    this.firstLoad = this.diagnostics.size === 0;
    try { fn(); } finally { this.firstLoad = false; }
  }

  /** Records a file that could not be read or parsed at all, with the problem to show on it. */
  setUnreadable(path: string, code: string, message: string): Update {
    const kind = this.kindOf(path);
    if (kind === 'config') message = `${message} ${DEFAULTS_IN_USE}`;
    const model: FileModel = { path, kind, version: 0, problems: [{ code, message, range: ZERO_RANGE }], controls: [], lineCount: 1 };
    return this.replace(path, model);
  }

  /**
   * Indexes a model parsed elsewhere (a worker thread), exactly as setFile would after parsing. The
   * caller must have parsed it with `parseFileModel` for the kind and size limit this project gives the path.
   */
  setParsed(model: FileModel): Update {
    this.countParse(model.path);
    return this.replace(model.path, model);
  }

  /** Forgets a deleted file: as evidence and as a model, since with `paths.evidence: .` a policy is both. */
  removeFile(path: string): Set<string> {
    let asEvidence = new Set<string>();
    if (this.evidence.files.has(path)) { this.evidence.files.remove(path); asEvidence = this.evidenceChanged(path); }
    const old = this.files.get(path);
    if (!old) return asEvidence;
    const affected = this.related(old, undefined);
    this.checkDependents([old], affected);
    this.peopleChanged(old, undefined, affected);
    for (const f of asEvidence) affected.add(f);
    this.forget(old);
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
    if (!this.isEvidence(path) || this.evidence.files.has(path)) return new Set();
    this.evidence.files.add(path);
    return this.evidenceChanged(path);
  }

  setEvidenceFiles(paths: Iterable<string>): void {
    this.evidence.files.set([...paths].filter((p) => this.isEvidence(p)));
    this.evidence.clear();
    for (const f of this.files.keys()) this.dirty.add(f);
  }

  /**
   * Swaps the version history (the editor saw a commit or a checkout): what git said is forgotten and asked
   * again for every policy with an approval date. Returns those policies' files, to re-check.
   */
  setHistory(git: GitHistory | undefined): Set<string> {
    this.approvals.reset(git);
    const affected = new Set<string>();
    for (const pol of this.allPolicies()) {
      if (!pol.approvedOn) continue;
      this.approvals.record(pol);
      affected.add(pol.file);
      this.dirty.add(pol.file);
    }
    return affected;
  }

  /** Asks git, without blocking, what the check runs to come will want to know about approved policies. */
  prefetchApprovals(): Promise<void> { return this.approvals.prefetch(); }

  private countParse(path: string): void {
    this.counters.parses.set(path, (this.counters.parses.get(path) ?? 0) + 1);
  }

  private evidenceChanged(path: string): Set<string> {
    const affected = this.evidence.changed(path, this.config.paths.evidence, this.allControls());
    for (const f of affected) this.dirty.add(f);
    return affected;
  }

  private replace(path: string, model: FileModel): Update {
    const old = this.files.get(path);
    let rolesChanged = false;
    if (model.kind === 'config') {
      const config = model.config ?? defaultConfig(path);
      // A new size limit changes which files are read at all, as new paths do: the caller re-lists.
      rolesChanged = JSON.stringify(config.paths) !== JSON.stringify(this.config.paths) || config.maxFileBytes !== this.config.maxFileBytes
        || peoplePaths(config) !== peoplePaths(this.config);
      this.configFile = path;
      this.roles.apply(config);
      this.evidence.clear();
    }
    let affected: Set<string>;
    if (this.firstLoad) {
      affected = new Set([path]);
      this.peopleCache = undefined; // what affectedByChange would also have dropped, had this been a people file
    } else affected = this.affectedByChange(path, old, model);
    if (old) this.forget(old);
    this.files.set(path, model);
    if (model.policy) this.approvals.record(model.policy);
    this.ix.index(model);
    for (const idx of this.checkIndexes.values()) idx.add(model);
    this.frameworks.add(model);
    for (const f of affected) this.dirty.add(f);
    return { affected, rolesChanged };
  }

  /**
   * The files whose diagnostics a change of one file from `old` to `next` may alter, asked of the index as it
   * stands, which is not changed. The cache uses it to learn what changed since its run without replaying
   * the change on a second index; the path itself is included.
   */
  affectedByChange(path: string, old: FileModel | undefined, next: FileModel | undefined): Set<string> {
    this.counters.dependencyQueries++;
    const affected = this.related(old, next);
    this.checkDependents([old, next], affected);
    this.peopleChanged(old, next, affected);
    if (old?.kind === 'config' || next?.kind === 'config') for (const f of this.files.keys()) affected.add(f);
    affected.add(path);
    return affected;
  }

  /** The files an edit affects: the checks' dependency rules, plus those of the frameworks (a framework file, soc2.yaml). */
  private related(old: FileModel | undefined, next: FileModel | undefined): Set<string> {
    const out = dependents(this.ix, old, next, this.configFile, () => this.allPolicies(), this.sharedOwners());
    for (const f of this.frameworks.dependents(old, next)) out.add(f);
    if ((old?.framework || next?.framework) && this.configFile) out.add(this.configFile);
    return out;
  }

  /**
   * The roster is read by every owner check, acknowledgements by the policies' check and training records by
   * the roster's check: a change to one of those files re-checks its readers, nothing else.
   */
  private peopleChanged(old: FileModel | undefined, next: FileModel | undefined, affected: Set<string>): void {
    const kinds = new Set([old?.kind, next?.kind]);
    if (!kinds.has('people') && !kinds.has('acknowledgements') && !kinds.has('training-records')) return;
    this.peopleCache = undefined;
    for (const m of this.files.values()) {
      if ((kinds.has('people') && (m.kind === 'controls' || m.kind === 'policy' || m.kind === 'risks' || m.kind === 'people'))
        || (kinds.has('acknowledgements') && m.kind === 'policy')
        || (kinds.has('training-records') && m.kind === 'people')) affected.add(m.path);
    }
  }

  private people() {
    if (this.peopleCache) return this.peopleCache;
    const roster: Person[] = [], acknowledgements: Acknowledgement[] = [], training: TrainingCompletion[] = [];
    let hasRoster = false;
    for (const m of [...this.files.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      if (m.kind === 'people') { hasRoster = true; roster.push(...m.people ?? []); }
      acknowledgements.push(...m.acknowledgements ?? []);
      training.push(...m.trainingCompletions ?? []);
    }
    this.peopleCache = { directory: hasRoster ? new PeopleDirectory(roster) : undefined, acknowledgements, training };
    return this.peopleCache;
  }

  /** The dependency rules of checks that keep their own index (Check.createIndex). */
  private checkDependents(models: (FileModel | undefined)[], affected: Set<string>): void {
    for (const idx of this.checkIndexes.values()) for (const m of models) if (m) for (const f of idx.dependents(m)) affected.add(f);
  }

  private forget(old: FileModel): void {
    this.ix.unindex(old);
    for (const idx of this.checkIndexes.values()) idx.remove(old);
    this.frameworks.remove(old);
    for (const c of old.controls) this.evidence.forget(c);
  }

  // ---- queries (ProjectView) ------------------------------------------------------------------

  file(path: string): FileModel | undefined { return this.files.get(path); }
  allFiles(): IterableIterator<FileModel> { return this.files.values(); }
  controls(id: string): readonly Control[] { return this.ix.controlsById.get(id) ?? []; }
  policies(id: string): readonly Policy[] { return this.ix.policiesById.get(id) ?? []; }
  risks(id: string): readonly Risk[] { return this.ix.risksById.get(id) ?? []; }
  *allRisks(): Iterable<Risk> { for (const m of this.files.values()) yield* m.risks ?? []; }
  risksNaming(controlId: string): readonly Risk[] { return [...(this.ix.riskRefs.get(controlId) ?? [])]; }
  approvalChange(policy: Policy): BodyChange | undefined { return this.approvals.get(policy); }
  *allControls(): Iterable<Control> { for (const m of this.files.values()) yield* m.controls; }
  *allPolicies(): Iterable<Policy> { for (const m of this.files.values()) if (m.policy) yield m.policy; }
  policiesReferencing(controlId: string): readonly Policy[] { return [...(this.ix.policyRefs.get(controlId) ?? [])]; }
  controlsListing(policyId: string): readonly Control[] { return [...(this.ix.controlRefs.get(policyId) ?? [])]; }
  /** Whether an implemented or partial control maps the criterion: O(1), so soc2.yaml's check stays cheap per edit. */
  isCovered(criterionId: string): boolean { return (this.ix.coveringCounts.get(criterionId) ?? 0) > 0; }
  controlsMapping(criterionId: string): readonly Control[] { return [...(this.ix.controlsByCriterion.get(criterionId) ?? [])]; }
  hasControlPrefix(prefix: string): boolean { return this.ix.prefixCounts.has(prefix); }
  hasControlShape(id: string): boolean { return this.ix.shapeCounts.has(idShape(id)); }
  checkIndex(check: Check): CheckIndex | undefined { return this.checkIndexes.get(check); }
  /** Policies soc2.yaml's `shared_sections` names (policy-missing-section depends on them existing). */
  private sharedOwners(): ReadonlySet<string> { return new Set(Object.values(this.config.sharedSections ?? {})); }
  /** The roster's lookups, when the repo has a roster; owner checks stay silent without one. */
  peopleDirectory(): PeopleDirectory | undefined { return this.people().directory; }
  acknowledgementRecords(): readonly Acknowledgement[] { return this.people().acknowledgements; }
  trainingCompletions(): readonly TrainingCompletion[] { return this.people().training; }
  evidenceOf(control: Control): ControlEvidence { return this.evidence.of(control, this.config.paths.evidence); }

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
    if (this.fileLocalOnly) return this.check(model, true);
    if (!this.dirty.has(path) && this.diagnostics.has(path)) return this.diagnostics.get(path)!;
    const out = this.check(model, false);
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

  private check(model: FileModel, fileLocalOnly: boolean): Diagnostic[] {
    this.counters.checkRuns.set(model.path, (this.counters.checkRuns.get(model.path) ?? 0) + 1);
    return runChecks(model, this, this.checks, this.config.checks, fileLocalOnly);
  }
}

function peoplePaths(c: Config): string { return `${c.people.roster}\0${c.people.acknowledgements}\0${c.people.training}`; }
