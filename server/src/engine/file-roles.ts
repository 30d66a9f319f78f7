import picomatch from 'picomatch';
import type { Config, FileKind } from './model';
import { joinPath } from './evidence';
import { CONFIG_FILE, DEFAULT_MAX_FILE_BYTES, defaultConfig } from './parse-config';
import { isFrameworkFile } from './parse-framework';

/** What soc2.yaml says each path is: policy, controls, risks, vendors, the description, evidence or nothing we read. */
export class FileRoles {
  config: Config = defaultConfig();
  private matchPolicy: (p: string) => boolean = () => false;
  private matchControls: (p: string) => boolean = () => false;
  private matchRisks: (p: string) => boolean = () => false;
  private matchVendors: (p: string) => boolean = () => false;
  private evidenceRoot = '';
  private evidenceRootSlash = '/';

  constructor() { this.apply(this.config); }

  apply(config: Config): void {
    this.config = config;
    // Worked out once per configuration: isEvidence is asked for every listed file (22,000 at the benchmark's scale 1).
    this.evidenceRoot = joinPath('', config.paths.evidence);
    this.evidenceRootSlash = `${this.evidenceRoot}/`;
    this.matchPolicy = globMatcher(config.paths.policies.map(stripDotSlash));
    this.matchControls = globMatcher(config.paths.controls.map(stripDotSlash));
    this.matchRisks = globMatcher(config.paths.risks.map(stripDotSlash));
    this.matchVendors = globMatcher(config.paths.vendors.map(stripDotSlash));
  }

  /**
   * Largest file read, in bytes (`limits.max_file_bytes`). soc2.yaml itself is held to the default: were it
   * held to its own setting, a limit below its size would turn it off, which turns the limit off, and so on.
   */
  sizeLimit(path: string): number {
    return path === CONFIG_FILE ? DEFAULT_MAX_FILE_BYTES : this.config.maxFileBytes;
  }

  kindOf(path: string): FileKind {
    if (path === CONFIG_FILE) return 'config';
    // The description is one named file: it wins over a glob that happens to match it too.
    if (path === stripDotSlash(this.config.paths.description)) return 'description';
    if (this.matchPolicy(path)) return 'policy';
    if (this.matchControls(path)) return 'controls';
    if (this.matchRisks(path)) return 'risks';
    const people = this.config.people;
    if (path === people.roster) return 'people';
    if (path.endsWith('.csv') && path.startsWith(`${people.acknowledgements}/`)) return 'acknowledgements';
    if (path.endsWith('.csv') && path.startsWith(`${people.training}/`)) return 'training-records';
    if (this.matchVendors(path)) return 'vendors';
    if (isFrameworkFile(path)) return 'framework';
    return 'other';
  }

  /** Whether the path lies under `paths.evidence`. `.` makes every file evidence; `.evidence` is a folder like any other. */
  isEvidence(path: string): boolean {
    return this.evidenceRoot === '' || path.startsWith(this.evidenceRootSlash);
  }
}

/**
 * picomatch, behind a test of each glob's fixed leading folders (the `policies` of `policies/**`): most listed
 * files are evidence under none of them, and a prefix test is far cheaper than the globs' regular expressions
 * (22,000 files at the benchmark's scale 1). A glob with no fixed folder, or a negation, is always asked.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const match = picomatch([...globs], { dot: false });
  const bases = globs.map((g) => (g.startsWith('!') ? '' : picomatch.scan(g).base));
  if (!bases.length || bases.includes('')) return match;
  return (path) => bases.some((b) => path.startsWith(b) && (path.length === b.length || path[b.length] === '/')) && match(path);
}

function stripDotSlash(g: string): string { return g.replace(/^\.\//, ''); }
