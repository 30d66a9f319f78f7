import type { FileModel, Policy } from './model';
import type { ProjectIndex } from './project-index';
import { prefixOf } from './ids';

/**
 * The dependency rules of the checks: the files whose diagnostics can change when `old` becomes `next`.
 * Run before the index forgets `old`, so both sides' links are still known.
 */
export function dependents(ix: ProjectIndex, old: FileModel | undefined, next: FileModel | undefined, configFile: string | undefined, allPolicies: () => Iterable<Policy>): Set<string> {
  const out = new Set<string>();
  for (const m of [old, next]) {
    if (!m) continue;
    for (const c of m.controls) {
      for (const other of ix.controlsById.get(c.id) ?? []) out.add(other.file);
      for (const p of ix.policyRefs.get(c.id) ?? []) out.add(p.file);
      for (const p of c.policies) for (const pol of ix.policiesById.get(p.value) ?? []) out.add(pol.file);
    }
    const pol = m.policy;
    if (pol) {
      for (const other of ix.policiesById.get(pol.id) ?? []) out.add(other.file);
      for (const c of ix.controlRefs.get(pol.id) ?? []) out.add(c.file);
      for (const ref of [...pol.controls, ...pol.mentions]) {
        const id = 'value' in ref ? ref.value : ref.id;
        for (const c of ix.controlsById.get(id) ?? []) out.add(c.file);
      }
    }
  }
  for (const m of [old, next]) {
    // Risks check the controls they name (risk-untreated, risk-unknown-control) and each other's ids.
    for (const c of m?.controls ?? []) for (const r of ix.riskRefs.get(c.id) ?? []) out.add(r.file);
    for (const r of m?.risks ?? []) for (const other of ix.risksById.get(r.id) ?? []) out.add(other.file);
  }
  if ((old?.controls.length || next?.controls.length) && configFile) out.add(configFile);
  ix.register.dependents(old, next, out, configFile);
  // A prefix appearing or disappearing changes which id-shaped words in every policy are references.
  if (prefixesChange(ix, old, next)) for (const pol of allPolicies()) out.add(pol.file);
  return out;
}

function prefixesChange(ix: ProjectIndex, old: FileModel | undefined, next: FileModel | undefined): boolean {
  const delta = new Map<string, number>();
  for (const c of old?.controls ?? []) delta.set(prefixOf(c.id), (delta.get(prefixOf(c.id)) ?? 0) - 1);
  for (const c of next?.controls ?? []) delta.set(prefixOf(c.id), (delta.get(prefixOf(c.id)) ?? 0) + 1);
  for (const [prefix, d] of delta) {
    const before = ix.prefixCounts.get(prefix) ?? 0;
    if ((before > 0) !== (before + d > 0)) return true;
  }
  return false;
}
