/**
 * The "SOC 2 Coverage" tree as plain data: category → criterion → controls and policies.
 * Pure (no vscode import) so it can be unit-tested; coverage-view.ts turns nodes into TreeItems.
 */
import type { SummaryResult, RootSummary } from '../../server/src/lsp/protocol';
import type { CriterionStatus } from '../../server/src/engine/summary';
import { vendorsNode } from './coverage-vendors';

export type NodeKind = 'root' | 'category' | 'criterion' | 'control' | 'policy' | 'vendors' | 'vendor';

export interface CoverageNode {
  kind: NodeKind;
  /** Unique and stable across refreshes, so the view keeps expansion state. */
  key: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Codicon id (ThemeIcon). */
  icon?: string;
  /** Theme colour id for the icon. */
  iconColor?: string;
  status?: CriterionStatus;
  /** Where a control or policy is defined (1-based line, path relative to `root`). */
  location?: { root: string; file: string; line: number };
  children: CoverageNode[];
}

/** Status icons of criteria, as the brief and the Problems panel use them. */
const STATUS_ICON: Record<Exclude<CriterionStatus, 'out-of-scope'>, { icon: string; color: string }> = {
  covered: { icon: 'pass', color: 'testing.iconPassed' },
  partial: { icon: 'warning', color: 'list.warningForeground' },
  gap: { icon: 'error', color: 'list.errorForeground' },
  excluded: { icon: 'circle-slash', color: 'disabledForeground' },
};

const STATUS_TEXT: Record<Exclude<CriterionStatus, 'out-of-scope'>, string> = {
  covered: 'covered by an implemented control',
  partial: 'only partial controls (half credit)',
  gap: 'no implemented or partial control',
  excluded: 'excluded from scope',
};

/**
 * Builds the tree. One compliance root: its categories at the top; several: one node per root.
 * Only in-scope categories are listed (out-of-scope criteria are not part of the audit).
 */
export function buildCoverageTree(result: SummaryResult | undefined): CoverageNode[] {
  if (!result?.roots.length) return [];
  if (result.roots.length === 1) return withVendors(result.roots[0]!, categoryNodes(result.roots[0]!));
  return result.roots.map((r) => ({
    kind: 'root' as const,
    key: `root:${r.root}`,
    label: r.name,
    description: `${r.summary.readiness}% ready`,
    tooltip: r.root,
    icon: 'folder',
    children: withVendors(r, categoryNodes(r)),
  }));
}

/** The categories, then a Vendors node when the repo keeps a vendor register. */
function withVendors(r: RootSummary, nodes: CoverageNode[]): CoverageNode[] {
  const vendors = vendorsNode(r);
  return vendors ? [...nodes, vendors] : nodes;
}

function categoryNodes(r: RootSummary): CoverageNode[] {
  const s = r.summary;
  return s.categories.filter((c) => c.inScope).map((cat) => {
    const counted = cat.criteria - cat.excluded;
    const parts = [`${cat.covered}/${counted} covered`];
    if (cat.partial) parts.push(`${cat.partial} partial`);
    if (cat.gap) parts.push(`${cat.gap} gap${cat.gap === 1 ? '' : 's'}`);
    if (cat.excluded) parts.push(`${cat.excluded} excluded`);
    const key = `${r.root}|${cat.id}`;
    return {
      kind: 'category' as const,
      key,
      label: cat.name,
      description: parts.join(' · '),
      icon: cat.gap ? 'shield' : 'verified',
      children: s.criteria.filter((c) => c.category === cat.id && Object.hasOwn(STATUS_ICON, c.status)).map((c) => criterionNode(r, key, c)),
    };
  });
}

function criterionNode(r: RootSummary, parentKey: string, c: RootSummary['summary']['criteria'][number]): CoverageNode {
  const status = c.status as Exclude<CriterionStatus, 'out-of-scope'>;
  const icon = STATUS_ICON[status];
  const key = `${parentKey}|${c.id}`;
  const item = (kind: 'control' | 'policy', id: string): CoverageNode => {
    const loc = Object.hasOwn(r.summary.locations, id) ? r.summary.locations[id] : undefined;
    return {
      kind,
      key: `${key}|${kind}|${id}`,
      label: id,
      description: loc ? `${kind} · ${loc.file}:${loc.line}` : `${kind} · not found`,
      icon: kind === 'control' ? 'checklist' : 'book',
      ...(loc ? { location: { root: r.root, file: loc.file, line: loc.line } } : {}),
      children: [],
    };
  };
  const planned = c.planned?.length ? ` · planned: ${c.planned.join(', ')}` : '';
  const detail = status === 'excluded' ? `excluded: ${c.exclusionReason ?? 'no reason given'}` : `${STATUS_TEXT[status]}${planned}`;
  return {
    kind: 'criterion',
    key,
    label: c.id,
    description: status === 'excluded' ? `excluded · ${c.exclusionReason ?? c.summary}` : `${status}${c.planned?.length ? ' (planned)' : ''} · ${c.summary}`,
    tooltip: `${c.id} — ${c.series}\n${c.summary}\n\n${detail}`,
    icon: icon.icon,
    iconColor: icon.color,
    status,
    children: [...c.controls.map((id) => item('control', id)), ...c.policies.map((id) => item('policy', id))],
  };
}
