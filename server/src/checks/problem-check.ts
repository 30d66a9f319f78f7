import type { FileKind, Severity } from '../engine/model';
import type { Check } from './types';

/**
 * Checks whose findings come from reading the file (syntax, schema, encoding): the parser records
 * them, and the check surfaces those of its code, so they can be switched off or re-levelled like any other.
 */
export function problemCheck(code: string, severity: Severity, doc: string, appliesTo: readonly FileKind[]): Check {
  return {
    code, severity, doc, appliesTo, parseProblems: true,
    run(file, _project, report) {
      for (const p of file.problems) {
        if (p.code === code) report({ range: p.range, message: p.message, severity: p.severity, data: p.data });
      }
    },
  };
}
