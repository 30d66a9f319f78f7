import type { RiskTreatment } from '../catalog/vocabulary';
import type { Range } from './text';
import type { SystemDescription, Vendor } from './register-model';
import type { Acknowledgement, PeopleConfig, Person, TrainingCompletion } from './people-model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A value read from a file together with where it stands, so diagnostics and edits point at it exactly. */
export interface Located<T> { value: T; range: Range }

export interface RelatedLocation { file: string; range: Range; message: string }

/** A finding, in engine terms; the CLI and the LSP server translate it for their audiences. */
export interface Diagnostic {
  /** Workspace-relative path with `/` separators. */
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedLocation[];
  /** Machine-readable facts code actions use (e.g. the suggested criteria). */
  data?: Record<string, unknown>;
}

/** A problem found while reading a file (syntax, schema); checks surface these under their code. */
export interface ParseProblem { code: string; range: Range; message: string; severity?: Severity; data?: Record<string, unknown> }

export interface EvidenceItem {
  name?: string;
  range: Range;
  path?: Located<string>;
  collected: Located<string>[];
}

export interface Control {
  kind: 'control';
  id: string;
  idRange: Range;
  /** The whole mapping of this control. */
  range: Range;
  /** Set when a syntax error falls inside or before this item: it was not read whole, so only syntax findings are shown on it. */
  incomplete?: true;
  file: string;
  title?: string;
  description?: string;
  /** Where the description's value stands, so a finding about its wording lands on it. */
  descriptionRange?: Range;
  owner?: Located<string>;
  frequency?: Located<string>;
  status?: Located<string>;
  criteria: Located<string>[];
  /** Range of the `criteria` key, where "add a criterion" lands. */
  criteriaKey?: Range;
  policies: Located<string>[];
  policiesKey?: Range;
  lastReviewed?: Located<string>;
  reviewCycle?: Located<string | number>;
  evidence: EvidenceItem[];
  evidenceKey?: Range;
  /** Ids of the vendors this control reviews (optional `vendors` field). */
  vendors?: Located<string>[];
  /** For planned and partial controls: when the work to make it operate is due, and where it is tracked. */
  targetDate?: Located<string>;
  tracking?: Located<string>;
}

/** A control id written in a policy body. */
export interface Mention { id: string; range: Range; /** Index into Policy.sentences. */ sentence: number; viaLink: boolean }

export interface Sentence {
  range: Range;
  /** The source text as written (Markdown punctuation kept); `maskNonProse` (engine/prose-mask) blanks code and link targets. */
  text: string;
  /** Frequencies stated in the sentence, with the phrase and its range (inline code and link targets ignored). */
  frequencies: { frequency: string; phrase: string; range: Range }[];
  /** Set when the sentence is a table row: index into Policy.tableRows. */
  row?: number;
  /** Set when the sentence is in the paragraph that opens a list item (the text after `-`, `1.`, `a.`): how deep the item is, 1 at the top. */
  listDepth?: number;
}

/** One cell of a table row or header: its text as written (trimmed; a grid cell's lines joined by a space) and where it stands. */
export interface TableCell { text: string; range: Range }

/**
 * One body row of a table in a policy (GitHub pipe table or pandoc grid table). Each row is also one
 * sentence (`Policy.sentences[sentence]`, whose `row` points back here), so mentions and frequencies in
 * it are found as in prose, but a row never runs into the next one. Header rows are not sentences.
 *
 * To read a schedule table: `row.header[i].text` names the column of `row.cells[i]`
 * (e.g. find the index whose header says "Frequency", then read that cell of each row).
 */
export interface TableRow {
  /** Which table of the policy, in document order (rows of one table share it). */
  table: number;
  /** The table's header cells (empty for a grid table without a header). */
  header: TableCell[];
  /** The row's cells as written, in column order; a pipe row may have more or fewer cells than the header. */
  cells: TableCell[];
  /** From the row's first character to its last (several lines for a grid table row). */
  range: Range;
  /** Index into Policy.sentences of the row's sentence. */
  sentence: number;
  /** The title of the section the table sits in (the nearest heading above it), if any. */
  section?: string;
}

export interface Section { title: string; level: number; range: Range; /** Through the end of the section's content. */ fullRange: Range }

