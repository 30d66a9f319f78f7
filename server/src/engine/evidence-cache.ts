import type { Control } from './model';
import { controlEvidence, EvidenceFiles, joinPath, type ControlEvidence } from './evidence';

/** The evidence files of the workspace (by name only) and, per control, what they say; dropped precisely on change. */
export class EvidenceCache {
  readonly files = new EvidenceFiles();
  private readonly cache = new Map<Control, ControlEvidence>();

  of(control: Control, evidenceRoot: string): ControlEvidence {
    let e = this.cache.get(control);
    if (!e) { e = controlEvidence(control, evidenceRoot, this.files); this.cache.set(control, e); }
    return e;
  }

  /**
   * Forgets what is known of the controls whose evidence paths cover `path`; returns their files. Every control is
   * asked, not only those cached: whether a check ran since the last change must not decide what is re-checked.
   */
  changed(path: string, evidenceRoot: string, controls: Iterable<Control>): Set<string> {
    const affected = new Set<string>();
    for (const control of controls) {
      if (control.evidence.some((e) => e.path && (path === joinPath(evidenceRoot, e.path.value) || path.startsWith(joinPath(evidenceRoot, e.path.value) + '/')))) {
        this.cache.delete(control);
        affected.add(control.file);
      }
    }
    return affected;
  }

  forget(control: Control): void { this.cache.delete(control); }
  clear(): void { this.cache.clear(); }
}
