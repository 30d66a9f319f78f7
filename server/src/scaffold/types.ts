/** The inputs of the scaffold: the template texts (bundled, or given by a test) and the user's choices. */

export interface PolicyTemplate {
  /** File name without `.md` (`access-control`); the policy is written to `policies/<name>.md`. */
  name: string;
  id: string;
  title: string;
  /** Control ids the template's front matter names. */
  controls: readonly string[];
  /** The Markdown with `{{organization}}`, `{{owner}}` and `{{today}}` placeholders. */
  text: string;
}

export interface TemplateSet {
  policies: readonly PolicyTemplate[];
  /** templates/control-library.yaml: a `controls:` list with `{{owner}}` and `{{today}}` placeholders. */
  controlLibrary: string;
}

export interface ScaffoldOptions {
  organization: string;
  reportType: 1 | 2;
  /** Required for type 2 (see defaultPeriod); ignored for type 1. */
  period?: { start: string; end: string };
  /** Trust Services categories; `security` is always added. */
  categories: readonly string[];
  /** Who owns the policies and controls until the team assigns them (a person or a role). */
  owner: string;
  /** `YYYY-MM-DD`: the review date written into every policy and control. */
  today: string;
  /** Names of the policy templates to write (`access-control`, ...); empty for none. */
  templates: readonly string[];
  /** Frameworks besides SOC 2 to put in scope (`iso27001-2022`, `nist-csf-2.0`); the controls keep only their mappings. */
  frameworks?: readonly string[];
}
