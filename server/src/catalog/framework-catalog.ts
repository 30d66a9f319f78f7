import { editDistance } from '../util/strings';
import { ISO_27001_2022 } from './iso27001-2022';
import { NIST_CSF_2_0 } from './nist-csf-2.0';
import { TSC_FRAMEWORK } from './tsc-framework';
import type { Requirement, RequirementFramework } from './framework-types';

/** Built-in frameworks, in the order they are listed. SOC 2's criteria stay first everywhere. */
export const BUILT_IN_FRAMEWORKS: readonly RequirementFramework[] = [TSC_FRAMEWORK, ISO_27001_2022, NIST_CSF_2_0];

export interface RequirementLookup { exact?: Requirement; alias?: Requirement; suggestions: Requirement[] }

/**
 * Every framework the repo can map to: the built-ins plus its own `frameworks/<id>.yaml`. A repo file
 * never replaces a built-in of the same id (the duplicate is reported on the file instead).
 */
export class FrameworkCatalog {
  private readonly byId = new Map<string, RequirementFramework>();
  private readonly requirementIndex = new Map<RequirementFramework, Map<string, Requirement>>();

  constructor(repo: readonly RequirementFramework[] = []) {
    for (const fw of [...BUILT_IN_FRAMEWORKS, ...repo]) if (!this.byId.has(fw.id)) this.byId.set(fw.id, fw);
  }

  all(): RequirementFramework[] { return [...this.byId.values()]; }
  get(id: string): RequirementFramework | undefined { return this.byId.get(id); }

  requirements(fw: RequirementFramework): Map<string, Requirement> {
    let m = this.requirementIndex.get(fw);
    if (!m) { m = new Map(fw.requirements.map((r) => [r.id, r])); this.requirementIndex.set(fw, m); }
    return m;
  }

  requirement(frameworkId: string, id: string): Requirement | undefined {
    const fw = this.byId.get(frameworkId);
    return fw ? this.requirements(fw).get(id) : undefined;
  }

  /** The framework ids closest to a misspelt one (`iso27001`, `nist-csf-2`, `ISO27001-2022`). */
  nearestFrameworks(raw: string, count = 2): string[] {
    const key = squash(raw);
    return this.all()
      .map((fw, i) => ({ id: fw.id, i, d: squash(fw.id).startsWith(key) || key.startsWith(squash(fw.id)) ? 0 : editDistance(squash(fw.id), key) }))
      .filter((x) => x.d <= Math.max(3, Math.floor(key.length / 2)))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, count)
      .map((x) => x.id);
  }

  /**
   * `exact` when the id is in the framework as written; `alias` when a usual miswriting stands for one
   * (`A 5.15`, `5.15`, `A.05.15`, `a.5.15`, `PR.AA-5`, `PR.AA.05`); otherwise the nearest real ids.
   */
  resolve(frameworkId: string, raw: string): RequirementLookup {
    const fw = this.byId.get(frameworkId);
    if (!fw) return { suggestions: [] };
    const reqs = this.requirements(fw);
    const exact = reqs.get(raw);
    if (exact) return { exact, suggestions: [] };
    const normal = (fw.normalise ?? ((s: string) => s.trim()))(raw);
    const alias = reqs.get(normal) ?? fw.requirements.find((r) => squash(r.id) === squash(normal));
    if (alias) return { alias, suggestions: [alias] };
    const group = fw.requirements.find((r) => normal.startsWith(r.group))?.group;
    const suggestions = fw.requirements
      .map((r, i) => ({ r, i, d: editDistance(r.id, normal) - (group && r.group === group ? 0.5 : 0), n: Math.abs(lastNumber(r.id) - lastNumber(normal)) }))
      .sort((a, b) => a.d - b.d || a.n - b.n || a.i - b.i)
      .slice(0, 3)
      .map((x) => x.r);
    return { suggestions };
  }
}

/** Lower case without spaces or punctuation: how ids are compared when forgiving their spelling. */
function squash(s: string): string { return s.toLowerCase().replace(/[^a-z0-9]+/g, ''); }

/** The trailing number of an id (`A.5.38` -> 38), so `A.5.37` is nearer to it than `A.5.3`. */
function lastNumber(s: string): number { return Number(/(\d+)\D*$/.exec(s)?.[1] ?? 0); }
