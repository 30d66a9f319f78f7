import type { Located } from './model';
import type { Position, Range } from './text';

/** Kinds of assurance a vendor can give us about its own controls, strongest first. */
export type AssuranceType = 'soc2-type2' | 'soc2-type1' | 'iso27001' | 'pentest' | 'questionnaire' | 'none';

/** What the vendor showed us about its controls, and for which dates. */
export interface Assurance {
  /** The `assurance` key, where findings about the whole block land. */
  keyRange: Range;
  /** The whole `assurance` mapping, where edits (a bridge-letter date) are inserted. */
  range: Range;
  type?: Located<string>;
  periodStart?: Located<string>;
  periodEnd?: Located<string>;
  received?: Located<string>;
  bridgeLetterUntil?: Located<string>;
}

/** A complementary subservice organisation control: what we rely on the vendor to operate. */
export interface Csoc { description?: string; criteria: Located<string>[]; range: Range }

/** One entry of the vendor register (YAML files under `vendors/`). */
export interface Vendor {
  kind: 'vendor';
  id: string;
  /** Set when a syntax error cut this vendor short: only syntax findings are reported on it. */
  incomplete?: true;
  idRange: Range;
  /** The whole mapping of this vendor. */
  range: Range;
  file: string;
  name?: string;
  service?: string;
  owner?: Located<string>;
  criticality?: Located<string>;
  data: Located<string>[];
  /** `carve-out`, `inclusive` or `no`: whether (and how) our report relies on the vendor. */
  subservice?: Located<string>;
  assurance?: Assurance;
  csocs: Csoc[];
  /** Range of the `csocs` key, when present. */
  csocsKey?: Range;
  monitoredBy: Located<string>[];
  monitoredByKey?: Range;
  contract?: { securityTerms?: Located<string>; dpa?: Located<string> };
  lastReviewed?: Located<string>;
  reviewCycle?: Located<string | number>;
}

/** A complementary user entity control: what we expect our customers to do. */
export interface Cuec { id?: string; description?: string; criteria: Located<string>[]; range: Range }

export interface DescriptionSection {
  title: string;
  level: number;
  range: Range;
  /** The section's own text (heading excluded, subsections included), as written. */
  body: string;
  /** Where `body` starts in the file, to locate words found in it (see description/locate.ts). */
  bodyStart: Position;
}

/** The system description (section III of the report), kept as Markdown with front matter. */
export interface SystemDescription {
  file: string;
  /** The front matter block with its fences, or an empty range at 0:0. */
  frontMatterRange: Range;
  title?: string;
  cuecs: Cuec[];
  cuecsKey?: Range;
  /** Ids named in front matter `subservice_organizations`, when the list is given. */
  subserviceIds?: Located<string>[];
  sections: DescriptionSection[];
}
