import type { Diagnostic } from '../engine/model';
import type { CriterionChange, ReadinessDelta } from '../engine/delta';

/** A diagnostic as the CLI's JSON contract gives it: 1-based lines and columns, paths relative to the repo. */
export interface CliDiagnostic {
  file: string; line: number; column: number; endLine: number; endColumn: number;
  severity: string; code: string; message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}

function toCliDiagnostic(d: Diagnostic): CliDiagnostic {
  return {
    file: d.file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.related?.length ? { related: d.related.map((r) => ({ file: r.file, line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message })) } : {}),
  };
}

/** `file:line:col severity message [code]`, the form editors' problem matchers understand. */
export function formatCheckText(diagnostics: Diagnostic[]): string {
  const lines = diagnostics.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${oneLine(d.message)} [${d.code}]`);
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  lines.push(`${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`);
  return lines.join('\n') + '\n';
}

export function formatCheckJson(diagnostics: Diagnostic[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ diagnostics: diagnostics.map(toCliDiagnostic), ...extra }, null, 2) + '\n';
}

function oneLine(s: string): string { return s.replace(/\s*\n\s*/g, ' '); }

/** The `--base` comparison for people: coverage first (what a reviewer must not miss), then findings. */
export function formatDeltaText(delta: ReadinessDelta): string {
  const line = (d: Diagnostic) => `    ${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${oneLine(d.message)} [${d.code}]`;
  const change = (c: CriterionChange) => `${c.id} (${c.from} → ${c.to})`;
  const out = [`Changes against ${delta.base}: readiness ${delta.readiness.before}% → ${delta.readiness.after}%`];
  out.push(`  criteria newly uncovered: ${delta.newlyUncovered.map(change).join(', ') || 'none'}`);
  out.push(`  criteria newly covered: ${delta.newlyCovered.map(change).join(', ') || 'none'}`);
  out.push(`  findings added: ${delta.added.length}`, ...delta.added.map(line));
  out.push(`  findings fixed: ${delta.fixed.length}`, ...delta.fixed.map(line));
  return out.join('\n') + '\n';
}

/** The `"delta"` member of the JSON output; findings in the same shape as `diagnostics`. */
export function deltaJson(delta: ReadinessDelta): object {
  return {
    base: delta.base,
    readiness: delta.readiness,
    criteria: { newlyUncovered: delta.newlyUncovered, newlyCovered: delta.newlyCovered },
    diagnostics: { added: delta.added.map(toCliDiagnostic), fixed: delta.fixed.map(toCliDiagnostic) },
  };
}
