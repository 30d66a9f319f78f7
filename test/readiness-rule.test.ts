// Issue 20, bug 5: one readiness rule everywhere. Only `partial` earns half credit; `planned` (and a control with
// no status) earns nothing and shows as "planned" beside the gap; unmapped-criterion fires on exactly the gaps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { CHECKS } from '../server/src/checks';
import { computeSummary } from '../server/src/engine/summary';
import { criterionHover } from '../server/src/lsp/hover';
import { formatSummaryMarkdown, formatSummaryText } from '../server/src/report/summary-text';
import { formatSummaryHtml } from '../server/src/report/summary-html';
import { buildCoverageTree } from '../client/src/coverage-tree';
import { statusModel } from '../client/src/status-text';
import { makeNonce, renderSummaryHtml } from '../client/src/summary-html';
import type { RootSummary } from '../server/src/lsp/protocol';
import { baseRepo, TODAY } from './helpers';

function repo(): Record<string, string> {
  const files = baseRepo(); // AC-01 implemented maps CC6.1
  const control = (id: string, status: string | undefined, criterion: string) =>
    `  - id: ${id}\n    title: ${id}\n    owner: o@example.com\n    frequency: on-event\n${status ? `    status: ${status}\n` : ''}    criteria: [${criterion}]\n    last_reviewed: 2026-03-01\n`;
  files['controls/more.yaml'] = 'controls:\n' + control('PA-01', 'partial', 'CC6.2') + control('PL-01', 'planned', 'CC6.3') + control('NS-01', undefined, 'CC6.4') + control('NA-01', 'not-applicable', 'CC6.5');
  return files;
}

async function summarise() {
  const { project } = await loadProject(new MemoryWorkspace(repo()), { checks: CHECKS, today: TODAY });
  return { project, summary: computeSummary(project) };
}

test('summary: implemented covers, partial is half, planned and no status are gaps shown as planned', async () => {
  const { summary } = await summarise();
  const row = (id: string) => summary.criteria.find((c) => c.id === id)!;
  assert.deepEqual(['CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5'].map((id) => [id, row(id).status, row(id).planned ?? []]), [
    ['CC6.1', 'covered', []], ['CC6.2', 'partial', []], ['CC6.3', 'gap', ['PL-01']], ['CC6.4', 'gap', ['NS-01']], ['CC6.5', 'gap', []],
  ]);
  const security = summary.categories.find((c) => c.id === 'security')!;
  assert.deepEqual([security.covered, security.partial], [1, 1]);
  assert.equal(summary.readiness, Math.round((100 * (1 + 0.5)) / security.criteria));
  assert.deepEqual(summary.gaps.filter((g) => g.id.startsWith('CC6.')).map((g) => [g.id, g.status, g.controls, g.planned ?? []]), [
    ['CC6.3', 'gap', [], ['PL-01']], ['CC6.4', 'gap', [], ['NS-01']], ['CC6.5', 'gap', [], []], ['CC6.6', 'gap', [], []], ['CC6.7', 'gap', [], []], ['CC6.8', 'gap', [], []], ['CC6.2', 'partial', ['PA-01'], []],
  ]);
});

test('unmapped-criterion fires on exactly the criteria the summary calls gaps', async () => {
  const { project, summary } = await summarise();
  const flagged = project.allDiagnostics().filter((d) => d.code === 'unmapped-criterion').map((d) => d.data!.criterion).sort();
  const gaps = summary.criteria.filter((c) => c.status === 'gap').map((c) => c.id).sort();
  assert.deepEqual(flagged, gaps);
  const cc63 = project.allDiagnostics().find((d) => d.code === 'unmapped-criterion' && d.data!.criterion === 'CC6.3')!;
  assert.match(cc63.message, /only planned: PL-01\.$/);
});

test('hover, text, Markdown and HTML exports, coverage tree and status bar say the same', async () => {
  const { project, summary } = await summarise();
  assert.match(criterionHover(project, 'CC6.2')!, /\*\*Coverage:\*\* partial\n/);
  assert.match(criterionHover(project, 'CC6.3')!, /\*\*Coverage:\*\* gap \(planned: PL-01\)/);
  assert.match(criterionHover(project, 'CC6.4')!, /\*\*Coverage:\*\* gap \(planned: NS-01\)/);
  const text = formatSummaryText(summary);
  assert.match(text, /^ {2}CC6\.3 +no control; planned: PL-01 — /m);
  assert.match(text, /^ {2}CC6\.2 +only partial: PA-01 — /m);
  assert.match(formatSummaryMarkdown(summary), /^- \*\*CC6\.3\*\* has no control, planned: PL-01: /m);
  assert.match(formatSummaryHtml(summary), /<li><strong>CC6\.3<\/strong> has no control, planned: PL-01: /);
  const root: RootSummary = { root: 'file:///repo', name: 'repo', summary, markdown: '' } as RootSummary;
  const tree = buildCoverageTree({ roots: [root], indexing: false });
  const node = (id: string) => tree.flatMap((c) => c.children).find((n) => n.label === id)!;
  assert.equal(node('CC6.3').description?.startsWith('gap (planned) · '), true, node('CC6.3').description);
  assert.match(node('CC6.3').tooltip!, /no implemented or partial control · planned: PL-01$/);
  assert.equal(node('CC6.2').description?.startsWith('partial · '), true);
  const gaps = summary.criteria.filter((c) => c.status === 'gap').length;
  assert.match(statusModel({ roots: [root], indexing: false }).tooltip, new RegExp(`^${gaps} criteria without a control \\(2 planned\\), 1 only partially covered$`, 'm'));
  assert.match(renderSummaryHtml({ roots: [root], indexing: false }, makeNonce()), /no control; planned: <button [^>]*>PL-01<\/button>/);
});
