import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { FileKind } from '../engine/model';
import { ASSURANCE_TYPES, CRITICALITIES, SUBSERVICE_KINDS } from '../catalog/vendor-vocabulary';
import type { FeatureContext } from './feature-context';
import { assuranceStatus } from './vendor-hover';
import { field, md } from './markdown';

/**
 * Completion of the vendor register's words: vendor ids in a control's `vendors` and an exclusion's
 * `vendor` (and the description's `subservice_organizations`), and the register's enum values.
 * Undefined when the key is not one of ours; completion.ts then carries on.
 */
export function vendorCompletion(ctx: FeatureContext, kind: FileKind, key: string, mode: 'list' | 'scalar', range: Range): CompletionItem[] | undefined {
  if ((mode === 'list' && key === 'vendors' && kind === 'controls') || (mode === 'scalar' && key === 'vendor' && kind === 'config')
    || (mode === 'list' && key === 'subservice_organizations' && kind === 'description')) return vendorIds(ctx, range);
  if (kind !== 'vendors' || mode !== 'scalar') return undefined;
  const table = key === 'criticality' ? CRITICALITIES : key === 'subservice' ? SUBSERVICE_KINDS : key === 'type' ? ASSURANCE_TYPES : undefined;
  return table?.map((t, i) => ({ label: t.id, kind: CompletionItemKind.EnumMember, detail: t.label, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: t.id } }));
}

function vendorIds(ctx: FeatureContext, range: Range): CompletionItem[] {
  const seen = new Map<string, CompletionItem>();
  for (const v of ctx.project.register.allVendors()) {
    if (seen.has(v.id)) continue;
    const doc = [field('Subservice organisation', md(v.subservice?.value ?? 'not set')), field('Criticality', md(v.criticality?.value ?? 'not set')), field('Assurance', assuranceStatus(ctx.project, v))];
    seen.set(v.id, { label: v.id, kind: CompletionItemKind.Reference, detail: v.name ?? v.service ?? v.file, documentation: { kind: MarkupKind.Markdown, value: doc.join('\n') }, textEdit: { range, newText: v.id } });
  }
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}
