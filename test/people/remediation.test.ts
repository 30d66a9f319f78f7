import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { computeSummary } from '../../server/src/engine/summary';
import { summaryJson, formatSummaryText } from '../../server/src/report/summary-text';
import { CHECKS } from '../../server/src/checks';
import { baseRepo, TODAY } from '../helpers';

test('the remediation plan: criteria with no plan first, then by soonest target date, each with its planned controls', async () => {
  const files = {
    ...baseRepo(),
    'controls/plans.yaml': [
      'controls:',
      '  - { id: PL-01, title: MFA everywhere, owner: alice@example.com, status: planned, target_date: 2026-10-31, tracking: SEC-1, criteria: [CC6.6] }',
      '  - { id: PL-02, title: Key rotation, owner: bob@example.com, status: partial, target_date: 2026-08-31, criteria: [CC6.7] }',
      '  - { id: PL-03, title: Undated plan, status: planned, criteria: [CC6.6] }',
      '',
    ].join('\n'),
  };
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const s = computeSummary(project);
  const plan = s.remediation!;
  const planned = plan.filter((i) => i.steps.length);
  assert.deepEqual(planned.map((i) => [i.criterion, i.status, i.steps.map((st) => `${st.control}:${st.targetDate ?? '-'}`)]), [
    ['CC6.7', 'partial', ['PL-02:2026-08-31']],
    ['CC6.6', 'gap', ['PL-01:2026-10-31', 'PL-03:-']],
  ]);
  // Every other gap has no plan and is listed before them.
  assert.ok(plan.indexOf(planned[0]) === plan.length - 2);
  assert.ok(plan.slice(0, -2).every((i) => i.steps.length === 0 && i.status === 'gap'));
  const json = summaryJson(s) as { remediation: unknown[] };
  assert.deepEqual(json.remediation.at(-1), { criterion: 'CC6.6', status: 'gap', steps: [
    { control: 'PL-01', status: 'planned', owner: 'alice@example.com', targetDate: '2026-10-31', tracking: 'SEC-1' },
    { control: 'PL-03', status: 'planned', owner: null, targetDate: null, tracking: null },
  ] });
  assert.match(formatSummaryText(s), /^ {2}CC6\.6 {2}gap {5}PL-01 \(planned, alice@example\.com, by 2026-10-31, SEC-1\); PL-03 \(planned, no date\)$/m);
});