export interface Policy {
  kind: 'policy';
  id: string;
  idRange: Range;
  file: string;
  /** The front matter block including its fences; empty range at 0:0 when absent. */
  frontMatterRange: Range;
  hasFrontMatter: boolean;
  title?: Located<string>;
  owner?: Located<string>;
  approver?: Located<string>;
  approvedOn?: Located<string>;
  version?: Located<string>;
  lastReviewed?: Located<string>;
  reviewCycle?: Located<string | number>;
  criteria: Located<string>[];
  criteriaKey?: Range;
  controls: Located<string>[];
  controlsKey?: Range;
  /** Tokens in the body shaped like control ids (known or not). */
  mentions: Mention[];
  sentences: Sentence[];
  /** Body rows of the policy's tables, in document order (see TableRow). */
  tableRows: TableRow[];
  sections: Section[];
  /** `acknowledge: { within_days: N }`: staff must acknowledge each version within N days. */
  acknowledgeWithinDays?: Located<number>;
}

export type { RiskTreatment };

/** One entry of the risk register (YAML files under `risks/`): why controls exist, and what was decided. */
export interface Risk {
  kind: 'risk';
  id: string;
  idRange: Range;
  /** The whole mapping of this risk. */
  range: Range;
  /** Set when a syntax error falls inside or before this item: it was not read whole, so only syntax findings are shown on it. */
  incomplete?: true;
  file: string;
  title?: string;
  description?: string;
  owner?: Located<string>;
  /** 1 (rare) to 5 (almost certain); undefined when missing or not a whole number in range. */
  likelihood?: Located<number>;
  /** 1 (negligible) to 5 (severe). */
  impact?: Located<number>;
  treatment?: Located<string>;
  /** Range of the `treatment` key, where the untreated finding lands when the value is unusable. */
  treatmentKey?: Range;
  controls: Located<string>[];
  controlsKey?: Range;
  criteria: Located<string>[];
  criteriaKey?: Range;
  lastReviewed?: Located<string>;
  reviewCycle?: Located<string | number>;
}

/** `vendor` names the register entry a carved-out criterion is left to. */
export interface Exclusion { criterion: Located<string>; reason?: string; range: Range; vendor?: Located<string> }

export interface Config {
  file: string;
  organization?: string;
  reportType: 1 | 2;
  period?: { start: Located<string>; end: Located<string> };
  categories: Located<string>[];
  categoriesKey?: Range;
  exclusions: Exclusion[];
  paths: { policies: string[]; controls: string[]; evidence: string; risks: string[]; vendors: string[]; description: string };
  defaultCycle: string | number;
  dueSoonDays: number;
  /** Per-check overrides: `off` or a severity. */
  checks: Record<string, 'off' | Severity>;
  /** The keys written under `checks:`, where they stand, so a code no check has can be pointed at. */
  checkKeys?: Located<string>[];
  vagueLanguage: { enabled: boolean; words: string[]; ignore: string[] };
  policySections?: string[];
  /** `shared_sections`: a section (by name) that one policy (by id) states for all the others, e.g. `Exceptions: POL-GOV`. */
  sharedSections?: Record<string, string>;
  maxFileBytes: number;
  /** The roster, acknowledgement and training settings. */
  people: PeopleConfig;
  /** Whether soc2.yaml could be read at all; defaults are used when not. */
  usable: boolean;
}

export type FileKind = 'config' | 'policy' | 'controls' | 'risks' | 'vendors' | 'description' | 'people' | 'acknowledgements' | 'training-records' | 'other';

/** What the engine keeps of one file after parsing: the extracted model, never the syntax tree. */
export interface FileModel {
  path: string;
  kind: FileKind;
  version: number;
  /** Problems found while reading the file, surfaced by the matching check. */
  problems: ParseProblem[];
  controls: Control[];
  /** Risks of a risk register file; absent on other kinds. */
  risks?: Risk[];
  /** Vendors of a vendor register file; absent on other kinds. */
  vendors?: Vendor[];
  /** The system description, on its file only. */
  description?: SystemDescription;
  policy?: Policy;
  config?: Config;
  /** The roster (`people.yaml`). */
  people?: Person[];
  /** Rows of an acknowledgements or training export. */
  acknowledgements?: Acknowledgement[];
  trainingCompletions?: TrainingCompletion[];
  lineCount: number;
}
