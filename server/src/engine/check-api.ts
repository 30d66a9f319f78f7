import type { Config, Control, Diagnostic, FileKind, FileModel, Policy, RelatedLocation, Risk, Severity } from './model';
import type { BodyChange } from './git-history';
import type { CriteriaCatalog } from '../catalog/criteria';
import type { ControlEvidence } from './evidence';
import type { Range } from './text';
import type { RegisterView } from './register-index';
import type { FrameworkView } from './framework-index';
import type { PeopleDirectory } from './people-directory';
import type { Acknowledgement, TrainingCompletion } from './people-model';

/** What a check may know of the project: the index, never the disk or the clock. */
export interface ProjectView {
  readonly config: Config;
  /** Path of soc2.yaml, when the workspace has one. */
  readonly configFile?: string;
  readonly catalog: CriteriaCatalog;
  /** Frameworks besides the TSC: catalogs and who maps which requirement. */
  readonly frameworks: FrameworkView;
  readonly today: Date;
  /** Vendors, the controls that name them, and the system description. */
  readonly register: RegisterView;
  /** The checks this project runs; a code under soc2.yaml `checks:` that none of them has is reported. */
  readonly checks: readonly Check[];
  controls(id: string): readonly Control[];
  policies(id: string): readonly Policy[];
  allControls(): Iterable<Control>;
  allPolicies(): Iterable<Policy>;
  risks(id: string): readonly Risk[];
  allRisks(): Iterable<Risk>;
  /** Risks that list the control under `controls`. */
  risksNaming(controlId: string): readonly Risk[];
  /** What git says of the policy's body since its `approved_on`; undefined outside git or without a date. */
  approvalChange(policy: Policy): BodyChange | undefined;
  /** Policies that list the control in front matter or mention it in their body. */
  policiesReferencing(controlId: string): readonly Policy[];
  /** Controls that list the policy under `policies`. */
  controlsListing(policyId: string): readonly Control[];
  evidenceOf(control: Control): ControlEvidence;
  inScope(category: string): boolean;
  isExcluded(criterionId: string): boolean;
  /** Prefixes of known control ids (`AC` for `AC-02`), to tell an unknown id from ordinary text. */
  hasControlPrefix(prefix: string): boolean;
  /** Whether some control id has this id's shape: its prefix and as many digits (`A-01` gives `A-09`, not `A-130`). */
  hasControlShape(id: string): boolean;
  /** Whether an implemented or partial control maps the criterion. */
  isCovered(criterionId: string): boolean;
  controlsMapping(criterionId: string): readonly Control[];
  /** The index this project keeps for a check that has one (Check.createIndex). */
  checkIndex(check: Check): CheckIndex | undefined;
  /** The roster's lookups; undefined when the repo keeps no roster, which turns the people checks off. */
  peopleDirectory(): PeopleDirectory | undefined;
  acknowledgementRecords(): readonly Acknowledgement[];
  trainingCompletions(): readonly TrainingCompletion[];
}

export interface Finding {
  range: Range;
  message: string;
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
  /** Overrides the check's default severity for this finding. */
  severity?: Severity;
}

export type Report = (finding: Finding) => void;

/** One check: its stable code, default severity, one-line doc and logic. */
export interface Check {
  code: string;
  severity: Severity;
  doc: string;
  /** Kinds of file the check runs on; it is run once per such file. */
  appliesTo: readonly FileKind[];
  /**
   * True when findings depend on other files (ids, links, evidence). While the workspace is still being
   * indexed, only the other checks run, so an opened file gets its first diagnostics at once.
   */
  crossFile?: boolean;
  /**
   * True for the checks that surface what the parser found (syntax, schema, encoding). Only these report on an
   * item the parser could not read whole: the others would judge fields that are there but unreadable.
   */
  parseProblems?: boolean;
  /**
   * For a check that compares files by their content (not by ids): a lookup the project keeps for it, one per
   * project, updated model by model. Its `dependents` are the check's dependency rule.
   */
  createIndex?(): CheckIndex;
  run(file: FileModel, project: ProjectView, report: Report): void;
}

/** A check's own cross-file lookup (see Check.createIndex), kept up to date by the project. */
export interface CheckIndex {
  add(model: FileModel): void;
  remove(model: FileModel): void;
  /** Files whose findings of the check can change when `model` comes or goes (asked before it is removed). */
  dependents(model: FileModel): Iterable<string>;
}

export type { Diagnostic };
