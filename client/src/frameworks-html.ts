/**
 * The webview's sections for the other frameworks in scope (ISO 27001, NIST CSF, repo frameworks): one per
 * framework, with its readiness and a grid of requirements. Pure, escaped like the rest of the page.
 */
import type { RootSummary } from '../../server/src/lsp/protocol';
import { escapeHtml, link } from './summary-html';

const MARK: Record<string, string> = { covered: '✔', partial: '◐', gap: '✘', excluded: '–' };
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function renderFrameworks(r: RootSummary): string {
  const s = r.summary;
  return (s.frameworks ?? []).map((f) => {
    const cells = f.rows.filter((x) => Object.hasOwn(MARK, x.status)).map((x) => {
      const loc = x.controls.map((c) => c.id).filter((id) => Object.hasOwn(s.locations, id)).map((id) => s.locations[id])[0] ?? { file: 'soc2.yaml', line: 1 };
      const detail = x.status === 'excluded' ? `excluded: ${x.exclusionReason || 'no reason given'}` : `${x.status}; controls: ${x.controls.map((c) => c.id).join(', ') || 'none'}; policies: ${x.policies.join(', ') || 'none'}`;
      const text = `<span class="mark" aria-hidden="true">${MARK[x.status]}</span><span>${escapeHtml(x.id)}</span>`;
      return link(r.root, loc.file, loc.line, text, `cell st-${x.status}`, `${x.id}: ${x.title}\n${detail}`);
    });
    return [
      `<section class="framework" aria-label="${escapeHtml(f.name)}">`,
      `<h2>${escapeHtml(f.name)}: ${num(f.readiness)}% ready</h2>`,
      `<p class="muted">${num(f.covered)} covered, ${num(f.partial)} partial, ${num(f.gap)} gap of ${num(f.requirements) - num(f.excluded)} applicable requirements; ${num(f.excluded)} excluded.</p>`,
      `<div class="grid">${cells.join('')}</div>`,
      '</section>',
    ].join('\n');
  }).join('\n');
}
