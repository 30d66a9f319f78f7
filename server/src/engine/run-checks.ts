import type { Diagnostic, FileModel, Severity } from './model';
import type { Check, ProjectView } from './check-api';
import { ZERO_RANGE } from './text';

/**
 * Runs the checks that apply to one file, with soc2.yaml's severity overrides. A check that throws becomes an
 * `internal-error` diagnostic on the file, so one bug never hides the other checks' findings.
 */
export function runChecks(model: FileModel, view: ProjectView, checks: readonly Check[], overrides: Record<string, Severity | 'off'>, fileLocalOnly: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of checks) {
    if (!check.appliesTo.includes(model.kind) || (fileLocalOnly && check.crossFile)) continue;
    const override = overrides[check.code];
    if (override === 'off') continue;
    try {
      check.run(model, view, (f) => out.push({
        file: model.path, range: f.range, severity: override ?? f.severity ?? check.severity, code: check.code,
        message: f.message, ...(f.related ? { related: f.related } : {}), ...(f.data ? { data: f.data } : {}),
      }));
    } catch (err) {
      out.push({ file: model.path, range: ZERO_RANGE, severity: 'error', code: 'internal-error', message: `The ${check.code} check failed on this file: ${(err as Error).message}. Please report this.` });
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  return out;
}
