/**
 * The shape every framework shares once it is data: the built-in catalogs (TSC 2017, ISO/IEC 27001:2022
 * Annex A, NIST CSF 2.0) and the repo's own `frameworks/<id>.yaml` files.
 */
/** Where a repo requirement is written (the engine's Range, restated so the catalog needs nothing above it). */
interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

export interface RequirementGroup {
  id: string;
  /** Short name, in our own words. */
  name: string;
  /** The enclosing group, for two-level catalogs (a CSF category's function). */
  parent?: string;
}

export interface Requirement {
  /** The id exactly as the framework writes it: `A.5.15`, `PR.AA-05`, `CC6.1`. */
  id: string;
  /** Short title in our own words (never the standard's text). */
  title: string;
  /** Id of the group (theme, category, series) it belongs to. */
  group: string;
  /** One line in our own words saying what it asks; absent for repo frameworks that give only titles. */
  summary?: string;
  /** Where a repo framework defines it, for go-to-definition. */
  file?: string;
  range?: Range;
}

export interface RequirementFramework {
  id: string;
  name: string;
  version: string;
  origin: 'built-in' | 'repo';
  /** Path of the repo framework file. */
  file?: string;
  groups: readonly RequirementGroup[];
  requirements: readonly Requirement[];
  /**
   * Maps a miswritten id to the canonical spelling (`a.5.15` -> `A.5.15`, `PR.AA-5` -> `PR.AA-05`);
   * a framework without one only forgives case and stray spaces.
   */
  normalise?: (raw: string) => string;
}
