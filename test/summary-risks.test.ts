import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { computeSummary } from '../server/src/engine/summary';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../server/src/report/summary-text';
import { baseRepo, TODAY } from './helpers';
import { riskRepo } from './risk-helpers';
import { CHECKS } from '../server/src/checks';

async function summaryOf(files: Record<string, string>) {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  return computeSummary(project);
}

const twoRisks = () => ({
  ...riskRepo(),
  'risks/other.yaml': 'risks:\n  - id: R-02\n    title: Region outage\n    owner: dan@example.com\n    likelihood: 1\n    impact: 4\n    treatment: accept\n    last_reviewed: 2026-03-01\n  - id: R-03\n    title: Unscored\n    owner: dan@example.com\n    treatment: avoid\n    last_reviewed: 2026-03-01\n',
});

test('the summary lists risks highest score first and counts them on a 5×5 likelihood × impact map', async () => {
  const s = await summaryOf(twoRisks());
  assert.deepEqual(s.risks, [
    { id: 'R-01', title: 'Stolen credentials reach customer data', owner: 'carol@example.com', likelihood: 3, impact: 4, score: 12, treatment: 'mitigate', controls: ['AC-01'] },
    { id: 'R-02', title: 'Region outage', owner: 'dan@example.com', likelihood: 1, impact: 4, score: 4, treatment: 'accept', controls: [] },
    { id: 'R-03', title: 'Unscored', owner: 'dan@example.com', likelihood: undefined, impact: undefined, score: undefined, treatment: 'avoid', controls: [] },
  ]);
  const expected = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  expected[2][3] = 1; // likelihood 3, impact 4
  expected[0][3] = 1; // likelihood 1, impact 4
  assert.deepEqual(s.heatMap, expected);
  const json = summaryJson(s) as { risks: unknown[]; riskHeatMap: number[][] };
  assert.deepEqual(json.risks[2], { id: 'R-03', title: 'Unscored', owner: 'dan@example.com', likelihood: null, impact: null, score: null, treatment: 'avoid', controls: [] });
  assert.deepEqual(json.riskHeatMap, expected);
});

test('text and Markdown summaries carry a risk table', async () => {
  const s = await summaryOf(twoRisks());
  const text = formatSummaryText(s);
  assert.match(text, /^Risks \(3, highest score first; score = likelihood × impact\):$/m);
  assert.match(text, /^ {2}R-01 {2}12 {5}3×4 {3}mitigate {3}carol@example\.com {2}Stolen credentials reach customer data$/m);
  assert.match(text, /^ +controls: AC-01$/m);
  const md = formatSummaryMarkdown(s);
  assert.match(md, /^\| R-01 \| Stolen credentials reach customer data \| 3 \| 4 \| 12 \| mitigate \| carol@example\.com \| AC-01 \|$/m);
  assert.match(md, /^\| R-03 \| Unscored \|  \|  \|  \| avoid \| dan@example\.com \|  \|$/m);
  assert.match(formatSummaryText(await summaryOf(baseRepo())), /^Risks: none recorded\.$/m);
});
