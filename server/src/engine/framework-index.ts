import type { Control, FileModel, Policy, RepoFramework } from './model';
import { covers } from './readiness';
import { FrameworkCatalog } from '../catalog/framework-catalog';

/** What checks and views may ask of the frameworks: the catalog and who maps which requirement. */
export interface FrameworkView {
  /** Built-in frameworks plus the repo's own, rebuilt only when a framework file changes. */
  readonly catalog: FrameworkCatalog;
  /** Whether an implemented or partial control maps the requirement: O(1) per requirement. */
  isCovered(framework: string, requirement: string): boolean;
  controlsMapping(framework: string, requirement: string): readonly Control[];
  policiesMapping(framework: string, requirement: string): readonly Policy[];
  /** Every repo file that defines a framework with this id (more than one is a duplicate), ordered by file as the catalog picks: the first is used. */
  definitions(framework: string): readonly RepoFramework[];
}

const key = (framework: string, requirement: string) => `${framework}\0${requirement}`;

/**
 * The frameworks part of the project index: repo framework files, and per requirement the controls and
 * policies that map it. Kept beside the project's own index and updated through the same add/remove
 * calls, so the project only forwards to it.
 */
export class FrameworkIndex implements FrameworkView {
  private readonly repo = new Map<string, RepoFramework[]>();
  private cached?: FrameworkCatalog;
  private readonly controlsByRequirement = new Map<string, Set<Control>>();
  private readonly policiesByRequirement = new Map<string, Set<Policy>>();
  private readonly coveringCounts = new Map<string, number>();
  /** framework id -> files whose controls or policies name it (their unknown-* findings depend on it). */
  private readonly naming = new Map<string, Map<string, number>>();

  get catalog(): FrameworkCatalog {
    this.cached ??= new FrameworkCatalog([...this.repo.values()].flatMap((l) => l.slice(0, 1)).sort((a, b) => a.file.localeCompare(b.file)));
    return this.cached;
  }

  isCovered(framework: string, requirement: string): boolean { return (this.coveringCounts.get(key(framework, requirement)) ?? 0) > 0; }
  controlsMapping(framework: string, requirement: string): readonly Control[] { return [...(this.controlsByRequirement.get(key(framework, requirement)) ?? [])]; }
  policiesMapping(framework: string, requirement: string): readonly Policy[] { return [...(this.policiesByRequirement.get(key(framework, requirement)) ?? [])]; }
  definitions(framework: string): readonly RepoFramework[] { return this.repo.get(framework) ?? []; }

  add(m: FileModel): void { this.update(m, 1); }
  remove(m: FileModel): void { this.update(m, -1); }

  private update(m: FileModel, delta: 1 | -1): void {
    if (m.framework) {
      const list = this.repo.get(m.framework.id) ?? [];
      const next = delta > 0 ? [...list, m.framework].sort((a, b) => a.file.localeCompare(b.file)) : list.filter((f) => f !== m.framework);
      if (next.length) this.repo.set(m.framework.id, next); else this.repo.delete(m.framework.id);
      this.cached = undefined;
    }
    for (const c of m.controls) {
      const covering = covers(c.status?.value);
      for (const map of c.frameworks) {
        this.name(map.framework.value, m.path, delta);
        for (const r of map.requirements) {
          const k = key(map.framework.value, r.value);
          edit(this.controlsByRequirement, k, c, delta);
          if (covering) this.coveringCounts.set(k, (this.coveringCounts.get(k) ?? 0) + delta);
        }
      }
    }
    const p = m.policy;
    if (p) {
      for (const map of p.frameworks) {
        this.name(map.framework.value, m.path, delta);
        for (const r of map.requirements) edit(this.policiesByRequirement, key(map.framework.value, r.value), p, delta);
      }
    }
  }

  private name(framework: string, file: string, delta: 1 | -1): void {
    let files = this.naming.get(framework);
    if (!files) { files = new Map(); this.naming.set(framework, files); }
    const n = (files.get(file) ?? 0) + delta;
    if (n > 0) files.set(file, n); else files.delete(file);
  }

  /**
   * Files whose findings can change when `old` becomes `next`: a framework file changes what every file
   * naming its id may map, and which other framework files duplicate it. Mapping edits in a control
   * matter only to its own file and soc2.yaml, which the project already re-checks.
   */
  dependents(old: FileModel | undefined, next: FileModel | undefined): Set<string> {
    const out = new Set<string>();
    for (const fw of [old?.framework, next?.framework]) {
      if (!fw) continue;
      for (const f of this.naming.get(fw.id)?.keys() ?? []) out.add(f);
      for (const d of this.repo.get(fw.id) ?? []) out.add(d.file);
    }
    return out;
  }
}

function edit<V>(m: Map<string, Set<V>>, k: string, v: V, delta: 1 | -1): void {
  let s = m.get(k);
  if (delta > 0) { if (!s) { s = new Set(); m.set(k, s); } s.add(v); return; }
  s?.delete(v);
  if (s && !s.size) m.delete(k);
}
