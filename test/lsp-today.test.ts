/** A new day in a long-running server: date-based checks run again, counted with the work counters, nothing re-parsed. */
import { CHECKS } from '../server/src/checks';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { TodayClock } from '../server/src/lsp/today';

const FILES = {
  'soc2.yaml': 'scope:\n  categories: [security]\n',
  'controls/a.yaml': 'controls:\n  - id: AC-01\n    title: A\n    owner: a@example.com\n    status: implemented\n    criteria: [CC6.1]\n    last_reviewed: 2025-07-15\n',
};

test('Project.setToday re-runs every file\'s checks (counted) without re-parsing, and moves the findings', async () => {
  const { project } = await loadProject(new MemoryWorkspace(FILES), { checks: CHECKS, today: '2026-07-15' });
  const codes = () => project.diagnosticsFor('controls/a.yaml').map((d) => d.code);
  assert.ok(!codes().includes('stale-review'));
  const parses = new Map(project.counters.parses);
  const runs = project.counters.checkRuns.get('controls/a.yaml') ?? 0;
  assert.deepEqual([...project.setToday('2026-07-16')].sort(), ['controls/a.yaml', 'soc2.yaml']);
  assert.ok(codes().includes('stale-review'));
  assert.equal(project.counters.checkRuns.get('controls/a.yaml'), runs + 1);
  assert.deepEqual(project.counters.parses, parses);
  // The same day again is no work at all.
  assert.deepEqual([...project.setToday('2026-07-16')], []);
  codes();
  assert.equal(project.counters.checkRuns.get('controls/a.yaml'), runs + 1);
});

test('TodayClock reports a new day once, and not while the date stays', () => {
  let now = '2026-07-15';
  const seen: string[] = [];
  const clock = new TodayClock((d) => seen.push(d), () => now);
  assert.equal(clock.check(), false);
  now = '2026-07-16';
  assert.equal(clock.check(), true);
  assert.equal(clock.check(), false);
  now = '2026-07-19'; // slept through two midnights
  clock.check();
  assert.deepEqual(seen, ['2026-07-16', '2026-07-19']);
  assert.equal(clock.today, '2026-07-19');
});
