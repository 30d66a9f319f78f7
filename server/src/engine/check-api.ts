import type { Config, Control, Diagnostic, FileKind, FileModel, Policy, RelatedLocation, Risk, Severity } from './model';
import type { BodyChange } from './git-history';
import type { CriteriaCatalog } from '../catalog/criteria';
import type { ControlEvidence } from './evidence';
import type { Range } from './text';
import type { PeopleDirectory } from './people-directory';
import type { Acknowledgement, TrainingCompletion } from './people-model';

/** What a check may know of the project: the index, never the disk or the clock. */
export interface ProjectView {
  readonly config: Config;
  /** Path of soc2.yaml, when the workspace has one. */
  readonly configFile?: string;
  readonly catalog: CriteriaCatalog;
  readonly today: Date;
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
  /** Whether an implemented or partial control maps the criterion. */
  isCovered(criterionId: string): boolean;
  controlsMapping(criterionId: string): readonly Control[];
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
  run(file: FileModel, project: ProjectView, report: Report): void;
}

export type { Diagnostic };
