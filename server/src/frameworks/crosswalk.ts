import { TSC_TO_ISO, type CrosswalkRow } from '../catalog/crosswalk-tsc-iso';
import { TSC_TO_CSF } from '../catalog/crosswalk-tsc-csf';
import type { Control } from '../engine/model';
import type { ProjectView } from '../engine/check-api';
import { covers } from '../engine/readiness';
import type { RequirementFramework } from '../catalog/framework-types';

/** One pair of the crosswalk: a TSC criterion, a requirement of the target framework, and why (our words). */
export interface CrosswalkPair { criterion: string; requirement: string; why: string }

/** Crosswalk tables from the TSC, by target framework id. Data, not code: see server/src/catalog/crosswalk-*.ts. */
const TABLES: Record<string, readonly CrosswalkRow[]> = { 'iso27001-2022': TSC_TO_ISO, 'nist-csf-2.0': TSC_TO_CSF };

const pairCache = new Map<string, CrosswalkPair[]>();

export function crosswalkTargets(): string[] { return Object.keys(TABLES); }

export function crosswalkPairs(target: string): readonly CrosswalkPair[] {
  let pairs = pairCache.get(target);
  if (!pairs) {
    pairs = (TABLES[target] ?? []).flatMap(([criterion, reqs, why]) => reqs.map((requirement) => ({ criterion, requirement, why })));
    pairCache.set(target, pairs);
  }
  return pairs;
}

/** Requirements of `target` the crosswalk pairs with a criterion. */
export function requirementsForCriterion(target: string, criterion: string): CrosswalkPair[] {
  return crosswalkPairs(target).filter((p) => p.criterion === criterion);
}

/** Criteria the crosswalk pairs with a requirement of `target`. */
export function criteriaForRequirement(target: string, requirement: string): CrosswalkPair[] {
  return crosswalkPairs(target).filter((p) => p.requirement === requirement);
}

/**
 * Requirements of `target` that a control's criteria suggest and it does not map yet, each with the
 * criteria it comes from, in catalog order of the criteria. Feeds the "also map" quick fix and completion.
 */
export function suggestedRequirements(control: Pick<Control, 'criteria' | 'frameworks'>, target: string): { requirement: string; from: string[]; why: string }[] {
  const mapped = new Set(control.frameworks.filter((m) => m.framework.value === target).flatMap((m) => m.requirements.map((r) => r.value)));
  const out = new Map<string, { requirement: string; from: string[]; why: string }>();
  for (const c of control.criteria) {
    for (const p of requirementsForCriterion(target, c.value)) {
      if (mapped.has(p.requirement)) continue;
      const e = out.get(p.requirement);
      if (e) { if (!e.from.includes(c.value)) e.from.push(c.value); } else out.set(p.requirement, { requirement: p.requirement, from: [c.value], why: p.why });
    }
  }
  return [...out.values()];
}

export type CrosswalkStatus = 'mapped' | 'likely' | 'planned' | 'none';

export interface CrosswalkEstimateRow {
  id: string; title: string; group: string;
  /** mapped: a working control maps it directly; likely: a working control maps a paired criterion; planned: only planned ones do; none: nothing. */
  status: CrosswalkStatus;
  /** Paired criteria with the working controls that map them. */
  via: { criterion: string; controls: string[]; why: string }[];
  direct: string[];
}

export interface CrosswalkEstimate {
  framework: string; name: string;
  counts: Record<CrosswalkStatus, number>;
  rows: CrosswalkEstimateRow[];
}

/**
 * "How far is this framework from here": for a repo that maps the TSC, which requirements of the target its
 * controls probably address already (through the crosswalk), and which have nothing. An estimate to plan with.
 */
export function estimateCrosswalk(project: ProjectView, framework: RequirementFramework): CrosswalkEstimate {
  const counts: Record<CrosswalkStatus, number> = { mapped: 0, likely: 0, planned: 0, none: 0 };
  const rows: CrosswalkEstimateRow[] = [];
  for (const r of framework.requirements) {
    const direct = workingIds(project.frameworks.controlsMapping(framework.id, r.id));
    const via = criteriaForRequirement(framework.id, r.id).map((p) => ({ criterion: p.criterion, why: p.why, all: project.controlsMapping(p.criterion) }));
    const viaRows = via.map((v) => ({ criterion: v.criterion, why: v.why, controls: workingIds(v.all) }));
    const status: CrosswalkStatus = direct.length ? 'mapped'
      : viaRows.some((v) => v.controls.length) ? 'likely'
        : via.some((v) => v.all.some((c) => c.status?.value !== 'not-applicable')) ? 'planned' : 'none';
    counts[status]++;
    rows.push({ id: r.id, title: r.title, group: r.group, status, via: viaRows, direct });
  }
  return { framework: framework.id, name: framework.name, counts, rows };
}

/** Ids of the implemented or partial controls among `list`, sorted. */
function workingIds(list: readonly Control[]): string[] {
  return [...new Set(list.filter((c) => covers(c.status?.value)).map((c) => c.id))].sort();
}
