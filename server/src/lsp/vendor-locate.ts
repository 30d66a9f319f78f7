import { rangeContains, type Position, type Range } from '../engine/text';
import type { FileModel } from '../engine/model';
import type { Project } from '../engine/project';

export interface VendorTarget { kind: 'vendor'; id: string; range: Range; role: 'definition' | 'reference' }

/**
 * A vendor id at a position of the model: its definition in the register, a control's `vendors` item,
 * an exclusion's `vendor`, or the description's `subservice_organizations`. Also the criteria of a CSOC
 * or a CUEC, and the controls of a vendor's `monitored_by`, which the generic locator does not know.
 */
export function vendorTargetAt(model: FileModel, pos: Position):
  | VendorTarget | { kind: 'criterion'; id: string; range: Range } | { kind: 'control'; id: string; range: Range; role: 'reference' } | undefined {
  for (const v of model.vendors ?? []) {
    if (rangeContains(v.idRange, pos)) return { kind: 'vendor', id: v.id, range: v.idRange, role: 'definition' };
    for (const c of v.monitoredBy) if (rangeContains(c.range, pos)) return { kind: 'control', id: c.value, range: c.range, role: 'reference' };
    for (const csoc of v.csocs) for (const cr of csoc.criteria) if (rangeContains(cr.range, pos)) return { kind: 'criterion', id: cr.value, range: cr.range };
  }
  for (const c of model.controls) for (const v of c.vendors ?? []) if (rangeContains(v.range, pos)) return { kind: 'vendor', id: v.value, range: v.range, role: 'reference' };
  for (const e of model.config?.exclusions ?? []) if (e.vendor && rangeContains(e.vendor.range, pos)) return { kind: 'vendor', id: e.vendor.value, range: e.vendor.range, role: 'reference' };
  const d = model.description;
  for (const id of d?.subserviceIds ?? []) if (rangeContains(id.range, pos)) return { kind: 'vendor', id: id.value, range: id.range, role: 'reference' };
  for (const cuec of d?.cuecs ?? []) for (const cr of cuec.criteria) if (rangeContains(cr.range, pos)) return { kind: 'criterion', id: cr.value, range: cr.range };
  return undefined;
}

/** Where a vendor id is used: controls' `vendors` items, exclusions' `vendor`, the description's list. */
export function vendorReferences(project: Project, id: string): { file: string; range: Range }[] {
  const out: { file: string; range: Range }[] = [];
  for (const c of project.register.controlsNaming(id)) for (const v of c.vendors ?? []) if (v.value === id) out.push({ file: c.file, range: v.range });
  if (project.configFile) for (const e of project.config.exclusions) if (e.vendor?.value === id) out.push({ file: project.configFile, range: e.vendor.range });
  const d = project.register.description();
  for (const s of d?.subserviceIds ?? []) if (s.value === id) out.push({ file: d!.file, range: s.range });
  return out;
}

/** Vendors' `monitored_by` items naming a control. */
export function monitoredByReferences(project: Project, controlId: string): { file: string; range: Range }[] {
  const out: { file: string; range: Range }[] = [];
  for (const v of project.register.allVendors()) for (const m of v.monitoredBy) if (m.value === controlId) out.push({ file: v.file, range: m.range });
  return out;
}
