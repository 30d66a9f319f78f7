/** Text of the status bar item. Pure (no vscode import) so it can be unit-tested. */
import type { SummaryResult, RootSummary } from '../../server/src/lsp/protocol';

export interface StatusModel {
  /** Undefined hides the item (no compliance root in the workspace). */
  text?: string;
  tooltip: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Criteria with no implemented or partial control (planned ones included: a plan earns no credit); partial ones are reported apart. */
export function gapCount(r: RootSummary): number {
  return r.summary.criteria.filter((c) => c.status === 'gap').length;
}

/**
 * The root the status bar describes: the deepest one holding the active document, else the first.
 * `normalize` maps both URIs to a comparable form (the caller's URI library may encode differently).
 */
export function pickRoot(result: SummaryResult, activeUri?: string, normalize: (uri: string) => string = (u) => u): RootSummary | undefined {
  let best: { r: RootSummary; len: number } | undefined;
  if (activeUri) {
    const active = normalize(activeUri);
    for (const r of result.roots) {
      const root = normalize(r.root);
      const base = root.endsWith('/') ? root : `${root}/`;
      if (active.startsWith(base) && (!best || base.length > best.len)) best = { r, len: base.length };
    }
  }
  return best?.r ?? result.roots[0];
}

export function statusModel(result: SummaryResult | undefined, state: { error?: string; activeUri?: string; normalize?: (uri: string) => string } = {}): StatusModel {
  if (state.error) return { text: '$(shield) SOC 2 $(warning)', tooltip: `SOC 2: the readiness summary is unavailable: ${state.error}` };
  if (!result) return { text: '$(sync~spin) SOC 2', tooltip: 'SOC 2: reading policies and controls…' };
  const r = pickRoot(result, state.activeUri, state.normalize);
  if (!r) return { tooltip: 'SOC 2: no soc2.yaml in this workspace' };
  const gaps = gapCount(r);
  const s = r.summary;
  const partial = s.criteria.filter((c) => c.status === 'partial').length;
  const planned = s.criteria.filter((c) => c.status === 'gap' && c.planned?.length).length;
  const lines = [
    `SOC 2 readiness of ${r.name}: ${s.readiness}%`,
    `${gaps} ${gaps === 1 ? 'criterion' : 'criteria'} without a control${planned ? ` (${planned} planned)` : ''}, ${partial} only partially covered`,
    `${plural(s.severities.error, 'error')}, ${plural(s.severities.warning, 'warning')}`,
  ];
  if (result.roots.length > 1) lines.push('', ...result.roots.filter((x) => x !== r).map((x) => `${x.name}: ${x.summary.readiness}%, ${plural(gapCount(x), 'gap')}`));
  if (result.indexing) lines.push('', 'Still reading the workspace.');
  lines.push('', 'Click to show the readiness summary.');
  return { text: `$(shield) SOC 2 ${s.readiness}% · ${plural(gaps, 'gap')}`, tooltip: lines.join('\n') };
}
