/** The webview gets one section per framework in scope and the coverage tree one top-level node each; SOC 2 stays first. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { computeSummary } from '../../server/src/engine/summary';
import { CHECKS } from '../../server/src/checks';
import { buildCoverageTree } from '../../client/src/coverage-tree';
import { renderSummaryHtml } from '../../client/src/summary-html';
import type { SummaryResult } from '../../server/src/lsp/protocol';
import { edit, TODAY } from '../helpers';
import { frameworksRepo } from './repo';

async function result(files: Record<string, string>): Promise<SummaryResult> {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  return { roots: [{ root: 'file:///repo', name: 'repo', summary: computeSummary(project), markdown: '' }], indexing: false };
}

test('coverage tree: categories first, then one node per framework with its requirements', async () => {
  const tree = buildCoverageTree(await result(frameworksRepo()));
  assert.deepEqual(tree.map((n) => `${n.kind} ${n.label}`), ['category Security', 'framework ISO/IEC 27001:2022 Annex A', 'framework Acme customer security questionnaire']);
  const iso = tree[1]!;
  assert.equal(iso.description, '2% ready · 2/92 covered · 90 gaps · 1 excluded');
  assert.equal(iso.children.length, 93);
  const a515 = iso.children.find((c) => c.label === 'A.5.15')!;
  assert.equal(a515.kind, 'requirement');
  assert.equal(a515.icon, 'pass');
  assert.deepEqual(a515.children.map((c) => `${c.kind} ${c.label}`), ['control AC-01']);
  assert.equal(iso.children.find((c) => c.label === 'A.7.4')!.icon, 'circle-slash');
  assert.equal(tree[2]!.children.find((c) => c.label === 'Q-2')!.icon, 'error');
});

test('webview: a section per framework after the SOC 2 criteria, values escaped', async () => {
  const files = edit(frameworksRepo(), 'frameworks/acme-questionnaire.yaml', 'name: Acme customer security questionnaire', 'name: "<img src=x onerror=alert(1)>"');
  const html = renderSummaryHtml(await result(files), 'abcdefghijklmnopqrstuv');
  assert.ok(html.indexOf('Criteria in scope') < html.indexOf('ISO&#47;IEC 27001&#58;2022 Annex A: 2% ready'));
  assert.match(html, /<section class="framework" aria-label="ISO&#47;IEC 27001&#58;2022 Annex A">/);
  assert.match(html, /data-file="controls&#47;access.yaml"[^>]*title="A.5.15/);
  assert.ok(!html.includes('<img'));
  const i = html.indexOf('50% ready'); assert.ok(i > 0, 'section'); assert.equal(html.slice(i - 46, i + 9), '&#60;img src&#61;x onerror&#61;alert(1)&#62;: 50% ready');
});
