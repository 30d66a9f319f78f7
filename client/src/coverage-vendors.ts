/**
 * The Vendors node of the "SOC 2 Coverage" tree: subservice organisations first, each vendor with its
 * subservice role, assurance and findings, opening its register entry. Pure, like coverage-tree.ts.
 */
import type { RootSummary } from '../../server/src/lsp/protocol';
import type { CoverageNode } from './coverage-tree';

export function vendorsNode(r: RootSummary): CoverageNode | undefined {
  const rows = Array.isArray(r.summary.vendors) ? r.summary.vendors : [];
  if (!rows.length) return undefined;
  const key = `${r.root}|vendors`;
  const flagged = rows.filter((v) => v.problems.length).length;
  const subs = rows.filter((v) => v.subservice === 'carve-out' || v.subservice === 'inclusive').length;
  return {
    kind: 'vendors',
    key,
    label: 'Vendors',
    description: `${rows.length} · ${subs} subservice · ${flagged ? `${flagged} with findings` : 'all in order'}`,
    icon: 'organization',
    children: rows.map((v) => {
      const a = v.assurance;
      const assurance = !a?.type || a.type === 'none' ? 'no assurance' : `${a.type}${a.periodEnd ? ` to ${a.periodEnd}` : ''}${a.bridgeLetterUntil ? `, bridge to ${a.bridgeLetterUntil}` : ''}`;
      const role = v.subservice === 'carve-out' || v.subservice === 'inclusive' ? v.subservice : (v.criticality ?? 'vendor');
      return {
        kind: 'vendor' as const,
        key: `${key}|${v.id}`,
        label: v.id,
        description: `${role} · ${assurance}${v.problems.length ? ` · ${v.problems.join(', ')}` : ''}`,
        tooltip: `${v.id}${v.name ? ` (${v.name})` : ''}\n${v.service ?? ''}\n\nAssurance: ${assurance}\nNext review: ${v.nextReview ?? 'not set'}\nFindings: ${v.problems.join(', ') || 'none'}`,
        icon: v.problems.length ? 'warning' : 'pass',
        iconColor: v.problems.length ? 'list.warningForeground' : 'testing.iconPassed',
        location: { root: r.root, file: v.file, line: v.line },
        children: [],
      };
    }),
  };
}
