import type { Control, FileModel } from './model';
import { addTo, pull, push } from '../util/multimap';
import type { SystemDescription, Vendor } from './register-model';

/** What checks may ask of the vendor register and the system description. */
export interface RegisterView {
  vendors(id: string): readonly Vendor[];
  allVendors(): Iterable<Vendor>;
  /** Controls that list the vendor under `vendors`. */
  controlsNaming(vendorId: string): readonly Control[];
  /** The system description, when the repo has one at `paths.description`. */
  description(): SystemDescription | undefined;
}

/**
 * The project's index of vendors, the controls that name them, and the system description. Kept out of
 * the generic index: project-index.ts calls index and unindex, dependents.ts calls dependents.
 */
export class RegisterIndex implements RegisterView {
  private readonly byId = new Map<string, Vendor[]>();
  private readonly namingControls = new Map<string, Set<Control>>();
  /** control id -> vendors that list it under `monitored_by` */
  private readonly monitoredRefs = new Map<string, Set<Vendor>>();
  private readonly vendorFiles = new Set<string>();
  private desc?: SystemDescription;

  vendors(id: string): readonly Vendor[] { return this.byId.get(id) ?? []; }
  *allVendors(): Iterable<Vendor> { for (const list of this.byId.values()) yield* list; }
  controlsNaming(vendorId: string): readonly Control[] { return [...(this.namingControls.get(vendorId) ?? [])]; }
  description(): SystemDescription | undefined { return this.desc; }

  index(m: FileModel): void {
    for (const v of m.vendors ?? []) {
      push(this.byId, v.id, v);
      for (const c of v.monitoredBy) addTo(this.monitoredRefs, c.value, v);
    }
    if (m.vendors) this.vendorFiles.add(m.path);
    for (const c of m.controls) for (const v of c.vendors ?? []) addTo(this.namingControls, v.value, c);
    if (m.description) this.desc = m.description;
  }

  unindex(m: FileModel): void {
    for (const v of m.vendors ?? []) {
      pull(this.byId, v.id, v);
      for (const c of v.monitoredBy) this.monitoredRefs.get(c.value)?.delete(v);
    }
    this.vendorFiles.delete(m.path);
    for (const c of m.controls) for (const v of c.vendors ?? []) this.namingControls.get(v.value)?.delete(c);
    if (m.description && this.desc === m.description) this.desc = undefined;
  }

  /** Adds to `out` the files whose findings can change when `old` becomes `next`. */
  dependents(old: FileModel | undefined, next: FileModel | undefined, out: Set<string>, configFile: string | undefined): void {
    let vendorsChanged = false;
    for (const m of [old, next]) {
      if (!m) continue;
      for (const v of m.vendors ?? []) {
        vendorsChanged = true;
        // Duplicates, and controls whose `vendors` name this id (unknown-reference).
        for (const other of this.byId.get(v.id) ?? []) out.add(other.file);
        for (const c of this.namingControls.get(v.id) ?? []) out.add(c.file);
      }
      for (const c of m.controls) {
        // vendor-unmonitored reads the controls naming a vendor; unknown-reference reads monitored_by.
        for (const id of c.vendors ?? []) for (const v of this.byId.get(id.value) ?? []) out.add(v.file);
        for (const v of this.monitoredRefs.get(c.id) ?? []) out.add(v.file);
      }
    }
    if (vendorsChanged) {
      // Exclusions naming vendors live in soc2.yaml; the description compares itself with the register.
      if (configFile) out.add(configFile);
      if (this.desc) out.add(this.desc.file);
    }
  }
}
