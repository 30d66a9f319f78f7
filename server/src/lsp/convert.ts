import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../engine/model';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/** Engine diagnostic to LSP, with related locations turned into URIs by the caller's resolver. */
export function toLspDiagnostic(d: Diagnostic, uriOf: (relPath: string) => string): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'soc2',
    message: d.message,
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: r.message })) } : {}),
    ...(d.data ? { data: d.data } : {}),
  };
}
