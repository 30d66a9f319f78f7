import type { Control, FrameworkScope } from './model';
import type { ProjectView } from './check-api';
import { criterionStatus } from './summary';
import { creditOf } from './readiness';
import { TSC_FRAMEWORK } from '../catalog/tsc-framework';
import type { RequirementFramework } from '../catalog/framework-types';

export type RequirementStatus = 'covered' | 'partial' | 'gap' | 'excluded';

export interface RequirementRow {
  id: string; title: string; group: string; status: RequirementStatus;
  controls: { id: string; status?: string; owner?: string }[];
  policies: string[];
  exclusionReason?: string;
  /** Mapping controls that are only planned (or have no status): shown beside the gap, no credit. */
  planned?: string[];
}

/** One framework in scope: the counts of `soc2 summary` (same rule as the TSC) and the rows behind them. */
export interface FrameworkReadiness {
  id: string; name: string; version: string;
  requirements: number; covered: number; partial: number; gap: number; excluded: number;
  /** round(100 * (covered + 0.5 * partial) / (requirements - excluded)); planned controls earn nothing. */
  readiness: number;
  rows: RequirementRow[];
}

/** Frameworks named in soc2.yaml's `frameworks:` and known to the catalog, in the order written (SOC 2 excluded: it has its own summary). */
export function scopedFrameworks(project: ProjectView): { framework: RequirementFramework; scope: FrameworkScope }[] {
  const out: { framework: RequirementFramework; scope: FrameworkScope }[] = [];
  const seen = new Set<string>();
  for (const scope of project.config.frameworks) {
    const framework = project.frameworks.catalog.get(scope.id.value);
    if (!framework || framework.id === TSC_FRAMEWORK.id || seen.has(framework.id)) continue;
    seen.add(framework.id);
    out.push({ framework, scope });
  }
  return out;
}

export function frameworkReadiness(project: ProjectView, framework: RequirementFramework, scope?: FrameworkScope): FrameworkReadiness {
  const exclusions = new Map((scope?.exclusions ?? []).map((e) => [e.requirement.value, e.reason?.trim() ?? '']));
  const counts = { covered: 0, partial: 0, gap: 0, excluded: 0 };
  const rows: RequirementRow[] = [];
  for (const r of framework.requirements) {
    const controls = [...project.frameworks.controlsMapping(framework.id, r.id)].sort(byId);
    const credit = controls.map((c) => creditOf(c.status?.value));
    const implemented = credit.filter((x) => x === 'implemented').length;
    const partial = credit.filter((x) => x === 'partial').length;
    const planned = controls.filter((_, i) => credit[i] === 'planned').map((c) => c.id);
    const status = criterionStatus(true, exclusions.has(r.id), implemented, partial) as RequirementStatus;
    counts[status]++;
    rows.push({
      id: r.id, title: r.title, group: r.group, status,
      controls: controls.map((c) => ({ id: c.id, status: c.status?.value, owner: c.owner?.value })),
      policies: [...new Set(project.frameworks.policiesMapping(framework.id, r.id).map((p) => p.id))].sort(),
      ...(exclusions.has(r.id) ? { exclusionReason: exclusions.get(r.id) } : {}),
      ...(planned.length ? { planned } : {}),
    });
  }
  const applicable = framework.requirements.length - counts.excluded;
  return {
    id: framework.id, name: framework.name, version: framework.version, requirements: framework.requirements.length, ...counts,
    readiness: applicable ? Math.round((100 * (counts.covered + 0.5 * counts.partial)) / applicable) : 0,
    rows,
  };
}

export function frameworksReadiness(project: ProjectView): FrameworkReadiness[] {
  return scopedFrameworks(project).map(({ framework, scope }) => frameworkReadiness(project, framework, scope));
}

function byId(a: Control, b: Control): number { return a.id.localeCompare(b.id); }
