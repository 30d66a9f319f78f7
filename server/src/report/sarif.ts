import { sha256 } from '../util/hash';
import type { Diagnostic, Severity } from '../engine/model';
import type { Check } from '../checks/types';
import { findingKey } from '../engine/delta';

/** SARIF's levels: our info and hint both read as `note`, which code scanning shows as a notice. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  /** Every check, so each code has rule metadata even when it found nothing in this run. */
  checks: readonly Check[];
  version: string;
  /** Folder of the checked repo inside the git repository (`compliance/`), so code scanning links to the right file. */
  uriPrefix?: string;
  /** Finding keys present at the `--base` revision: results get `baselineState` new or unchanged. */
  baseline?: ReadonlySet<string>;
}

/** A SARIF 2.1.0 log of one run: rule metadata for every check, one result per diagnostic. */
export function buildSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): object {
  const rules = options.checks.map((c) => rule(c.code, c.doc, c.severity));
  const index = new Map(options.checks.map((c, i) => [c.code, i]));
  for (const d of diagnostics) {
    // Codes outside the registry (internal-error) still need a rule for ruleIndex to point at.
    if (!index.has(d.code)) { index.set(d.code, rules.length); rules.push(rule(d.code, 'A problem the checker itself ran into.', d.severity)); }
  }
  const uri = (file: string) => (options.uriPrefix ?? '').split('/').filter(Boolean).concat(file.split('/')).map(encodeURIComponent).join('/');
  const seen = new Map<string, number>();
  const results = diagnostics.map((d) => {
    const key = findingKey(d);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [location(uri(d.file), d.range)],
      ...(d.related?.length ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(uri(r.file), r.range), message: { text: r.message } })) } : {}),
      // Stable across line moves, so code scanning keeps one alert per finding from run to run.
      partialFingerprints: { 'soc2FindingHash/v1': sha256(`${key}\u0000${n}`).slice(0, 32) },
      ...(options.baseline ? { baselineState: options.baseline.has(key) ? 'unchanged' : 'new' } : {}),
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'soc2', fullName: 'soc2: SOC 2 policies and controls as code', version: options.version, semanticVersion: options.version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

function rule(code: string, doc: string, severity: Severity) {
  return {
    id: code,
    name: code.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: doc },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['soc2', 'compliance'] },
  };
}

function location(uri: string, range: Diagnostic['range']) {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      // SARIF is 1-based; endColumn is the column after the last character, as in our JSON output.
      region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
    },
  };
}
