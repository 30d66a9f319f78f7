import type { Diagnostic, FileModel, Severity } from './model';
import type { Check, ProjectView } from './check-api';
import { ZERO_RANGE, type Range } from './text';

/**
 * Runs the checks that apply to one file, with soc2.yaml's severity overrides. A check that throws becomes an
 * `internal-error` diagnostic on the file, so one bug never hides the other checks' findings.
 */
export function runChecks(model: FileModel, view: ProjectView, checks: readonly Check[], overrides: Record<string, Severity | 'off'>, fileLocalOnly: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Items a syntax error cut short get only syntax findings (no missing-owner for an owner that is there but unreadable).
  const damaged = [...model.controls, ...(model.risks ?? []), ...(model.people ?? [])].filter((i) => i.incomplete).map((i) => i.range);
  for (const check of checks) {
    if (!check.appliesTo.includes(model.kind) || (fileLocalOnly && check.crossFile)) continue;
    const override = overrides[check.code];
    if (override === 'off') continue;
    try {
      check.run(model, view, (f) => (!check.parseProblems && damaged.some((r) => startsWithin(f.range, r))) || out.push({
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

function startsWithin(inner: Range, outer: Range): boolean {
  const p = inner.start;
  const afterStart = p.line > outer.start.line || (p.line === outer.start.line && p.character >= outer.start.character);
  const beforeEnd = p.line < outer.end.line || (p.line === outer.end.line && p.character <= outer.end.character);
  return afterStart && beforeEnd;
}
