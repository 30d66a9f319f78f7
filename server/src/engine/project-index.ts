import type { Control, FileModel, Policy, Risk } from './model';
import { addTo, pull, push } from '../util/multimap';
import { covers } from './readiness';
import { idShape, prefixOf } from './ids';
import { RegisterIndex } from './register-index';

/**
 * The cross-file lookups of one project: ids, links between policies, controls and risks, criteria coverage
 * and control-id prefixes. Kept up to date model by model (index / unindex), never rebuilt.
 */
export class ProjectIndex {
  readonly controlsById = new Map<string, Control[]>();
  readonly policiesById = new Map<string, Policy[]>();
  /** control id -> policies that list or mention it */
  readonly policyRefs = new Map<string, Set<Policy>>();
  /** policy id -> controls that list it */
  readonly controlRefs = new Map<string, Set<Control>>();
  readonly prefixCounts = new Map<string, number>();
  /** idShape -> how many controls have it (unknown-reference reads prose words of these shapes as ids). */
  readonly shapeCounts = new Map<string, number>();
  /** criterion id -> controls that map it, and how many of those are implemented or partial */
  readonly controlsByCriterion = new Map<string, Set<Control>>();
  readonly coveringCounts = new Map<string, number>();
  readonly risksById = new Map<string, Risk[]>();
  /** control id -> risks that name it */
  readonly riskRefs = new Map<string, Set<Risk>>();
  /** Vendors, the controls naming them, and the system description. */
  readonly register = new RegisterIndex();

  index(m: FileModel): void {
    for (const c of m.controls) {
      push(this.controlsById, c.id, c);
      this.countCoverage(c, 1);
      for (const p of c.policies) addTo(this.controlRefs, p.value, c);
      const prefix = prefixOf(c.id);
      this.prefixCounts.set(prefix, (this.prefixCounts.get(prefix) ?? 0) + 1);
      this.shapeCounts.set(idShape(c.id), (this.shapeCounts.get(idShape(c.id)) ?? 0) + 1);
    }
    const pol = m.policy;
    if (pol) {
      push(this.policiesById, pol.id, pol);
      for (const c of pol.controls) addTo(this.policyRefs, c.value, pol);
      for (const c of pol.mentions) addTo(this.policyRefs, c.id, pol);
    }
    for (const r of m.risks ?? []) {
      push(this.risksById, r.id, r);
      for (const c of r.controls) addTo(this.riskRefs, c.value, r);
    }
    this.register.index(m);
  }

  unindex(m: FileModel): void {
    for (const c of m.controls) {
      pull(this.controlsById, c.id, c);
      this.countCoverage(c, -1);
      for (const p of c.policies) this.controlRefs.get(p.value)?.delete(c);
      const prefix = prefixOf(c.id);
      const n = (this.prefixCounts.get(prefix) ?? 1) - 1;
      if (n <= 0) this.prefixCounts.delete(prefix); else this.prefixCounts.set(prefix, n);
      const k = (this.shapeCounts.get(idShape(c.id)) ?? 1) - 1;
      if (k <= 0) this.shapeCounts.delete(idShape(c.id)); else this.shapeCounts.set(idShape(c.id), k);
    }
    const pol = m.policy;
    if (pol) {
      pull(this.policiesById, pol.id, pol);
      for (const c of pol.controls) this.policyRefs.get(c.value)?.delete(pol);
      for (const c of pol.mentions) this.policyRefs.get(c.id)?.delete(pol);
    }
    for (const r of m.risks ?? []) {
      pull(this.risksById, r.id, r);
      for (const c of r.controls) this.riskRefs.get(c.value)?.delete(r);
    }
    this.register.unindex(m);
  }

  /** Keeps, per criterion, its mapping controls and how many of them cover it (implemented or partial). */
  private countCoverage(c: Control, delta: 1 | -1): void {
    const covering = covers(c.status?.value);
    for (const id of c.criteria) {
      if (delta > 0) addTo(this.controlsByCriterion, id.value, c); else this.controlsByCriterion.get(id.value)?.delete(c);
      if (covering) this.coveringCounts.set(id.value, (this.coveringCounts.get(id.value) ?? 0) + delta);
    }
  }
}
