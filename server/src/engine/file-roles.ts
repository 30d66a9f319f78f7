import picomatch from 'picomatch';
import type { Config, FileKind } from './model';
import { joinPath } from './evidence';
import { CONFIG_FILE, DEFAULT_MAX_FILE_BYTES, defaultConfig } from './parse-config';

/** What soc2.yaml says each path is: policy, controls, risks, vendors, the description, evidence or nothing we read. */
export class FileRoles {
  config: Config = defaultConfig();
  private matchPolicy: (p: string) => boolean = () => false;
  private matchControls: (p: string) => boolean = () => false;
  private matchRisks: (p: string) => boolean = () => false;
  private matchVendors: (p: string) => boolean = () => false;

  constructor() { this.apply(this.config); }

  apply(config: Config): void {
    this.config = config;
    const opts = { dot: false };
    this.matchPolicy = picomatch(config.paths.policies.map(stripDotSlash), opts);
    this.matchControls = picomatch(config.paths.controls.map(stripDotSlash), opts);
    this.matchRisks = picomatch(config.paths.risks.map(stripDotSlash), opts);
    this.matchVendors = picomatch(config.paths.vendors.map(stripDotSlash), opts);
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
    return 'other';
  }

  /** Whether the path lies under `paths.evidence`. `.` makes every file evidence; `.evidence` is a folder like any other. */
  isEvidence(path: string): boolean {
    const root = joinPath('', this.config.paths.evidence);
    return root === '' || path.startsWith(root + '/');
  }
}

function stripDotSlash(g: string): string { return g.replace(/^\.\//, ''); }
