import { STANDARD_FAMILIES, STANDARD_TOKENS } from '../catalog/not-ids';
import { prefixOf } from '../engine/ids';
import type { Check, ProjectView } from './types';

const FAMILIES = new Set(STANDARD_FAMILIES.map((f) => f.toUpperCase()));
const TOKENS = new Set(STANDARD_TOKENS.map((t) => t.toUpperCase()));

/** A standard or algorithm name (SHA-256, SSAE-18, OMB Circular A-130, curve P-256), not a control id. */
export function isStandardName(token: string): boolean {
  const t = token.toUpperCase();
  return TOKENS.has(t) || FAMILIES.has(prefixOf(t));
}

/**
 * Whether a mention names a standard rather than a control: an exact standard token always does; a member of a
 * standards family only when the repo's own controls do not use that family as their prefix (a repo whose
 * encryption controls are EN-0401.. means a control by EN-0409, not a European standard).
 */
function namesStandard(id: string, project: ProjectView): boolean {
  const t = id.toUpperCase();
  return TOKENS.has(t) || (FAMILIES.has(prefixOf(t)) && !project.hasControlPrefix(prefixOf(id)));
}

export const unknownReference: Check = {
  code: 'unknown-reference',
  severity: 'error',
  doc: 'A policy names a control, a control a policy or vendor, a vendor a control, or an exclusion a vendor, that does not exist (an error in front matter, a warning in prose).',
  appliesTo: ['controls', 'policy', 'vendors', 'config'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      for (const p of c.policies) {
        if (!project.policies(p.value).length) report({ range: p.range, message: `Control ${c.id} names policy ${p.value}, which does not exist.`, data: { kind: 'policy', id: p.value } });
      }
    }
    for (const c of file.controls) {
      for (const v of c.vendors ?? []) {
        if (!project.register.vendors(v.value).length) report({ range: v.range, message: `Control ${c.id} names vendor ${v.value}, which is not in the vendor register.`, data: { kind: 'vendor', id: v.value } });
      }
    }
    for (const v of file.vendors ?? []) {
      for (const c of v.monitoredBy) {
        if (!project.controls(c.value).length) report({ range: c.range, message: `Vendor ${v.id} is monitored by control ${c.value}, which does not exist.`, data: { kind: 'control', id: c.value } });
      }
    }
    // Stryker disable next-line ArrayDeclaration: a filler entry in place of missing exclusions names no vendor, so it is skipped just the same
    for (const e of file.config?.exclusions ?? []) {
      if (e.vendor && !project.register.vendors(e.vendor.value).length) report({ range: e.vendor.range, message: `The exclusion of ${e.criterion.value} names vendor ${e.vendor.value}, which is not in the vendor register.`, data: { kind: 'vendor', id: e.vendor.value } });
    }
    const pol = file.policy;
    if (!pol) return;
    for (const c of pol.controls) {
      if (!project.controls(c.value).length) report({ range: c.range, message: `Policy ${pol.id} lists control ${c.value}, which does not exist.`, data: { kind: 'control', id: c.value, policy: pol.id } });
    }
    for (const m of pol.mentions) {
      if (project.controls(m.id).length || namesStandard(m.id, project)) continue;
      // A link to an id is meant as a reference; a bare word only when it has the repo's id shape.
      if (!m.viaLink && !project.hasControlShape(m.id)) continue;
      // Prose is read by a pattern, so an unresolved mention is a warning; the front matter list above stays an error.
      report({
        range: m.range,
        severity: 'warning',
        message: `Policy ${pol.id} mentions control ${m.id}, which does not exist.`,
        data: { kind: 'control', id: m.id, policy: pol.id },
      });
    }
  },
};
